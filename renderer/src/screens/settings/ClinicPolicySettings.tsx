import { useMemo, useState } from 'react';
import { useForm, type FieldErrors, type Path, type Resolver } from 'react-hook-form';
import type { ResponseData } from '../../../../shared/api/contract';
import { clinicPolicySchema, DEFAULT_POLICY, sameValue, type ClinicPolicy } from '../../../../shared/clinical/policy';
import { WEEKDAYS } from '../../../../shared/clinical/calendar';
import { RULE_AREAS, RULE_AREA_TITLES } from '../../../../shared/clinical/rules';
import type { EvidenceGrade } from '../../../../shared/clinical/evidence';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { isApiCallError, messageOf } from '../../api/errors';
import { useLeaveGuard } from '../../app/router';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { GradeBadge } from '../plan/DecisionView';
import { GRADE_LABELS, GRADE_TITLES } from '../plan/planFormat';
import { LoadFailed } from '../../components/LoadState';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { useClinic } from '../../app/clinic';
import { ruleValueLines } from './policyWords';
import './ClinicPolicySettings.css';

type PolicyData = ResponseData<'policy.get'>;

/** The part of the policy this form edits; the rest of what the clinic changed is kept as it is. */
export interface PolicyFormValues {
  weekStartsOn: ClinicPolicy['weekStartsOn'];
  pain: ClinicPolicy['pain'];
  progression: ClinicPolicy['progression'];
  spikeGuard: ClinicPolicy['spikeGuard'];
  cautionWindow: ClinicPolicy['cautionWindow'];
  reassessmentDue: ClinicPolicy['reassessmentDue'];
}

export const POLICY_LABELS: Record<string, string> = {
  weekStartsOn: 'Clinic weeks start on',
  'pain.greenMax': 'Fine up to (green ceiling)',
  'pain.amberMax': 'Acceptable up to (amber ceiling)',
  'pain.nextMorningAmberRise': 'Next-morning rise that is “not settled”',
  'pain.nextMorningRedRise': 'Next-morning rise that is “worse at 24 hours”',
  'pain.weekTrendRise': 'Week-to-week rise in peak pain',
  'pain.requireScoresToProgress': 'Progress only when every run has its pain scores',
  'pain.severeFlarePeak': 'Severe flare: pain during or after a run at or above',
  'pain.severeFlareNextMorningRise': 'Severe flare: next-morning rise above usual of at least',
  'progression.reviewAfterHolds': 'Holds in a row on one rung before a review',
  'progression.minSessionsAtStep': 'Sessions at a rung before progressing',
  'progression.maxConsecutiveRegressions': 'Steps back in a row before stop and review',
  'progression.sessionsPerWeek': 'Sessions a week (default for new plans)',
  'progression.holdOnNewSurface': 'Hold the first week on a new surface',
  'spikeGuard.maxPercentOfLongest': 'Longest planned session, % of the longest recent run',
  'spikeGuard.lookbackDays': 'Look-back for the longest run (days)',
  'cautionWindow.enabled': 'Use a caution window',
  'cautionWindow.fromWeek': 'From plan week',
  'cautionWindow.toWeek': 'To plan week',
  'cautionWindow.action': 'In the window',
  'reassessmentDue.everyWeeks': 'Re-test every (weeks)',
  'reassessmentDue.atProgressNote': 'Also due when a progress note is due',
  'reassessmentDue.atDischarge': 'Also due at discharge',
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A schema message in plain words, with the setting's label instead of its dotted name. */
export function friendlyPolicyMessage(path: string, message: string): string {
  const label = POLICY_LABELS[path] ?? path;
  let m = message;
  for (const [p, l] of Object.entries(POLICY_LABELS).sort((a, b) => b[0].length - a[0].length)) m = m.split(p).join(`“${l}”`);
  const min = /expected number to be >=?(\d+(\.\d+)?)/.exec(m);
  const max = /expected number to be <=?(\d+(\.\d+)?)/.exec(m);
  if (/received NaN|expected number, received/.test(m)) return `${label}: type a number`;
  if (/expected int/.test(m)) return `${label}: type a whole number`;
  if (min) return `${label} must be at least ${min[1]}`;
  if (max) return `${label} must be at most ${max[1]}`;
  return m;
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown) {
  let node = target;
  path.slice(0, -1).forEach((k) => {
    node[k] ??= {};
    node = node[k] as Record<string, unknown>;
  });
  node[path.at(-1)!] = value;
}

/** clinicPolicySchema (the server's own rules) with the messages next to the fields, in words. */
export const policyResolver: Resolver<PolicyFormValues> = async (values) => {
  const parsed = clinicPolicySchema.safeParse(values);
  if (parsed.success) return { values, errors: {} };
  const errors: Record<string, unknown> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const key = path.join('.');
    if (!POLICY_LABELS[key]) continue;
    setAt(errors, path, { type: issue.code, message: friendlyPolicyMessage(key, issue.message) });
  }
  return { values: {}, errors: errors as FieldErrors<PolicyFormValues> };
};

