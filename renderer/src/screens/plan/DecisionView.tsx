import type { ReactNode } from 'react';
import type { DistanceUnit } from '../../../../shared/domain/clinic';
import type { PlanDecisionKind } from '../../../../shared/clinical/history';
import type { EvidenceGrade, Reason } from '../../../../shared/clinical/evidence';
import type { Ladder } from '../../../../shared/clinical/ladder';
import type { PlanDecision } from '../../../../shared/clinical/planner';
import type { Prescription } from '../../../../shared/clinical/prescription';
import { formatDistance } from '../../../../shared/units/distance';
import { formatDuration } from '../../../../shared/units/duration';
import { formatCalendarDate } from '../../../../shared/format/dates';
import { localiseDates } from '../running/runFormat';
import { DecisionAlert } from './DecisionAlert';
import { DECISION_LABELS, DECISION_MARKS, EFFECT_MARKS, EFFECT_WORDS, GRADE_LABELS, GRADE_TITLES, rungLabel } from './planFormat';
import './DecisionView.css';

export function DecisionBadge({ decision, small }: { decision: PlanDecisionKind; small?: boolean }) {
  return (
    <span className={`decision-badge decision-${decision}${small ? ' is-small' : ''}`} data-decision={decision}>
      <span aria-hidden="true">{DECISION_MARKS[decision]}</span>
      {DECISION_LABELS[decision]}
    </span>
  );
}

export function GradeBadge({ grade }: { grade: EvidenceGrade }) {
  return (
    <span className={`grade grade-${grade}`} title={GRADE_TITLES[grade]}>
      {GRADE_LABELS[grade]}
    </span>
  );
}

/** The rule's name in Runback's list, folded away: for looking it up in Settings → Clinic policy, not for reading. */
function RuleId({ id }: { id: string }) {
  return (
    <details className="rule-id">
      <summary>Rule</summary>
      <code className="reason-rule mono">{id}</code>
    </details>
  );
}

