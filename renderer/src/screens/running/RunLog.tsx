import { Fragment, useMemo, useState } from 'react';
import type { DistanceUnit } from '../../../../shared/domain/clinic';
import type { RunRecord } from '../../../../shared/domain/running';
import { SURFACE_LABELS } from '../../../../shared/domain/running';
import type { ClinicPolicy } from '../../../../shared/clinical/policy';
import { assessRunPain } from '../../../../shared/clinical/pain';
import { RED_FLAG_LABELS } from '../../../../shared/clinical/runs';
import { formatDistance } from '../../../../shared/units/distance';
import { formatDuration } from '../../../../shared/units/duration';
import { formatCalendarDate } from '../../../../shared/format/dates';
import { PainScore } from './PainScore';
import { KIND_LABELS, paceText, painZone, runningSpeed, sessionPaceText, SOURCE_LABELS, SPEED_BASIS_LABELS, toClinicalRun } from './runFormat';
import './RunLog.css';

interface RunLogProps {
  runs: readonly RunRecord[];
  policy: ClinicPolicy;
  /** The plan's usual pain, against which next-morning pain is read. */
  baselinePain: number | null;
  unit: DistanceUnit;
  locale: string;
  onEdit: (run: RunRecord) => void;
  onDelete: (run: RunRecord) => void;
  onIntervals: (run: RunRecord) => void;
}

const FIRST_ROWS = 15;

function runWalkText(run: RunRecord): string {
  if (run.intervalSummary) return run.intervalSummary;
  if (run.runSeconds !== null && run.walkSeconds !== null) {
    if (run.walkSeconds === 0) return `continuous run ${formatDuration(run.runSeconds)}`;
    return `${formatDuration(run.runSeconds)} run · ${formatDuration(run.walkSeconds)} walk`;
  }
  if (run.runSeconds !== null) return `run ${formatDuration(run.runSeconds)}`;
  return '—';
}

/** The running log, newest first: one row a session, notes under it. */
export function RunLog({ runs, policy, baselinePain, unit, locale, onEdit, onDelete, onIntervals }: RunLogProps) {
  const [showAll, setShowAll] = useState(false);
  const rows = useMemo(
    () =>
      (showAll ? runs : runs.slice(0, FIRST_ROWS)).map((run) => {
        const speed = run.kind === 'run' ? runningSpeed(run, policy) : null;
        const pain = assessRunPain(toClinicalRun(run), policy, baselinePain);
        return { run, speed, pain };
      }),
    [runs, showAll, policy, baselinePain],
  );

  return (
    <div className="card table-card run-log-card">
      <table className="data-table run-log" aria-label="Running log">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col" className="num">
              Distance
            </th>
            <th scope="col" className="num">
              Time
            </th>
            <th scope="col" className="num">
              Running pace
            </th>
            <th scope="col">Run / walk</th>
            <th scope="col">Surface</th>
            <th scope="col">
              Pain <span className="th-sub">before · during · after · next am</span>
            </th>
            <th scope="col" className="num">
              RPE
            </th>
            <th scope="col" className="actions-cell">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ run, speed, pain }) => {
            const dateText = formatCalendarDate(run.date, locale);
            const hasNote = Boolean(run.notes) || run.redFlags.length > 0 || run.stoppedEarly;
            return (
              <Fragment key={run.id}>
                <tr className={hasNote ? 'has-note' : undefined} data-testid="run-row">
                  <th scope="row">
                    <span className="run-date">{dateText}</span>
                    {run.kind !== 'run' && <span className="badge run-kind">{KIND_LABELS[run.kind]}</span>}
                    <span className="run-source" title={run.sourceName ?? undefined}>
                      <span className="visually-hidden">Source: </span>
                      {SOURCE_LABELS[run.source]}
                      {run.sourceName && run.source !== 'manual' ? ` · ${run.sourceName}` : ''}
                    </span>
                  </th>
                  <td className="num">{formatDistance(run.distanceM, unit)}</td>
                  <td className="num">{formatDuration(run.durationS)}</td>
                  <td className="num">
                    {speed && speed.mps !== null ? (
                      <span title={SPEED_BASIS_LABELS[speed.basis]} data-testid="run-pace">
                        {paceText(speed, unit)}
                        {speed.basis === 'estimated' && <span className="visually-hidden"> (estimated)</span>}
                      </span>
                    ) : (
                      <span className="muted" title={speed ? SPEED_BASIS_LABELS.unknown : 'Whole session'} data-testid="run-pace">
                        {sessionPaceText(run.distanceM, run.durationS, unit)}
                        <span className="pace-note"> session</span>
                      </span>
                    )}
                  </td>
                  <td>
                    <span className="run-walk">{runWalkText(run)}</span>
                    {run.intervalsCorrected && <span className="badge run-corrected">corrected</span>}
                  </td>
                  <td>{run.surface ? SURFACE_LABELS[run.surface] : <span className="muted">—</span>}</td>
                  <td>
                    <span className="pain-row">
                      <PainScore label="Before" score={run.painBefore} zone={null} />
                      <PainScore label="During" score={run.painDuring} zone={painZone(run.painDuring, policy)} />
                      <PainScore label="After" score={run.painAfter} zone={painZone(run.painAfter, policy)} />
                      <PainScore label="Next morning" score={run.painNextMorning} zone={pain.nextMorningZone} />
                    </span>
                  </td>
                  <td className="num">{run.rpe ?? <span className="muted">—</span>}</td>
                  <td className="actions-cell">
                    {run.intervals && run.intervals.length > 0 && (
                      <button type="button" className="button button-small button-quiet" onClick={() => onIntervals(run)}>
                        Intervals<span className="visually-hidden"> of the run on {dateText}</span>
                      </button>
                    )}
                    <button type="button" className="button button-small button-quiet" onClick={() => onEdit(run)}>
                      Edit<span className="visually-hidden"> the run on {dateText}</span>
                    </button>
                    <button type="button" className="button button-small button-quiet" onClick={() => onDelete(run)}>
                      Delete<span className="visually-hidden"> the run on {dateText}</span>
                    </button>
                  </td>
                </tr>
                {hasNote && (
                  <tr className="run-note-row">
                    <td colSpan={9}>
                      {run.redFlags.length > 0 && (
                        <span className="badge badge-danger">Red flag: {run.redFlags.map((f) => RED_FLAG_LABELS[f]).join(', ')}</span>
                      )}
                      {run.stoppedEarly && <span className="badge badge-warning">Stopped early</span>}
                      {run.notes && <span className="run-note">{run.notes}</span>}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {runs.length > FIRST_ROWS && (
        <div className="run-log-more">
          <button type="button" className="button button-quiet" onClick={() => setShowAll((v) => !v)}>
            {showAll ? `Show the latest ${FIRST_ROWS}` : `Show all ${runs.length} sessions`}
          </button>
        </div>
      )}
    </div>
  );
}
