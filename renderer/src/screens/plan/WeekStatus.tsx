import type { PlanWeekRecord } from '../../../../shared/domain/running';
import type { Ladder } from '../../../../shared/clinical/ladder';
import { formatInstantDate } from '../../../../shared/format/dates';
import { DecisionBadge } from './DecisionView';
import { rungLabel } from './planFormat';

/** Who settled a week's decision: accepted as the planner said, or overridden (with the reason), or still waiting. */
export function WeekStatus({ week, ladder, timeZone, locale }: { week: PlanWeekRecord; ladder: Ladder; timeZone: string; locale: string }) {
  if (week.override)
    return (
      <div className="decision-override" data-testid="override">
        <p>
          <strong>Overridden</strong> by {week.override.by ?? 'a therapist'} on {formatInstantDate(week.override.at, timeZone, locale)}: <DecisionBadge decision={week.override.decision} small />
          {week.override.stepId && <> to {rungLabel(ladder, week.override.stepId).toLowerCase()}</>} — “{week.override.reason}”
        </p>
      </div>
    );
  if (week.acceptedAt)
    return (
      <p className="decision-meta">
        Accepted by {week.acceptedBy ?? 'a therapist'} on {formatInstantDate(week.acceptedAt, timeZone, locale)}.
      </p>
    );
  return <p className="decision-meta">Waiting for a therapist to accept or override.</p>;
}