export function ReasonList({ reasons, locale }: { reasons: readonly Reason[]; locale: string }) {
  return (
    <ol className="reason-list" aria-label="Reasons">
      {reasons.map((r, i) => (
        <li key={`${r.ruleId}-${i}`} className="reason" data-testid="reason">
          <span className="reason-effect" title={EFFECT_WORDS[r.effect]}>
            <span aria-hidden="true">{EFFECT_MARKS[r.effect]}</span>
            <span className="visually-hidden">{EFFECT_WORDS[r.effect]}: </span>
          </span>
          <p className="reason-sentence">{localiseDates(r.sentence, locale)}</p>
          <div className="reason-meta">
            <GradeBadge grade={r.grade} />
            <span className="reason-source">
              <span className="visually-hidden">Source: </span>
              {r.source}
            </span>
            <RuleId id={r.ruleId} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Next week's prescription in the patient's words and in the clinician's. */
export function PrescriptionFacts({ prescription, ladder, unit }: { prescription: Prescription; ladder: Ladder; unit: DistanceUnit }) {
  const p = prescription;
  const intervals = p.walkSeconds === 0 ? `continuous run ${formatDuration(p.runSeconds * p.repeats)}` : `${p.repeats} × (${formatDuration(p.runSeconds)} run / ${formatDuration(p.walkSeconds)} walk)`;
  return (
    <dl className="plan-facts">
      <dt>Step</dt>
      <dd>{rungLabel(ladder, p.stepId)}</dd>
      <dt>Sessions</dt>
      <dd>{p.sessionsPerWeek} a week, at least one rest day between runs</dd>
      <dt>Session length</dt>
      <dd>{formatDuration(p.sessionSeconds)}</dd>
      <dt>Run / walk intervals</dt>
      <dd>
        {intervals}
        {p.shortenedBySpikeGuard && <span className="badge badge-warning"> shortened by the spike guard</span>}
      </dd>
      <dt>Expected distance</dt>
      <dd>
        {p.expectedWeeklyDistanceM === null ? (
          <span className="muted">not known yet (no recent runs to estimate speed)</span>
        ) : (
          <>
            {formatDistance(p.expectedWeeklyDistanceM, unit)} a week · about {formatDistance(p.expectedSessionDistanceM ?? 0, unit)} a session
          </>
        )}
      </dd>
      {p.spikeGuardCapM !== null && (
        <>
          <dt>Spike guard</dt>
          <dd>no session longer than {formatDistance(p.spikeGuardCapM, unit)}</dd>
        </>
      )}
      <dt>Surface</dt>
      <dd>{p.surface}</dd>
      <dt>Speed</dt>
      <dd>{p.speedGuidance}</dd>
    </dl>
  );
}

export function ResearchContextBox({ decision, locale }: { decision: PlanDecision; locale: string }) {
  const rc = decision.researchContext;
  return (
    <details className="research-context decision-fold">
      <summary>
        <h3>
          Research context <span className="badge">not a target</span>
        </h3>
      </summary>
      <aside aria-label="Research context">
      <p className="research-note">{rc.note}</p>
      <ul className="research-list">
        {rc.items.map((item) => (
          <li key={item.ruleId}>
            <p>{item.finding}</p>
            <p className="research-patient">This patient: {localiseDates(item.patient, locale)}</p>
            <div className="reason-meta">
              <GradeBadge grade={item.grade} />
              <span>{item.source}</span>
              <RuleId id={item.ruleId} />
            </div>
          </li>
        ))}
      </ul>
      </aside>
    </details>
  );
}

interface DecisionViewProps {
  decision: PlanDecision;
  ladder: Ladder;
  unit: DistanceUnit;
  locale: string;
  /** Shown under the decision: who accepted or overrode it. */
  status?: ReactNode;
  actions?: ReactNode;
  /** False when next week's prescription is already on screen (it is this week's). */
  showPrescription?: boolean;
}

/** The planner's decision for a week: the decision, every reason with its rule, source and grade, the home exercises, gates, next week's prescription, and the research context beside it. */
export function DecisionView({ decision, ladder, unit, locale, status, actions, showPrescription = true }: DecisionViewProps) {
  const wr = decision.weekReviewed;
  const moved = decision.toStepId && decision.toStepId !== decision.fromStepId;
  return (
    <div className="decision-view" data-testid="decision-view">
      <div className="decision-head">
        <DecisionBadge decision={decision.engineDecision} />
        <span className="decision-step">
          {decision.toStepId === null
            ? 'No further running until a therapist has reviewed.'
            : moved
              ? `${rungLabel(ladder, decision.fromStepId)} → ${rungLabel(ladder, decision.toStepId)}`
              : `Stay on ${rungLabel(ladder, decision.fromStepId).toLowerCase()}`}
        </span>
        <span className="decision-meta">
          Week {wr.weekNumber} ({formatCalendarDate(wr.weekStart, locale)} – {formatCalendarDate(wr.weekEnd, locale)}) · {wr.sessionsLogged} of {wr.prescribedSessions}{' '}
          {wr.prescribedSessions === 1 ? 'session' : 'sessions'} logged
        </span>
      </div>
      <DecisionAlert decision={decision} />
      {status}
      <div className="decision-body">
        <div className="decision-main">
          <section className="decision-section">
            <h3>Why ({decision.reasons.length} {decision.reasons.length === 1 ? 'reason' : 'reasons'})</h3>
            <ReasonList reasons={decision.reasons} locale={locale} />
          </section>
          {decision.homeExercises.length > 0 && (
            <details className="decision-section decision-fold">
              <summary>
                <h3>Home exercises the decision adds ({decision.homeExercises.length})</h3>
              </summary>
              <ul className="exercise-list">
                {decision.homeExercises.map((e) => (
                  <li key={e.id}>
                    <strong>{e.name}</strong> — {e.purpose}. {e.dosage} <GradeBadge grade={e.grade} /> <span className="muted">{e.source}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <details className="decision-section decision-fold">
            <summary>
              <h3>Mobility gates ({decision.gates.length === 0 ? 'none applied' : decision.gates.filter((g) => g.active).length ? `${decision.gates.filter((g) => g.active).length} holding` : 'clear'})</h3>
            </summary>
            {decision.gates.length === 0 ? (
              <p className="muted">No mobility gate applied to this week.</p>
            ) : (
              <ul className="exercise-list">
                {decision.gates.map((g) => (
                  <li key={g.gate}>
                    <strong>{g.active ? 'Holding' : g.lifted || g.liftedByImprovement ? 'Lifted' : 'Within measurement error'}</strong> — {g.findings.join('; ')} ({formatCalendarDate(g.reassessmentDate, locale)})
                  </li>
                ))}
              </ul>
            )}
          </details>
          {decision.prescription && showPrescription && (
            <section className="decision-section">
              <h3>Prescription for the week of {formatCalendarDate(decision.prescription.weekStart, locale)}</h3>
              <p className="plan-instructions">
                <small>For the patient</small>
                {decision.prescription.instructions}
              </p>
              <details className="decision-fold">
                <summary>Prescription details for the clinician</summary>
                <PrescriptionFacts prescription={decision.prescription} ladder={ladder} unit={unit} />
              </details>
            </section>
          )}
          {actions && <div className="decision-actions">{actions}</div>}
        </div>
        <ResearchContextBox decision={decision} locale={locale} />
      </div>
    </div>
  );
}
