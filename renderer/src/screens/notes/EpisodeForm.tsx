import { useState } from 'react';
import type { Episode, EpisodeInput } from '../../../../shared/charting/episode';
import { GOAL_STATUS_LABELS, GOAL_STATUSES, GOAL_TERM_LABELS, GOAL_TERMS, REFERRAL_TYPE_LABELS, REFERRAL_TYPES } from '../../../../shared/charting/episode';
import { checkIcd10 } from '../../../../shared/clinical/billing/icd10';
import { certificationDays, MAX_CERTIFICATION_DAYS } from '../../../../shared/clinical/documentation';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { Banner } from '../../components/Banner';
import { parseWhole } from './noteModel';
import { NoteDateField } from './NoteDateField';

type Goals = NonNullable<EpisodeInput['goals']>;
const ADDRESS_PARTS = [
  { key: 'line1', label: 'Street address', wide: true },
  { key: 'line2', label: 'Address line 2', wide: true },
  { key: 'city', label: 'City', wide: false },
  { key: 'region', label: 'State or region', wide: false },
  { key: 'postalCode', label: 'ZIP or postal code', wide: false },
] as const;
type AddressPart = (typeof ADDRESS_PARTS)[number]['key'];
interface Draft {
  referral: { type: 'self' | 'physician'; physicianName: string; physicianNpi: string; date: string; physicianPhone: string; physicianFax: string };
  physicianAddress: Record<AddressPart, string>;
  onsetDate: string;
  mechanism: string;
  diagnoses: string[];
  goals: { id?: number; term: 'short' | 'long'; description: string; targetDate: string; status: 'not_met' | 'partly' | 'met' }[];
  planOfCare: { visitsPerWeek: string; weeks: string; certStart: string; certEnd: string };
}

function toDraft(e: Episode | null): Draft {
  return {
    referral: {
      type: e?.referral.type ?? 'self',
      physicianName: e?.referral.physicianName ?? '',
      physicianNpi: e?.referral.physicianNpi ?? '',
      date: e?.referral.date ?? '',
      physicianPhone: e?.referral.physicianPhone ?? '',
      physicianFax: e?.referral.physicianFax ?? '',
    },
    physicianAddress: Object.fromEntries(ADDRESS_PARTS.map(({ key }) => [key, e?.referral.physicianAddress?.[key] ?? ''])) as Record<AddressPart, string>,
    onsetDate: e?.onsetDate ?? '',
    mechanism: e?.mechanism ?? '',
    diagnoses: e?.diagnoses.length ? e.diagnoses.map((d) => d.code) : [''],
    goals: e?.goals.length ? e.goals.map((g) => ({ id: g.id, term: g.term, description: g.description, targetDate: g.targetDate ?? '', status: g.status })) : [{ term: 'short', description: '', targetDate: '', status: 'not_met' }],
    planOfCare: { visitsPerWeek: String(e?.planOfCare.visitsPerWeek ?? ''), weeks: String(e?.planOfCare.weeks ?? ''), certStart: e?.planOfCare.certStart ?? '', certEnd: e?.planOfCare.certEnd ?? '' },
  };
}

function toInput(d: Draft): EpisodeInput {
  const goals: Goals = d.goals.filter((g) => g.description.trim()).map((g) => ({ ...(g.id ? { id: g.id } : {}), term: g.term, description: g.description, targetDate: g.targetDate || null, status: g.status }));
  return {
    referral:
      d.referral.type === 'self'
        ? { type: 'self' }
        : { type: 'physician', physicianName: d.referral.physicianName, physicianNpi: d.referral.physicianNpi, date: d.referral.date || null, physicianAddress: d.physicianAddress, physicianPhone: d.referral.physicianPhone, physicianFax: d.referral.physicianFax },
    onsetDate: d.onsetDate || null,
    mechanism: d.mechanism,
    diagnoses: d.diagnoses.map((c) => c.trim()).filter(Boolean),
    goals,
    planOfCare: { visitsPerWeek: parseWhole(d.planOfCare.visitsPerWeek), weeks: parseWhole(d.planOfCare.weeks), certStart: d.planOfCare.certStart || null, certEnd: d.planOfCare.certEnd || null },
  };
}

/** What the rules engine says about a typed code, before saving: its title, or why it cannot be used. */
function codeNote(text: string): { ok: boolean; text: string } | null {
  if (!text.trim()) return null;
  const c = checkIcd10(text);
  if (c.status === 'valid') return { ok: true, text: c.title };
  if (c.status === 'unchecked') return { ok: true, text: 'Not in Runback’s list: check it against the current ICD-10-CM code set.' };
  return { ok: false, text: c.message };
}

/**
 * The episode of care: referral, onset, diagnoses (checked as they are typed, primary first), goals
 * and the plan of care. Saved on its own (it is the episode's, not one note's).
 */
