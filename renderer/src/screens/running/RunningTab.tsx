import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Patient } from '../../../../shared/domain/patient';
import type { RunRecord } from '../../../../shared/domain/running';
import { clinicPolicySchema, type ClinicPolicy } from '../../../../shared/clinical/policy';
import { addDays, startOfWeek } from '../../../../shared/clinical/calendar';
import { ladderSchema, type Ladder } from '../../../../shared/clinical/ladder';
import { formatDistance } from '../../../../shared/units/distance';
import { formatCalendarDate } from '../../../../shared/format/dates';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { messageOf } from '../../api/errors';
import { useClinic, useClinicToday } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { patientDisplayName } from '../patients/patientFormat';
import { ImportDialog } from './ImportDialog';
import { IntervalEditorDialog } from './IntervalEditor';
import { PainLegend } from './PainScore';
import { RunEntryDialog } from './RunEntryDialog';
import { RunLog } from './RunLog';
import { RunningCharts } from './RunningCharts';
import { UndoToast, type UndoToastState } from './UndoToast';
import { LoadFailed } from '../../components/LoadState';
import './RunningTab.css';
import './print.css';

/** Newest first, as runs.list answers; ties by id, newest first. */
export function sortNewestFirst(runs: readonly RunRecord[]): RunRecord[] {
  return [...runs].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));
}

/** The clinic's planner policy (every default filled in) and its ladder. */
export function useClinicPolicy(): { policy: ClinicPolicy | null; ladder: Ladder | null; error: string | null; retry: () => void } {
  const { data, error, refetch } = useQuery('policy.get', {});
  const policy = useMemo(() => (data ? clinicPolicySchema.parse(data.policy) : null), [data]);
  const ladder = useMemo(() => (data ? ladderSchema.parse(data.ladder) : null), [data]);
  return { policy, ladder, error: error?.message ?? null, retry: refetch };
}

