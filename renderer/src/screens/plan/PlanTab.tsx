import { useMemo, useState } from 'react';
import type { Patient } from '../../../../shared/domain/patient';
import type { PlanWeekRecord, RunPlanRecord, RunRecord } from '../../../../shared/domain/running';
import type { ClinicPolicy } from '../../../../shared/clinical/policy';
import { addDays } from '../../../../shared/clinical/calendar';
import { formatCalendarDate, formatInstantDate } from '../../../../shared/format/dates';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { messageOf } from '../../api/errors';
import { useClinic, useClinicToday } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { useClinicPolicy } from '../running/RunningTab';
import { DecisionView, PrescriptionFacts } from './DecisionView';
import { EndPlanDialog, OverrideDialog } from './PlanDialogs';
import { asDecision, currentPrescription, finalDecision, isDecided, planLadder, rungLabel, sessionsIn, stepWords, weekNumber } from './planFormat';
import { StartPlanForm } from './StartPlanForm';
import { PlanHistory } from './PlanHistory';
import { WeekStatus } from './WeekStatus';
import { LoadFailed } from '../../components/LoadState';
import './PlanTab.css';
import { RedFlagsProvider } from '../redflags/RedFlagsProvider';
import { CheckInStopNote, WeeklyCheckIn } from './WeeklyCheckIn';

/** The patient chart's Plan tab: start a plan, this week's prescription, check-in, review, accept or override, history. */
export function PlanTab({ patient }: { patient: Patient }) {
  const planQuery = useQuery('plans.get', { patientId: patient.id });
  const runsQuery = useQuery('runs.list', { patientId: patient.id });
  const { policy, ladder: clinicLadder, error: policyError, retry: retryPolicy } = useClinicPolicy();
  const error = planQuery.error?.message ?? runsQuery.error?.message ?? policyError;
  if (error)
    return (
      <LoadFailed
        error={{ message: error }}
        onRetry={() => {
          planQuery.refetch();
          runsQuery.refetch();
          retryPolicy();
        }}
      />
    );
  if (!planQuery.data || !runsQuery.data || !policy || !clinicLadder)
    return (
      <div className="loading-block" role="status">
        <span className="spinner" aria-hidden="true" /> Opening the plan…
      </div>
    );
  const plan = planQuery.data.plan;
  const setPlan = (p: RunPlanRecord) => planQuery.setData({ plan: p });
  return (
    <section className="plan-tab" aria-labelledby="plan-title">
      <h2 id="plan-title" className="visually-hidden">
        Run-walk plan
      </h2>
      <RedFlagsProvider patientId={patient.id}>
        {plan && !plan.endedAt ? (
          <ActivePlan plan={plan} runs={runsQuery.data.runs} policy={policy} onPlan={setPlan} />
        ) : (
          <>
            {plan?.endedAt && <EndedPlan plan={plan} runs={runsQuery.data.runs} policy={policy} />}
            <StartPlanForm patientId={patient.id} ladder={clinicLadder} policy={policy} onStarted={setPlan} />
          </>
        )}
      </RedFlagsProvider>
    </section>
  );
}

function EndedPlan({ plan, runs, policy }: { plan: RunPlanRecord; runs: readonly RunRecord[]; policy: ClinicPolicy }) {
  const { locale, timeZone } = useClinic();
  return (
    <div className="card plan-card">
      <div className="plan-card-head">
        <h2>Previous plan</h2>
        <span className="plan-ended">
          {formatCalendarDate(plan.startDate, locale)} – {formatInstantDate(plan.endedAt!, timeZone, locale)} · ended: {plan.endReason}
        </span>
      </div>
      <PlanHistory plan={plan} runs={runs} policy={policy} />
    </div>
  );
}

