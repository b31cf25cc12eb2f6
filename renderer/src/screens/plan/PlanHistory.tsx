import { useMemo, useState } from 'react';
import type { PlanWeekRecord, RunPlanRecord, RunRecord } from '../../../../shared/domain/running';
import type { ClinicPolicy } from '../../../../shared/clinical/policy';
import { SCREEN_FLAG_LABELS } from '../../../../shared/clinical/redFlags';
import { formatCalendarDate, formatInstantDate } from '../../../../shared/format/dates';
import { useClinic } from '../../app/clinic';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { DecisionBadge, DecisionView } from './DecisionView';
import { asDecision, finalDecision, planLadder, rungLabel, sessionsIn, stepWords, weekNumber } from './planFormat';
import { WeekStatus } from './WeekStatus';

/** The plan week by week: the rung, sessions logged, the planner's and the applied decision, who decided and why; a week's reasons open under it. */
export function PlanHistory({ plan, runs, policy }: { plan: RunPlanRecord; runs: readonly RunRecord[]; policy: ClinicPolicy }) {
  const { locale, distanceUnit: unit, timeZone } = useClinic();
  const ladder = planLadder(plan);
  const [open, setOpen] = useState<number | null>(null);
  const columns = useMemo<DataTableColumn<PlanWeekRecord>[]>(
    () => [
      {
        id: 'week',
        accessorFn: (w) => w.weekStart,
        header: 'Week',
        enableSorting: true,
        size: 130,
        meta: { rowHeader: true, grow: 0.6 },
        cell: ({ row: { original: w } }) => (
          <>
            {weekNumber(plan, w.weekStart, policy)} <span className="muted">· {formatCalendarDate(w.weekStart, locale)}</span>
          </>
        ),
      },
      { id: 'step', header: 'Step', size: 100, meta: { grow: 0 }, cell: ({ row: { original: w } }) => <span title={stepWords(ladder, w.stepId)}>{rungLabel(ladder, w.stepId)}</span> },
      { id: 'sessions', header: 'Sessions', size: 70, meta: { align: 'end', grow: 0 }, cell: ({ row: { original: w } }) => sessionsIn(runs, w.weekStart) },
      {
        id: 'planner',
        header: 'Planner',
        size: 120,
        meta: { grow: 0 },
        cell: ({ row: { original: w } }) => (w.engineDecision ? <DecisionBadge decision={w.engineDecision} small /> : <span className="muted">{asDecision(w.decision) ? '—' : 'not reviewed'}</span>),
      },
      {
        id: 'applied',
        header: 'Applied',
        size: 120,
        meta: { grow: 0 },
        cell: ({ row: { original: w } }) => {
          const applied = finalDecision(w);
          return applied ? <DecisionBadge decision={applied} small /> : <span className="muted">{asDecision(w.decision) ? 'waiting' : '—'}</span>;
        },
      },
      {
        id: 'why',
        header: 'Who and why',
        size: 200,
        meta: { grow: 2, className: 'history-why' },
        cell: ({ row: { original: w } }) =>
          w.override ? (
            <>
              <strong>Override</strong> by {w.override.by ?? 'a therapist'}, {formatInstantDate(w.override.at, timeZone, locale)}: “{w.override.reason}”
            </>
          ) : w.acceptedAt ? (
            <>
              Accepted by {w.acceptedBy ?? 'a therapist'}, {formatInstantDate(w.acceptedAt, timeZone, locale)}
            </>
          ) : w.redFlags.length ? (
            <>Check-in: {w.redFlags.map((f) => SCREEN_FLAG_LABELS[f]).join(', ')}</>
          ) : null,
      },
      {
        id: 'actions',
        header: '',
        size: 110,
        meta: { srHeader: 'Details', stickyEnd: true, grow: 0 },
        cell: ({ row: { original: w } }) =>
          asDecision(w.decision) ? (
            <button type="button" className="button button-small button-quiet" aria-expanded={open === w.id} onClick={() => setOpen(open === w.id ? null : w.id)}>
              {open === w.id ? 'Hide reasons' : 'Reasons'}
              <span className="visually-hidden"> for week {weekNumber(plan, w.weekStart, policy)}</span>
            </button>
          ) : null,
      },
    ],
    [plan, policy, locale, ladder, runs, timeZone, open],
  );
  return (
    <DataTable
      label="Plan history"
      className="plan-history"
      columns={columns}
      data={plan.weeks}
      getRowId={(w) => String(w.id)}
      rowTestId="history-row"
      initialSorting={[{ id: 'week', desc: false }]}
      maxHeight="none"
      renderDetail={(w) => {
        const d = asDecision(w.decision);
        return open === w.id && d ? (
          <div className="history-detail">
            <DecisionView decision={d} ladder={ladder} unit={unit} locale={locale} status={<WeekStatus week={w} ladder={ladder} timeZone={timeZone} locale={locale} />} />
          </div>
        ) : null;
      }}
    />
  );
}