/** The patient chart's Running tab: the log, adding and importing runs, and the charts. */
export function RunningTab({ patient }: { patient: Patient }) {
  const { locale, distanceUnit: unit, clinicName } = useClinic();
  const today = useClinicToday();
  const runsQuery = useQuery('runs.list', { patientId: patient.id });
  const planQuery = useQuery('plans.get', { patientId: patient.id });
  const { policy, error: policyError, retry: retryPolicy } = useClinicPolicy();
  const [editing, setEditing] = useState<RunRecord | 'new' | null>(null);
  const [intervalsOf, setIntervalsOf] = useState<RunRecord | null>(null);
  const [importing, setImporting] = useState(false);
  const [toast, setToast] = useState<UndoToastState | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  // Alt+R adds a run from anywhere on the tab.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.key.toLowerCase() !== 'r') return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setEditing('new');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const runs = runsQuery.data?.runs;
  const setRuns = runsQuery.setData;
  const plan = planQuery.data?.plan ?? null;
  const activePlan = plan && !plan.endedAt ? plan : null;

  const replaceRun = useCallback(
    (saved: RunRecord) => {
      setRuns({ runs: sortNewestFirst([...(runs ?? []).filter((r) => r.id !== saved.id), saved]) });
    },
    [runs, setRuns],
  );

  const remove = async (run: RunRecord) => {
    setNotice(null);
    try {
      await call('runs.delete', { id: run.id });
      setRuns({ runs: (runs ?? []).filter((r) => r.id !== run.id) });
      const when = formatCalendarDate(run.date, locale);
      setToast({
        id: Date.now(),
        message: `The run on ${when} was deleted.`,
        onUndo: () => {
          call('runs.restore', { id: run.id }).then(
            (restored) => {
              runsQuery.refetch();
              setNotice({ tone: 'success', text: `The run on ${formatCalendarDate(restored.date, locale)} is back.` });
            },
            (e: unknown) => setNotice({ tone: 'error', text: messageOf(e) }),
          );
        },
      });
    } catch (e) {
      setNotice({ tone: 'error', text: messageOf(e) });
    }
  };

  const weekFacts = useMemo(() => {
    if (!runs || !policy) return null;
    const weekStart = startOfWeek(today, policy.weekStartsOn);
    const thisWeek = runs.filter((r) => r.kind !== 'cross_training' && r.date >= weekStart && r.date <= addDays(weekStart, 6));
    const metres = thisWeek.reduce((a, r) => a + r.distanceM, 0);
    const sinceStart = activePlan ? runs.filter((r) => r.kind !== 'cross_training' && r.date >= activePlan.startDate).reduce((a, r) => a + r.distanceM, 0) : null;
    return { weekStart, sessions: thisWeek.length, metres, sinceStart, last: runs[0] ?? null };
  }, [runs, policy, today, activePlan]);

  const error = runsQuery.error?.message ?? policyError;
  if (error)
    return (
      <LoadFailed
        error={{ message: error }}
        onRetry={() => {
          runsQuery.refetch();
          retryPolicy();
        }}
      />
    );
  if (!runs || !policy || planQuery.loading)
    return (
      <div className="loading-block" role="status">
        <span className="spinner" aria-hidden="true" /> Opening the running log…
      </div>
    );

  const name = patientDisplayName(patient);
  return (
    <section className="running-tab" aria-labelledby="running-title">
      <div className="section-header running-toolbar">
        <h2 id="running-title">Running log</h2>
        <span className="print-only print-patient">
          {clinicName} · {name} · {patient.mrn} · printed {formatCalendarDate(today, locale)}
        </span>
        <span className="spacer" />
        <span className="field-hint no-print">
          <kbd>Alt</kbd>+<kbd>R</kbd> adds a run
        </span>
        <button type="button" className="button no-print" onClick={() => setImporting(true)}>
          Import watch files
        </button>
        <button type="button" className="button button-primary no-print" onClick={() => setEditing('new')} aria-keyshortcuts="Alt+R">
          Add a run
        </button>
      </div>
      {notice && <Banner tone={notice.tone}>{notice.text}</Banner>}

      {runs.length === 0 ? (
        <div className="empty-state card running-empty">
          <h2>No runs yet — add one or import a watch file</h2>
          <p>Type a run in a few seconds (distance, time, pain), or bring in FIT, TCX or GPX files from the patient’s watch or app.</p>
          <div className="running-empty-actions">
            <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
              Add a run
            </button>
            <button type="button" className="button" onClick={() => setImporting(true)}>
              Import watch files
            </button>
          </div>
        </div>
      ) : (
        <>
          {weekFacts && (
            <dl className="running-facts">
              <div>
                <dt>This week</dt>
                <dd>
                  {formatDistance(weekFacts.metres, unit)} · {weekFacts.sessions} {weekFacts.sessions === 1 ? 'session' : 'sessions'}
                  {activePlan && <span className="muted"> of {activePlan.sessionsPerWeek} planned</span>}
                </dd>
              </div>
              {weekFacts.sinceStart !== null && activePlan && (
                <div>
                  <dt>Since the plan began</dt>
                  <dd>
                    {formatDistance(weekFacts.sinceStart, unit, 1)} <span className="muted">({formatCalendarDate(activePlan.startDate, locale)})</span>
                  </dd>
                </div>
              )}
              {weekFacts.last && (
                <div>
                  <dt>Last session</dt>
                  <dd>{formatCalendarDate(weekFacts.last.date, locale)}</dd>
                </div>
              )}
              <div>
                <dt>Logged</dt>
                <dd data-testid="logged-count">{runs.length}</dd>
              </div>
            </dl>
          )}
          <PainLegend greenMax={policy.pain.greenMax} amberMax={policy.pain.amberMax} />
          <RunLog
            runs={runs}
            policy={policy}
            baselinePain={activePlan?.baselinePain ?? null}
            unit={unit}
            locale={locale}
            onEdit={(r) => setEditing(r)}
            onDelete={(r) => void remove(r)}
            onIntervals={(r) => setIntervalsOf(r)}
          />
          <h2 className="running-charts-title">Trends</h2>
          <RunningCharts runs={runs} policy={policy} plan={plan} unit={unit} locale={locale} today={today} />
        </>
      )}

      <RunEntryDialog
        open={editing !== null}
        patientId={patient.id}
        run={editing === 'new' ? null : editing}
        policy={policy}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          const wasNew = editing === 'new';
          setEditing(null);
          replaceRun(saved);
          setNotice({ tone: 'success', text: `${wasNew ? 'Added' : 'Saved'} the run on ${formatCalendarDate(saved.date, locale)}.` });
        }}
      />
      <IntervalEditorDialog
        run={intervalsOf}
        onClose={() => setIntervalsOf(null)}
        onSaved={(saved) => {
          setIntervalsOf(null);
          replaceRun(saved);
          setNotice({ tone: 'success', text: `Intervals corrected: ${saved.intervalSummary ?? ''}.` });
        }}
      />
      <ImportDialog
        open={importing}
        patientId={patient.id}
        onClose={() => setImporting(false)}
        onImported={({ imported, skipped }) => {
          setImporting(false);
          runsQuery.refetch();
          setNotice({ tone: 'success', text: `Imported ${imported} ${imported === 1 ? 'activity' : 'activities'}${skipped ? `; ${skipped} skipped` : ''}.` });
        }}
      />
      <UndoToast toast={toast} onDone={() => setToast(null)} />
    </section>
  );
}
