import { useMemo, useState } from 'react';
import type { RunInterval, RunRecord } from '../../../../shared/domain/running';
import { describeIntervals } from '../../../../shared/running/run-walk-segmentation';
import { DETECTION_METHOD_LABELS } from '../../../../shared/running/import-messages';
import { formatDuration } from '../../../../shared/units/duration';
import { formatDistance } from '../../../../shared/units/distance';
import { formatCalendarDate } from '../../../../shared/format/dates';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useClinic } from '../../app/clinic';
import { FormDialog } from '../../components/FormDialog';
import { parseDurationText } from './runFormat';
import './IntervalEditor.css';

/** One row of the editor: a run or walk with its length; the time before it that was neither (a pause). */
export interface EditableInterval {
  key: number;
  kind: 'run' | 'walk';
  length: string;
  gapBefore: number;
  /** Kept only while the length is the one the watch recorded. */
  distanceMeters: number | undefined;
  originalSeconds: number | null;
}

let nextKey = 1;

export function toEditable(intervals: readonly RunInterval[]): EditableInterval[] {
  return intervals.map((iv, i) => {
    const seconds = iv.endSecond - iv.startSecond;
    return {
      key: nextKey++,
      kind: iv.kind,
      length: formatDuration(seconds),
      gapBefore: i === 0 ? iv.startSecond : Math.max(0, iv.startSecond - intervals[i - 1]!.endSecond),
      distanceMeters: iv.distanceMeters,
      originalSeconds: Math.round(seconds),
    };
  });
}

/** Back to start and end seconds, in order; null when a length cannot be read or is not above 0. */
export function fromEditable(rows: readonly EditableInterval[]): RunInterval[] | null {
  const out: RunInterval[] = [];
  let at = 0;
  for (const row of rows) {
    const seconds = parseDurationText(row.length);
    if (seconds === null || seconds <= 0) return null;
    const start = at + row.gapBefore;
    const unchanged = row.originalSeconds !== null && Math.round(seconds) === row.originalSeconds;
    out.push({ kind: row.kind, startSecond: start, endSecond: start + seconds, ...(unchanged && row.distanceMeters !== undefined ? { distanceMeters: row.distanceMeters } : {}) });
    at = start + seconds;
  }
  return out;
}

export function mergeWithNext(rows: readonly EditableInterval[], index: number): EditableInterval[] {
  const a = rows[index];
  const b = rows[index + 1];
  if (!a || !b) return [...rows];
  const seconds = (parseDurationText(a.length) ?? 0) + b.gapBefore + (parseDurationText(b.length) ?? 0);
  const merged: EditableInterval = {
    key: a.key,
    kind: a.kind,
    length: formatDuration(seconds),
    gapBefore: a.gapBefore,
    distanceMeters: a.distanceMeters !== undefined && b.distanceMeters !== undefined && b.gapBefore === 0 ? a.distanceMeters + b.distanceMeters : undefined,
    originalSeconds: seconds,
  };
  if (merged.distanceMeters === undefined) merged.originalSeconds = null;
  return [...rows.slice(0, index), merged, ...rows.slice(index + 2)];
}

/** Removing an interval leaves its time as a pause, so the rest keep their place in the session. */
export function removeAt(rows: readonly EditableInterval[], index: number): EditableInterval[] {
  const gone = rows[index];
  if (!gone) return [...rows];
  const freed = gone.gapBefore + (parseDurationText(gone.length) ?? 0);
  const rest = [...rows.slice(0, index), ...rows.slice(index + 1)];
  const next = rest[index];
  if (next) rest[index] = { ...next, gapBefore: next.gapBefore + freed };
  return rest;
}

export function addAfter(rows: readonly EditableInterval[], index: number): EditableInterval[] {
  const before = rows[index];
  const row: EditableInterval = { key: nextKey++, kind: before?.kind === 'run' ? 'walk' : 'run', length: '1:00', gapBefore: 0, distanceMeters: undefined, originalSeconds: null };
  return [...rows.slice(0, index + 1), row, ...rows.slice(index + 1)];
}

/** Correct the run/walk intervals a watch file's segmentation found. */
export function IntervalEditorDialog({ run, onClose, onSaved }: { run: RunRecord | null; onClose: () => void; onSaved: (run: RunRecord) => void }) {
  return run ? <IntervalEditor key={run.id} run={run} onClose={onClose} onSaved={onSaved} /> : null;
}