export function formValuesOf(policy: ClinicPolicy): PolicyFormValues {
  return { weekStartsOn: policy.weekStartsOn, pain: { ...policy.pain }, progression: { ...policy.progression }, spikeGuard: { ...policy.spikeGuard }, cautionWindow: { ...policy.cautionWindow }, reassessmentDue: { ...policy.reassessmentDue } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** What the clinic changed after this form: the old changes merged with the form, minus anything back at its default. */
export function nextChanged(changed: unknown, values: PolicyFormValues): Record<string, unknown> {
  const merge = (a: unknown, b: unknown): unknown => {
    if (!isObject(a) || !isObject(b)) return b;
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
    return out;
  };
  const prune = (node: unknown, defaults: unknown): unknown => {
    if (!isObject(node)) return sameValue(node, defaults) ? undefined : node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      const kept = prune(v, isObject(defaults) ? defaults[k] : undefined);
      if (kept !== undefined) out[k] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  };
  return (prune(merge(isObject(changed) ? changed : {}, values), DEFAULT_POLICY) as Record<string, unknown> | undefined) ?? {};
}

/** Settings → Clinic policy: every rule with its source and grade; an admin changes the values. */
export function ClinicPolicySettings({ canEdit }: { canEdit: boolean }) {
  const { data, error, refetch, setData } = useQuery('policy.get', {});
  if (error) return <LoadFailed error={error} onRetry={refetch} />;
  if (!data)
    return (
      <div className="loading-block" role="status">
        <span className="spinner" aria-hidden="true" /> Loading the clinic policy…
      </div>
    );
  return (
    <div className="policy-settings">
      <p className="policy-intro">
        The run-walk planner follows these rules. Each names its source and how far it can be trusted. Figures the sources do not settle are the clinic’s own policy, and any figure the clinic
        changes from its default is shown as clinic policy.
      </p>
      {canEdit ? (
        <PolicyForm data={data} onSaved={(d) => setData(d)} />
      ) : (
        <p className="form-section-note">Only an admin can change the clinic policy.</p>
      )}
      <RuleListing rules={data.rules} policy={clinicPolicySchema.parse(data.policy)} />
    </div>
  );
}

function PolicyForm({ data, onSaved }: { data: PolicyData; onSaved: (data: PolicyData) => void }) {
  const policy = useMemo(() => clinicPolicySchema.parse(data.policy), [data.policy]);
  const form = useForm<PolicyFormValues>({ resolver: policyResolver, mode: 'onTouched', defaultValues: formValuesOf(policy) });
  const { register, handleSubmit, formState, setError, reset, watch } = form;
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useLeaveGuard(formState.isDirty);
  const errors = formState.errors;
  const err = (path: string) => {
    const parts = path.split('.');
    let node: unknown = errors;
    for (const p of parts) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
    return (node as { message?: string } | undefined)?.message;
  };
  const num = (path: Path<PolicyFormValues>) => register(path, { valueAsNumber: true });
  const cautionOn = watch('cautionWindow.enabled');

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    setSaved(false);
    try {
      // The ladder is left out, so the clinic's ladder stays as it is.
      await call('policy.update', { changed: nextChanged(data.changed, values) });
      const fresh = await call('policy.get', {});
      reset(formValuesOf(clinicPolicySchema.parse(fresh.policy)));
      setSaved(true);
      onSaved(fresh);
    } catch (e) {
      if (isApiCallError(e) && e.code === 'VALIDATION') {
        let placed = 0;
        const unplaced: string[] = [];
        for (const [raw, message] of Object.entries(e.fields)) {
          const path = raw.replace(/^changed\./, '');
          if (POLICY_LABELS[path]) setError(path as Path<PolicyFormValues>, { type: 'server', message: friendlyPolicyMessage(path, message) }, { shouldFocus: placed++ === 0 });
          else unplaced.push(friendlyPolicyMessage(path, message));
        }
        setProblem(unplaced.length ? unplaced.join(' ') : 'Nothing was saved: check the fields marked below.');
      } else setProblem(messageOf(e));
    }
  });

  const numberField = (path: Path<PolicyFormValues>, hint: string, attrs: { min?: number; max?: number; step?: number } = {}) => (
    <Field label={POLICY_LABELS[path]!} error={err(path)} hint={hint} className="span-2">
      <input {...num(path)} type="number" inputMode="numeric" min={attrs.min} max={attrs.max} step={attrs.step ?? 1} />
    </Field>
  );
  const check = (path: Path<PolicyFormValues>, hint: string) => (
    <div className="span-6 field">
      <label className="choice">
        <input type="checkbox" {...register(path)} />
        <span>{POLICY_LABELS[path]}</span>
      </label>
      <div className="field-hint">{hint}</div>
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Clinic policy" className="policy-form">
      {problem && <Banner tone="error">{problem}</Banner>}
      {saved && !formState.isDirty && <Banner tone="success">Clinic policy saved. The change is recorded in the audit log; weeks reviewed from now on use it.</Banner>}
      <fieldset className="form-section">
        <legend>Pain zones (pain during or straight after a run, 0–10)</legend>
        <p className="form-section-note">Default from the pain-monitoring model handout (≤3 fine, 4–5 acceptable, over 5 too much) — a secondary source.</p>
        <div className="form-grid">
          {numberField('pain.greenMax', 'Pain at or below this is fine (green)', { min: 0, max: 10 })}
          {numberField('pain.amberMax', 'Above green and at or below this is acceptable (amber); above it is too much', { min: 0, max: 10 })}
          {numberField('pain.nextMorningAmberRise', 'Points above the usual pain the morning after: hold', { min: 1, max: 10 })}
          {numberField('pain.nextMorningRedRise', 'Points above the usual pain the morning after: step back (default 2, the NPRS measurement error)', { min: 1, max: 10 })}
          {numberField('pain.weekTrendRise', 'A rise this big in the week’s peak over last week’s holds the plan', { min: 1, max: 10 })}
          {numberField('pain.severeFlarePeak', 'Clinic policy: stops the progression for review instead of a step back', { min: 1, max: 10 })}
          {numberField('pain.severeFlareNextMorningRise', 'Clinic policy: points above the usual pain the morning after that stop for review', { min: 1, max: 10 })}
          {check('pain.requireScoresToProgress', 'A run without its during and next-morning scores cannot show the load was tolerated.')}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Progression</legend>
        <div className="form-grid">
          {numberField('progression.minSessionsAtStep', 'Return-to-run table (Trials 2023): at least twice', { min: 1, max: 12 })}
          {numberField('progression.maxConsecutiveRegressions', 'Another step back after this many becomes stop and review', { min: 1, max: 12 })}
          {numberField('progression.reviewAfterHolds', 'Clinic policy: the plan is not moving — reassess, consider stepping back or changing it', { min: 2, max: 12 })}
          {numberField('progression.sessionsPerWeek', 'ASTEROID: 3 sessions a week', { min: 1, max: 7 })}
          <Field label={POLICY_LABELS.weekStartsOn!} error={err('weekStartsOn')} hint="Plan weeks, weekly totals and adherence use clinic weeks" className="span-2">
            <select {...register('weekStartsOn')}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {cap(d)}
                </option>
              ))}
            </select>
          </Field>
          {check('progression.holdOnNewSurface', 'Clinic policy: the first week on a surface not used before repeats the rung.')}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Single-session spike guard</legend>
        <p className="form-section-note">Frandsen et al. 2025 (5,200 runners): sessions more than 10% longer than the longest run of the past 30 days raised injury risk.</p>
        <div className="form-grid">
          {numberField('spikeGuard.maxPercentOfLongest', 'No planned session longer than this; default 110%', { min: 100, max: 200 })}
          {numberField('spikeGuard.lookbackDays', 'Default 30 days', { min: 7, max: 90 })}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Caution window — clinic policy</legend>
        <p className="form-section-note">
          Some staff expect flare-ups around week 6. <strong>This is not in ASTEROID’s published results</strong>: no abstract or review we found reports a 6-week dip. It is off by default; if the
          clinic turns it on, it is shown to therapists as clinic policy, never as evidence.
        </p>
        <div className="form-grid">
          {check('cautionWindow.enabled', 'When on, the planner holds progression (or only adds a labelled note) in these plan weeks.')}
          {numberField('cautionWindow.fromWeek', '', { min: 1, max: 52 })}
          {numberField('cautionWindow.toWeek', '', { min: 1, max: 52 })}
          <Field label={POLICY_LABELS['cautionWindow.action']!} error={err('cautionWindow.action')} className="span-2">
            <select {...register('cautionWindow.action')} disabled={!cautionOn}>
              <option value="hold">Hold rather than progress</option>
              <option value="note">Only add a note</option>
            </select>
          </Field>
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Reassessments and questionnaires due — clinic policy</legend>
        <p className="form-section-note">No source sets how often to re-test: the baseline is due at the start of each episode of care, then on the clinic’s own cadence. Shown on the chart’s Reassessment tab and the therapist’s Today screen.</p>
        <div className="form-grid">
          {numberField('reassessmentDue.everyWeeks', 'Weeks after the last battery or questionnaire; default 4', { min: 1, max: 26 })}
          {check('reassessmentDue.atProgressNote', 'Due again whenever a progress note is due.')}
          {check('reassessmentDue.atDischarge', 'Due again while a discharge note is being written.')}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
          Save clinic policy
        </button>
        {formState.isDirty && (
          <button type="button" className="button button-quiet" onClick={() => reset()}>
            Undo changes
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={() => reset(formValuesOf(DEFAULT_POLICY), { keepDefaultValues: true })}>
          Use the defaults
        </button>
        <span className="form-status" role="status">
          {formState.isDirty ? 'Unsaved changes' : ''}
        </span>
      </div>
    </form>
  );
}

