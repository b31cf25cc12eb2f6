import { useRef, useState } from 'react';
import type { ScreenEntry } from '../../../../shared/clinical/redFlags';
import type { PlanWeekRecord, RunPlanRecord } from '../../../../shared/domain/running';
import { formatCalendarDate } from '../../../../shared/format/dates';
import { call } from '../../api/client';
import { useClinic } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { SavedScreen } from '../redflags/RedFlagOutcome';
import { RedFlagScreenForm } from '../redflags/RedFlagScreenForm';
import { useRedFlags } from '../redflags/RedFlagsProvider';

const STOP_WORDS = {
  'urgent-medical': 'No running: the red-flag screen asks for urgent medical assessment today (the emergency department if after hours).',
  'stop-and-refer': 'No running: the red-flag screen asks to stop the plan and refer the patient to their physician.',
  'stop-until-review': 'No running until a therapist has reviewed what the red-flag screen found.',
} as const;

/** Said in place of this week's running instructions once the check-in stops the plan. */
export function CheckInStopNote({ week }: { week: PlanWeekRecord }) {
  if (!week.screenAction) return null;
  return (
    <div data-testid="check-in-stop">
      <Banner tone={week.screenAction === 'urgent-medical' ? 'error' : 'warning'}>{STOP_WORDS[week.screenAction]}</Banner>
    </div>
  );
}

interface WeeklyCheckInProps {
  patientId: number;
  week: PlanWeekRecord;
  decided: boolean;
  /** The planner has decided and the decision waits for the therapist. */
  pending: boolean;
  busy: boolean;
  /** The week's last day has come. */
  weekOver: boolean;
  lastDay: string;
  onPlan: (plan: RunPlanRecord, notice: string) => void;
  onReview: () => void;
}

/**
 * The weekly check-in: the red-flag screen for the week (asked once, correctable until the week is
 * decided), what it asks the clinic to do, and the review. A week is reviewed once its screen is
 * recorded — on its last day, or at once when the screen already stops the plan.
 */
export function WeeklyCheckIn({ patientId, week, decided, pending, busy, weekOver, lastDay, onPlan, onReview }: WeeklyCheckInProps) {
  const { locale } = useClinic();
  const { screens, clinic, error, saved } = useRedFlags();
  const top = useRef<HTMLDivElement>(null);
  // After saving, the long form gives way to its outcome: bring that into view.
  const showTop = () => requestAnimationFrame(() => top.current?.scrollIntoView({ block: 'start' }));
  const [correcting, setCorrecting] = useState(false);
  const screen = screens?.find((s) => s.id === week.screenId) ?? null;
  const stops = screen !== null && screen.triage.action !== null;
  const loading = week.screenId !== null && !screen && !error;
  const asking = !loading && (!screen || correcting) && !decided;

  const save = async (entry: ScreenEntry) => {
    const result = await call('redFlags.record', { patientId, context: { kind: 'check-in', weekId: week.id }, entry, replacesId: correcting ? week.screenId : null });
    saved(result.screen);
    setCorrecting(false);
    showTop();
    if (result.plan) onPlan(result.plan, pending ? 'Screen saved. It changes what the planner had: review the week again.' : 'Red-flag screen saved.');
  };

  return (
    <div className={`card plan-card checkin-form${asking ? ' is-asking' : ''}`} ref={top} data-testid="check-in">
      <div className="plan-card-head">
        <h2>Weekly check-in</h2>
        <span className="plan-sub">red-flag screen</span>
      </div>
      {error && <Banner tone="error">{error}</Banner>}
      {loading && (
        <div className="loading-block" role="status">
          <span className="spinner" aria-hidden="true" /> Opening the screen…
        </div>
      )}
      {screen && !correcting && clinic && (
        <>
          <SavedScreen screen={screen} clinic={clinic} />
          {!decided && (
            <button type="button" className="button button-small button-quiet" onClick={() => setCorrecting(true)}>
              Correct the answers…
            </button>
          )}
        </>
      )}
      {asking && (
        <>
          {correcting && <p className="field-hint">The corrected answers replace the earlier ones; both are kept in the patient’s record.</p>}
          <RedFlagScreenForm
            key={correcting ? `fix-${week.screenId}` : `new-${week.id}`}
            initial={correcting ? screen : null}
            lead="Since the last check-in, has the patient had…"
            saveLabel={correcting ? 'Save the corrected screen' : 'Save the screen'}
            onSave={save}
          />
          {correcting && (
            <button type="button" className="button button-small button-quiet" onClick={() => setCorrecting(false)}>
              Keep the earlier answers
            </button>
          )}
        </>
      )}
      {!screen && decided && !loading && <p className="muted">No red-flag screen was recorded this week.</p>}
      {!decided && !pending && (
        <div className="review-box">
          <p>
            {!screen
              ? 'Record this week’s red-flag screen before the review.'
              : stops
                ? 'The screen stops the plan: review the week now.'
                : weekOver
                  ? 'The week is over: the planner can review it now.'
                  : `The week can be reviewed from ${formatCalendarDate(lastDay, locale, 'long')}, its last day.`}
          </p>
          <button type="button" className="button button-primary" disabled={busy || !screen || correcting || (!weekOver && !stops)} onClick={onReview}>
            Review the week
          </button>
        </div>
      )}
    </div>
  );
}