function ActivePlan({ plan, runs, policy, onPlan }: { plan: RunPlanRecord; runs: readonly RunRecord[]; policy: ClinicPolicy; onPlan: (p: RunPlanRecord) => void }) {
  const { locale, distanceUnit: unit, timeZone } = useClinic();
  const today = useClinicToday();
  const ladder = planLadder(plan);
  const latest = plan.weeks.at(-1)!;
  const decided = isDecided(latest);
  const stopped = decided && finalDecision(latest) === 'stop-and-review';
  const pending = asDecision(latest.decision) !== null && !decided;
  const lastDay = addDays(latest.weekStart, 6);
  const n = weekNumber(plan, latest.weekStart, policy);
  const { prescription } = useMemo(() => currentPrescription(plan, latest, runs, policy, unit), [plan, latest, runs, policy, unit]);
  const [overriding, setOverriding] = useState<PlanWeekRecord | null>(null);
  const [ending, setEnding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const act = async (what: () => Promise<RunPlanRecord>, done: string) => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      onPlan(await what());
      setNotice(done);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  // The latest decision shown on the page: the pending one, else the last week that has one.
  const shownWeek = [...plan.weeks].reverse().find((w) => asDecision(w.decision) !== null) ?? null;
  const shown = shownWeek ? asDecision(shownWeek.decision) : null;
  const sessions = sessionsIn(runs, latest.weekStart);

  return (
    <>
      <div className="card plan-card plan-summary">
        <div className="plan-card-head">
          <h2>Run-walk plan</h2>
          <span className="plan-sub">
            Started {formatCalendarDate(plan.startDate, locale)} · {plan.sessionsPerWeek} sessions a week · usual pain {plan.baselinePain === null ? 'not recorded' : `${plan.baselinePain}/10`}
          </span>
          <span className="spacer" />
          <button type="button" className="button no-print" onClick={() => setEnding(true)}>
            End plan…
          </button>
        </div>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      {notice && <Banner tone="success">{notice}</Banner>}

      {stopped ? (
        <Banner
          tone="warning"
          actions={
            latest.override ? undefined : (
              <button type="button" className="button" disabled={busy} onClick={() => setOverriding(latest)}>
                Resume the plan…
              </button>
            )
          }
        >
          The plan stopped for a therapist’s review after the week of {formatCalendarDate(latest.weekStart, locale)}. No running is prescribed: review the patient, then resume the plan at a rung
          (with the reason) or end it.
        </Banner>
      ) : (
        <div className="plan-columns">
          <div className="card plan-card" data-testid="this-week">
            <div className="plan-card-head">
              <h2>
                Week {n}: {formatCalendarDate(latest.weekStart, locale)} – {formatCalendarDate(lastDay, locale)}
              </h2>
              <span className="plan-sub">{rungLabel(ladder, latest.stepId)}</span>
            </div>
            <CheckInStopNote week={latest} />
            {!latest.screenAction && (
              <>
                <p className="plan-instructions">
                  <small>For the patient</small>
                  {prescription?.instructions ?? `${stepWords(ladder, latest.stepId)}. Do this ${plan.sessionsPerWeek} times this week, with at least one rest day between runs.`}
                </p>
                {prescription && (
                  <details className="decision-fold">
                    <summary>Prescription details for the clinician</summary>
                    <PrescriptionFacts prescription={prescription} ladder={ladder} unit={unit} />
                  </details>
                )}
              </>
            )}
            <p className="muted plan-logged">
              Logged this week: {sessions} of {prescription?.sessionsPerWeek ?? plan.sessionsPerWeek} sessions.
            </p>
          </div>
          <WeeklyCheckIn
            patientId={plan.patientId}
            week={latest}
            decided={decided}
            pending={pending}
            busy={busy}
            weekOver={today >= lastDay}
            lastDay={lastDay}
            onPlan={(p, message) => {
              onPlan(p);
              setProblem(null);
              setNotice(message);
            }}
            onReview={() => void act(() => call('plans.review', { weekId: latest.id }), `Week ${n} reviewed: the planner’s decision is below. Accept it or override it.`)}
          />
        </div>
      )}

      {shown && shownWeek && (
        <div className="card plan-card" data-testid="latest-decision">
          <div className="plan-card-head">
            <h2>{pending && shownWeek.id === latest.id ? `The planner’s decision for week ${n}` : `Latest decision (week ${weekNumber(plan, shownWeek.weekStart, policy)})`}</h2>
          </div>
          <DecisionView
            decision={shown}
            ladder={ladder}
            unit={unit}
            locale={locale}
            status={<WeekStatus week={shownWeek} ladder={ladder} timeZone={timeZone} locale={locale} />}
            showPrescription={!isDecided(shownWeek) || shownWeek.id === latest.id}
            actions={
              !isDecided(shownWeek) ? (
                <>
                  <button type="button" className="button button-primary" disabled={busy} onClick={() => void act(() => call('plans.accept', { weekId: shownWeek.id }), 'Decision accepted.')}>
                    Accept
                  </button>
                  {/* A cauda-equina stop is never downgraded: there is nothing to override it with (the server refuses too). */}
                  {shown.redFlagAction !== 'urgent-medical' && (
                    <button type="button" className="button" disabled={busy} onClick={() => setOverriding(shownWeek)}>
                      Override…
                    </button>
                  )}
                </>
              ) : undefined
            }
          />
        </div>
      )}

      <div className="card plan-card">
        <div className="plan-card-head">
          <h2>Plan history</h2>
          <span className="plan-sub">week by week</span>
        </div>
        <PlanHistory plan={plan} runs={runs} policy={policy} />
      </div>

      <OverrideDialog
        week={overriding}
        ladder={ladder}
        onClose={() => setOverriding(null)}
        onDone={(p) => {
          setOverriding(null);
          onPlan(p);
          setNotice('Override saved, with its reason.');
        }}
      />
      <EndPlanDialog
        plan={plan}
        open={ending}
        onClose={() => setEnding(false)}
        onDone={(p) => {
          setEnding(false);
          onPlan(p);
        }}
      />
    </>
  );
}