type RuleRow = PolicyData['rules'][number];

/**
 * Every rule the planner follows, grouped by area, each area folded to one line ("Pain monitoring —
 * 6 rules, 2 changed by the clinic") until opened: the statement, the value in words and the
 * clinic's units, the source and how far it can be trusted. Rule ids stay folded away.
 */
function RuleListing({ rules, policy }: { rules: PolicyData['rules']; policy: ClinicPolicy }) {
  const { distanceUnit } = useClinic();
  const grades: EvidenceGrade[] = ['confirmed', 'secondary', 'clinic-policy'];
  const columns = useMemo<DataTableColumn<RuleRow>[]>(
    () => [
      {
        id: 'rule',
        header: 'Rule',
        size: 260,
        meta: { rowHeader: true, grow: 3, className: 'rule-statement' },
        cell: ({ row: { original: r } }) => (
          <>
            <div>{r.statement}</div>
            <details className="rule-id">
              <summary>Rule</summary>
              <code className="mono">{r.id}</code>
            </details>
          </>
        ),
      },
      {
        id: 'value',
        header: 'Value',
        size: 180,
        meta: { grow: 2, className: 'rule-value' },
        cell: ({ row: { original: r } }) => ruleValueLines(r.id, policy, distanceUnit).map((v) => <div key={v}>{v}</div>),
      },
      { id: 'source', header: 'Source', size: 180, meta: { grow: 2 }, cell: (i) => i.row.original.source },
      {
        id: 'grade',
        accessorFn: (r) => grades.indexOf(r.grade as EvidenceGrade),
        header: 'Grade',
        enableSorting: true,
        size: 130,
        meta: { grow: 0 },
        cell: ({ row: { original: r } }) => (
          <>
            <GradeBadge grade={r.grade as EvidenceGrade} />
            {r.modified && (
              <div className="changed-marker">
                <span className="badge badge-warning">Changed from default</span>
                {r.defaultGrade !== r.grade && <div className="field-hint">Default grade: {GRADE_LABELS[r.defaultGrade as EvidenceGrade]}</div>}
              </div>
            )}
          </>
        ),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- grades is a constant list
    [policy, distanceUnit],
  );
  return (
    <section className="policy-rules-section" aria-labelledby="policy-rules-title">
      <h2 id="policy-rules-title" className="policy-rules-title">
        Rules
      </h2>
      <p className="grade-legend">
        {grades.map((g) => (
          <span key={g}>
            <GradeBadge grade={g} /> {GRADE_TITLES[g].toLowerCase()}
          </span>
        ))}
      </p>
      {RULE_AREAS.map((area) => {
        const list = rules.filter((r) => r.area === area);
        if (!list.length) return null;
        const changed = list.filter((r) => r.modified).length;
        return (
          <details key={area} className="policy-area decision-fold" data-testid={`policy-area-${area}`}>
            <summary>
              <h3>{RULE_AREA_TITLES[area]}</h3>
              <span className="muted policy-area-count">
                {list.length} {list.length === 1 ? 'rule' : 'rules'}
                {changed ? ` · ${changed} changed by the clinic` : ''}
              </span>
            </summary>
            <DataTable label={RULE_AREA_TITLES[area]} className="policy-rules" columns={columns} data={list} getRowId={(r) => r.id} rowTestId="policy-rule" rowClassName={(r) => (r.modified ? 'is-modified' : undefined)} maxHeight="none" />
          </details>
        );
      })}
    </section>
  );
}
