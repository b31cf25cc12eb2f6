import { useMemo } from 'react';
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
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
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

function runWalkText(run: RunRecord): string {
  if (run.intervalSummary) return run.intervalSummary;
  if (run.runSeconds !== null && run.walkSeconds !== null) {
    if (run.walkSeconds === 0) return `continuous run ${formatDuration(run.runSeconds)}`;
    return `${formatDuration(run.runSeconds)} run · ${formatDuration(run.walkSeconds)} walk`;
  }
  if (run.runSeconds !== null) return `run ${formatDuration(run.runSeconds)}`;
  return '—';
}

type Row = { run: RunRecord; speed: ReturnType<typeof runningSpeed> | null; pain: ReturnType<typeof assessRunPain> };

/** The running log, newest first (sortable): one row a session, notes and red flags on a line under it. Row actions stay on screen however wide the table. */
export function RunLog({ runs, policy, baselinePain, unit, locale, onEdit, onDelete, onIntervals }: RunLogProps) {
  const rows = useMemo<Row[]>(
    () =>
      runs.map((run) => ({
        run,
        speed: run.kind === 'run' ? runningSpeed(run, policy) : null,
        pain: assessRunPain(toClinicalRun(run), policy, baselinePain),
      })),
    [runs, policy, baselinePain],
  );
  const columns = useMemo<DataTableColumn<Row>[]>(
    () => [
      {
        id: 'date',
        accessorFn: (r) => r.run.date,
        header: 'Date',
        enableSorting: true,
        size: 150,
        meta: { rowHeader: true, grow: 1.2 },
        cell: ({ row: { original: { run } } }) => (
          <>
            <span className="run-date">{formatCalendarDate(run.date, locale)}</span>
            {run.kind !== 'run' && <span className="badge run-kind">{KIND_LABELS[run.kind]}</span>}
            <span className="run-source" title={run.sourceName ?? undefined}>
              <span className="visually-hidden">Source: </span>
              {SOURCE_LABELS[run.source]}
              {run.sourceName && run.source !== 'manual' ? ` · ${run.sourceName}` : ''}
            </span>
          </>
        ),
      },
      { id: 'distance', accessorFn: (r) => r.run.distanceM, header: 'Distance', enableSorting: true, size: 76, meta: { align: 'end', grow: 0 }, cell: ({ row: { original: r } }) => formatDistance(r.run.distanceM, unit) },
      { id: 'time', accessorFn: (r) => r.run.durationS, header: 'Time', enableSorting: true, size: 64, meta: { align: 'end', grow: 0 }, cell: ({ row: { original: r } }) => formatDuration(r.run.durationS) },
      {
        id: 'pace',
        header: 'Running pace',
        size: 92,
        meta: { align: 'end', grow: 0 },
        cell: ({ row: { original: { run, speed } } }) =>
          speed && speed.mps !== null ? (
            <span title={SPEED_BASIS_LABELS[speed.basis]} data-testid="run-pace">
              {paceText(speed, unit)}
              {speed.basis === 'estimated' && <span className="visually-hidden"> (estimated)</span>}
            </span>
          ) : (
            <span className="muted" title={speed ? SPEED_BASIS_LABELS.unknown : 'Whole session'} data-testid="run-pace">
              {sessionPaceText(run.distanceM, run.durationS, unit)}
              <span className="pace-note"> session</span>
            </span>
          ),
      },
      {
        id: 'runwalk',
        header: 'Run / walk',
        size: 120,
        cell: ({ row: { original: { run } } }) => (
          <>
            <span className="run-walk">{runWalkText(run)}</span>
            {run.intervalsCorrected && <span className="badge run-corrected">corrected</span>}
          </>
        ),
      },
      { id: 'surface', header: 'Surface', size: 80, meta: { grow: 0.5 }, cell: ({ row: { original: { run } } }) => (run.surface ? SURFACE_LABELS[run.surface] : <span className="muted">—</span>) },
      {
        id: 'pain',
        header: 'Pain: before · during · after · next am',
        size: 150,
        meta: { grow: 0 },
        cell: ({ row: { original: { run, pain } } }) => (
          <span className="pain-row">
            <PainScore label="Before" score={run.painBefore} zone={null} />
            <PainScore label="During" score={run.painDuring} zone={painZone(run.painDuring, policy)} />
            <PainScore label="After" score={run.painAfter} zone={painZone(run.painAfter, policy)} />
            <PainScore label="Next morning" score={run.painNextMorning} zone={pain.nextMorningZone} />
          </span>
        ),
      },
      { id: 'rpe', header: 'RPE', size: 40, meta: { align: 'end', grow: 0 }, cell: ({ row: { original: { run } } }) => run.rpe ?? <span className="muted">—</span> },
      {
        id: 'actions',
        header: '',
        size: 74,
        meta: { srHeader: 'Actions', stickyEnd: true, grow: 0 },
        cell: ({ row: { original: { run } } }) => {
          const dateText = formatCalendarDate(run.date, locale);
          return (
            <span className="run-actions">
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
            </span>
          );
        },
      },
    ],
    [locale, unit, policy, onEdit, onDelete, onIntervals],
  );

  return (
    <DataTable
      label="Running log"
      className="run-log"
      columns={columns}
      data={rows}
      getRowId={(r) => String(r.run.id)}
      rowTestId="run-row"
      initialSorting={[{ id: 'date', desc: true }]}
      maxHeight="min(70vh, 760px)"
      renderDetail={({ run }) =>
        run.notes || run.redFlags.length > 0 || run.stoppedEarly ? (
          <>
            {run.redFlags.length > 0 && <span className="badge badge-danger">Red flag: {run.redFlags.map((f) => RED_FLAG_LABELS[f]).join(', ')}</span>}
            {run.stoppedEarly && <span className="badge badge-warning">Stopped early</span>}
            {run.notes && <span className="run-note">{run.notes}</span>}
          </>
        ) : null
      }
    />
  );
}