function IntervalEditor({ run, onClose, onSaved }: { run: RunRecord; onClose: () => void; onSaved: (run: RunRecord) => void }) {
  const { locale, distanceUnit: unit } = useClinic();
  const [initial] = useState(() => toEditable(run.intervals ?? []));
  const [rows, setRows] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const intervals = useMemo(() => fromEditable(rows), [rows]);
  const end = intervals?.at(-1)?.endSecond ?? 0;
  const tooLong = intervals !== null && end > run.durationS + 5;

  const save = async () => {
    if (!intervals || tooLong || intervals.length === 0) return;
    setSaving(true);
    setProblem(null);
    try {
      onSaved(await call('runs.setIntervals', { id: run.id, intervals }));
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog
      open
      title={`Intervals of the run on ${formatCalendarDate(run.date, locale)}`}
      formLabel="Intervals"
      className="interval-editor"
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      submitLabel={saving ? 'Saving…' : 'Save intervals'}
      submitting={!intervals || tooLong || saving}
      dirty={rows !== initial}
      problem={problem}
    >
      <p className="form-section-note">
        The watch file was split into run and walk intervals by {run.detectionMethod ? DETECTION_METHOD_LABELS[run.detectionMethod] : 'speed'}. Correct a length, merge two intervals, or remove one (its time becomes a pause). The session lasted{' '}
        {formatDuration(run.durationS)}.
      </p>
      <div className="interval-scroll">
        <table className="data-table interval-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Kind</th>
              <th scope="col">Length</th>
              <th scope="col" className="num">
                Distance
              </th>
              <th scope="col" className="actions-cell">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const seconds = parseDurationText(row.length);
              const bad = seconds === null || seconds <= 0;
              const n = i + 1;
              return (
                <tr key={row.key}>
                  <td className="muted">
                    {n}
                    {row.gapBefore >= 1 && i > 0 && <span className="interval-gap"> (pause {formatDuration(row.gapBefore)} before)</span>}
                  </td>
                  <td>
                    <select
                      className="input input-compact"
                      aria-label={`Interval ${n}: kind`}
                      value={row.kind}
                      onChange={(e) => setRows((rs) => rs.map((r) => (r.key === row.key ? { ...r, kind: e.target.value as 'run' | 'walk' } : r)))}
                    >
                      <option value="run">Run</option>
                      <option value="walk">Walk</option>
                    </select>
                  </td>
                  <td>
                    <input
                      className="input input-compact interval-length"
                      aria-label={`Interval ${n}: length (mm:ss)`}
                      aria-invalid={bad || undefined}
                      value={row.length}
                      onChange={(e) => setRows((rs) => rs.map((r) => (r.key === row.key ? { ...r, length: e.target.value } : r)))}
                    />
                    {bad && <span className="field-error">Type a length as mm:ss</span>}
                  </td>
                  <td className="num muted">{intervals?.[i]?.distanceMeters !== undefined ? formatDistance(intervals[i]!.distanceMeters!, unit) : '—'}</td>
                  <td className="actions-cell">
                    <button type="button" className="button button-small button-quiet" onClick={() => setRows((rs) => addAfter(rs, i))}>
                      Add after<span className="visually-hidden"> interval {n}</span>
                    </button>
                    <button type="button" className="button button-small button-quiet" disabled={i === rows.length - 1} onClick={() => setRows((rs) => mergeWithNext(rs, i))}>
                      Merge with next<span className="visually-hidden"> (interval {n})</span>
                    </button>
                    <button type="button" className="button button-small button-quiet" disabled={rows.length === 1} onClick={() => setRows((rs) => removeAt(rs, i))}>
                      Remove<span className="visually-hidden"> interval {n}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="interval-summary" role="status">
        {intervals ? (
          <>
            <strong>{describeIntervals(intervals)}</strong> · ends at {formatDuration(end)} of {formatDuration(run.durationS)}
            {tooLong && <span className="field-error"> The intervals run past the end of the session: shorten one.</span>}
          </>
        ) : (
          'Fix the lengths marked above.'
        )}
      </p>
    </FormDialog>
  );
}