export function EpisodeForm({ patientId, episode, onSaved, disabled }: { patientId: number; episode: Episode | null; onSaved: (e: Episode) => void; disabled?: boolean }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(episode));
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSavedAt(null);
  };
  const err = (key: string) => errors[`episode.${key}`];
  const certDays = draft.planOfCare.certStart && draft.planOfCare.certEnd && draft.planOfCare.certEnd >= draft.planOfCare.certStart ? certificationDays(draft.planOfCare.certStart, draft.planOfCare.certEnd) : null;

  const save = async () => {
    setSaving(true);
    setProblem(null);
    setErrors({});
    try {
      const saved = await call('episodes.save', { ...(episode ? { id: episode.id, expectedUpdatedAt: episode.updatedAt } : {}), patientId, episode: toInput(draft) });
      setDraft(toDraft(saved));
      setSavedAt(saved.updatedAt);
      onSaved(saved);
    } catch (e) {
      setProblem(messageOf(e));
      if (isApiCallError(e)) setErrors(e.fields);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="episode-form"
      aria-label="Episode of care"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {problem ? <Banner tone="error">{problem}</Banner> : null}
      <fieldset disabled={disabled || saving}>
        <div className="episode-grid">
          <fieldset className="episode-referral">
            <legend>Referral</legend>
            {REFERRAL_TYPES.map((t) => (
              <label key={t} className="check">
                <input type="radio" name="referral-type" checked={draft.referral.type === t} onChange={() => set({ referral: { ...draft.referral, type: t } })} />
                {REFERRAL_TYPE_LABELS[t]}
              </label>
            ))}
            {draft.referral.type === 'physician' ? (
              <div className="episode-row">
                <label className="note-field">
                  <span className="note-field-label">Physician</span>
                  <input value={draft.referral.physicianName} onChange={(e) => set({ referral: { ...draft.referral, physicianName: e.target.value } })} />
                  {err('referral.physicianName') ? <span className="field-error">{err('referral.physicianName')}</span> : null}
                </label>
                <label className="note-field">
                  <span className="note-field-label">NPI</span>
                  <input value={draft.referral.physicianNpi} inputMode="numeric" maxLength={10} onChange={(e) => set({ referral: { ...draft.referral, physicianNpi: e.target.value } })} />
                  {err('referral.physicianNpi') ? <span className="field-error">{err('referral.physicianNpi')}</span> : null}
                </label>
                <NoteDateField label="Referral date" value={draft.referral.date} error={err('referral.date')} onChange={(date) => set({ referral: { ...draft.referral, date } })} />
              </div>
            ) : null}
            {draft.referral.type === 'physician' ? (
              <div className="episode-row episode-physician-address" role="group" aria-label="Physician’s practice (for letters)">
                {ADDRESS_PARTS.map(({ key, label, wide }) => (
                  <label key={key} className={wide ? 'note-field episode-wide' : 'note-field'}>
                    <span className="note-field-label">{label}</span>
                    <input value={draft.physicianAddress[key]} aria-label={`Physician’s ${label.toLowerCase()}`} onChange={(e) => set({ physicianAddress: { ...draft.physicianAddress, [key]: e.target.value } })} />
                    {err(`referral.physicianAddress.${key}`) ? <span className="field-error">{err(`referral.physicianAddress.${key}`)}</span> : null}
                  </label>
                ))}
                {(['physicianPhone', 'physicianFax'] as const).map((key) => (
                  <label key={key} className="note-field">
                    <span className="note-field-label">{key === 'physicianPhone' ? 'Phone' : 'Fax'}</span>
                    <input value={draft.referral[key]} inputMode="tel" aria-label={`Physician’s ${key === 'physicianPhone' ? 'phone' : 'fax'}`} onChange={(e) => set({ referral: { ...draft.referral, [key]: e.target.value } })} />
                    {err(`referral.${key}`) ? <span className="field-error">{err(`referral.${key}`)}</span> : null}
                  </label>
                ))}
              </div>
            ) : null}
          </fieldset>
          <div className="episode-row">
            <NoteDateField label="Onset date" value={draft.onsetDate} error={err('onsetDate')} onChange={(onsetDate) => set({ onsetDate })} />
            <label className="note-field episode-wide">
              <span className="note-field-label">Mechanism of onset</span>
              <input value={draft.mechanism} onChange={(e) => set({ mechanism: e.target.value })} />
            </label>
          </div>
        </div>

        <fieldset className="episode-diagnoses">
          <legend>Diagnoses (ICD-10-CM, primary first)</legend>
          {err('diagnoses') ? <p className="field-error">{err('diagnoses')}</p> : null}
          <ol>
            {draft.diagnoses.map((code, i) => {
              const note = codeNote(code);
              const serverError = err(`diagnoses.${i}`);
              return (
                <li key={i}>
                  <span className="dx-letter" aria-hidden="true">
                    {String.fromCharCode(65 + i)}
                  </span>
                  <input value={code} aria-label={`Diagnosis ${String.fromCharCode(65 + i)}`} placeholder="e.g. M54.50" onChange={(e) => set({ diagnoses: draft.diagnoses.map((c, j) => (j === i ? e.target.value : c)) })} />
                  {serverError || (note && !note.ok) ? <span className="field-error">{serverError ?? note!.text}</span> : note ? <span className="dx-title">{note.text}</span> : null}
                  <button type="button" className="button button-small" onClick={() => set({ diagnoses: draft.diagnoses.filter((_, j) => j !== i) })} aria-label={`Remove diagnosis ${String.fromCharCode(65 + i)}`}>
                    Remove
                  </button>
                </li>
              );
            })}
          </ol>
          {draft.diagnoses.length < 12 ? (
            <button type="button" className="button button-small" onClick={() => set({ diagnoses: [...draft.diagnoses, ''] })}>
              + Diagnosis
            </button>
          ) : null}
        </fieldset>

        <fieldset className="episode-goals">
          <legend>Goals</legend>
          {err('goals') ? <p className="field-error">{err('goals')}</p> : null}
          <ul>
            {draft.goals.map((g, i) => {
              const setGoal = (patch: Partial<Draft['goals'][number]>) => set({ goals: draft.goals.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              return (
                <li key={g.id ?? `new-${i}`} className="episode-goal">
                  <select value={g.term} aria-label={`Goal ${i + 1}: term`} onChange={(e) => setGoal({ term: e.target.value as 'short' | 'long' })}>
                    {GOAL_TERMS.map((t) => (
                      <option key={t} value={t}>
                        {GOAL_TERM_LABELS[t]}
                      </option>
                    ))}
                  </select>
                  <input className="episode-goal-text" value={g.description} aria-label={`Goal ${i + 1}`} placeholder="Measurable: what, how much, by when" onChange={(e) => setGoal({ description: e.target.value })} />
                  <NoteDateField label={`Goal ${i + 1}: target date`} hideLabel className="episode-goal-date" value={g.targetDate} error={err(`goals.${i}.targetDate`)} onChange={(targetDate) => setGoal({ targetDate })} />
                  <select value={g.status} aria-label={`Goal ${i + 1}: status`} onChange={(e) => setGoal({ status: e.target.value as Draft['goals'][number]['status'] })}>
                    {GOAL_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {GOAL_STATUS_LABELS[s]}
                      </option>
                    ))}
                  </select>
                  <button type="button" className="button button-small" onClick={() => set({ goals: draft.goals.filter((_, j) => j !== i) })} aria-label={`Remove goal ${i + 1}`}>
                    Remove
                  </button>
                  {err(`goals.${i}.description`) ? <span className="field-error">{err(`goals.${i}.description`)}</span> : null}
                </li>
              );
            })}
          </ul>
          <button type="button" className="button button-small" onClick={() => set({ goals: [...draft.goals, { term: 'long', description: '', targetDate: '', status: 'not_met' }] })}>
            + Goal
          </button>
        </fieldset>

        <fieldset className="episode-poc">
          <legend>Plan of care</legend>
          <div className="episode-row">
            <label className="note-field">
              <span className="note-field-label">Visits a week</span>
              <input type="number" min={1} max={7} value={draft.planOfCare.visitsPerWeek} onChange={(e) => set({ planOfCare: { ...draft.planOfCare, visitsPerWeek: e.target.value } })} />
              {err('planOfCare.visitsPerWeek') ? <span className="field-error">{err('planOfCare.visitsPerWeek')}</span> : null}
            </label>
            <label className="note-field">
              <span className="note-field-label">Weeks</span>
              <input type="number" min={1} max={52} value={draft.planOfCare.weeks} onChange={(e) => set({ planOfCare: { ...draft.planOfCare, weeks: e.target.value } })} />
              {err('planOfCare.weeks') ? <span className="field-error">{err('planOfCare.weeks')}</span> : null}
            </label>
            <NoteDateField label="Certified from" value={draft.planOfCare.certStart} onChange={(certStart) => set({ planOfCare: { ...draft.planOfCare, certStart } })} />
            <NoteDateField label="to" value={draft.planOfCare.certEnd} onChange={(certEnd) => set({ planOfCare: { ...draft.planOfCare, certEnd } })} />
          </div>
          <p className={err('planOfCare.certEnd') || (certDays !== null && certDays > MAX_CERTIFICATION_DAYS) ? 'field-error' : 'field-hint'}>
            {err('planOfCare.certEnd') ?? (certDays !== null ? `${certDays} days certified (at most ${MAX_CERTIFICATION_DAYS}).` : `A plan of care is certified for at most ${MAX_CERTIFICATION_DAYS} days.`)}
          </p>
        </fieldset>
        <div className="episode-actions">
          <button type="submit" className="button button-primary">
            {saving ? 'Saving…' : episode ? 'Save episode' : 'Open episode'}
          </button>
          {savedAt ? <span className="muted" role="status">Episode saved.</span> : null}
        </div>
      </fieldset>
    </form>
  );
}
