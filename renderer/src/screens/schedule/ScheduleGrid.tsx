import { useEffect, useMemo, useRef, useState, type CSSProperties, type PointerEvent as ReactPointerEvent } from 'react';
import type { Appointment } from '../../../../shared/domain/schedule';
import { AppointmentBlock } from './AppointmentBlock';
import { formatDay, formatHour, formatMinute, formatMinuteRange } from './scheduleFormat';
import {
  clamp,
  columnGroups,
  draggedSpan,
  isSameTarget,
  layoutLanes,
  moveTarget,
  SNAP_MINUTES,
  snapDown,
  snapNearest,
  type BlockoutSpan,
  type Column,
  type MoveTarget,
  type ScheduleView,
  type Span,
} from './scheduleModel';

/** Minutes to pixels: roomy in the day view, compact in the week. */
export const PX_PER_MINUTE: Record<ScheduleView, number> = { day: 1.3, week: 0.9 };
/** A pointer must travel this far before a press becomes a drag (a shorter press is a click). */
const DRAG_THRESHOLD_PX = 4;
const AUTOSCROLL_EDGE_PX = 36;

export interface SlotRequest {
  column: Column;
  start: number;
  /** From a drag; undefined for a click (the appointment type's own length then). */
  duration?: number;
}

interface GridProps {
  view: ScheduleView;
  columns: Column[];
  range: Span;
  locale: string;
  /** The clinic's today and its current minute (the "now" line). */
  today: string;
  nowMinute: number;
  /** Week view shows the date over each group of columns; with one therapist the columns are the days. */
  groupedHeadings: boolean;
  canBook: boolean;
  canMove: (a: Appointment) => boolean;
  /** Appointments shown somewhere else while a move is being saved or asked about. */
  pending: Map<number, MoveTarget>;
  onSlot: (request: SlotRequest) => void;
  onBlockSlot: (request: SlotRequest & { duration: number }) => void;
  onOpen: (a: Appointment) => void;
  onMove: (a: Appointment, target: MoveTarget) => void;
  onOpenBlockout: (b: BlockoutSpan, column: Column) => void;
}

type Drag =
  | { kind: 'create'; columnKey: string; anchor: number; current: number; x: number; y: number; moved: boolean; block: boolean; pointerId: number }
  | { kind: 'move'; appt: Appointment; grab: number; columnKey: string; start: number; x: number; y: number; moved: boolean; pointerId: number }
  | { kind: 'resize'; appt: Appointment; columnKey: string; end: number; pointerId: number; moved: boolean };

function hourMarks(range: Span): number[] {
  const marks: number[] = [];
  for (let m = Math.ceil(range.start / 60) * 60; m < range.end; m += 60) marks.push(m);
  return marks;
}

/** The shaded stretches of a column: everything in the range that is not working time. */
function closedSpans(range: Span, working: Span[]): Span[] {
  const out: Span[] = [];
  let at = range.start;
  for (const w of [...working].sort((a, b) => a.start - b.start)) {
    if (w.start > at) out.push({ start: at, end: Math.min(w.start, range.end) });
    at = Math.max(at, w.end);
  }
  if (at < range.end) out.push({ start: at, end: range.end });
  return out.filter((s) => s.end > s.start);
}

/**
 * The schedule grid: a time gutter and one column per therapist / room / day × therapist. Press on
 * an empty slot to book (drag to choose the length; Shift-drag or right-click to block time), drag
 * an appointment to move it (to another column too), drag its bottom edge to change its length.
 * Everything snaps to 15 minutes. Appointments are buttons: Tab reaches them, Enter opens them.
 */
export function ScheduleGrid(props: GridProps) {
  const { view, columns, range, locale, canBook, pending } = props;
  const ppm = PX_PER_MINUTE[view];
  const height = (range.end - range.start) * ppm;
  const colRefs = useRef(new Map<string, HTMLDivElement>());
  const scrollRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const suppressClick = useRef(false);
  const propsRef = useRef(props);
  useEffect(() => {
    propsRef.current = props;
  });

  const update = (next: Drag | null) => {
    dragRef.current = next;
    setDrag(next);
  };

  // Bring the working day into view when the day, view or columns change (not on every refresh).
  const firstWorking = Math.min(...columns.flatMap((c) => c.working.map((w) => w.start)), range.end);
  const scrollKey = `${view}|${columns[0]?.date ?? ''}|${columns.length}`;
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const target = (propsRef.current.today === columns[0]?.date ? Math.max(range.start, propsRef.current.nowMinute - 90) : firstWorking) - range.start;
    el.scrollTop = Math.max(0, target * ppm - 8);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when what is shown changes
  }, [scrollKey]);

  const columnAt = (clientX: number): Column | null => {
    let best: Column | null = null;
    let bestDistance = Infinity;
    for (const c of propsRef.current.columns) {
      const el = colRefs.current.get(c.key);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      const d = clientX < r.left ? r.left - clientX : clientX > r.right ? clientX - r.right : 0;
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  };

  const minuteAt = (columnKey: string, clientY: number): number => {
    const el = colRefs.current.get(columnKey);
    if (!el) return range.start;
    return range.start + (clientY - el.getBoundingClientRect().top) / ppm;
  };

  const autoscroll = (clientY: number) => {
    const el = scrollRef.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    if (clientY < r.top + AUTOSCROLL_EDGE_PX + 40) el.scrollTop -= 12;
    else if (clientY > r.bottom - AUTOSCROLL_EDGE_PX) el.scrollTop += 12;
  };

  /** Keep receiving the pointer while it leaves the column (not every DOM has pointer capture). */
  const capture = (event: ReactPointerEvent<HTMLDivElement>) => event.currentTarget.setPointerCapture?.(event.pointerId);

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || dragRef.current) return;
    const target = event.target as HTMLElement;
    const apptEl = target.closest<HTMLElement>('[data-appointment-id]');
    if (apptEl) {
      const id = Number(apptEl.dataset.appointmentId);
      const column = columns.find((c) => c.key === apptEl.dataset.columnKey);
      const appt = column?.appointments.find((a) => a.id === id);
      if (!appt || !column || !props.canMove(appt)) return;
      if (target.closest('[data-resize]')) {
        event.preventDefault();
        capture(event);
        update({ kind: 'resize', appt, columnKey: column.key, end: appt.endMinute, pointerId: event.pointerId, moved: false });
        return;
      }
      const grab = minuteAt(column.key, event.clientY) - appt.startMinute;
      update({ kind: 'move', appt, grab, columnKey: column.key, start: appt.startMinute, x: event.clientX, y: event.clientY, moved: false, pointerId: event.pointerId });
      return;
    }
    if (target.closest('button, a, input, select')) return;
    const colEl = target.closest<HTMLElement>('[data-column-key]');
    if (!colEl || !canBook) return;
    const key = colEl.dataset.columnKey!;
    const m = minuteAt(key, event.clientY);
    event.preventDefault();
    capture(event);
    update({ kind: 'create', columnKey: key, anchor: m, current: m, x: event.clientX, y: event.clientY, moved: false, block: event.shiftKey, pointerId: event.pointerId });
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const d = dragRef.current;
    if (!d || event.pointerId !== d.pointerId) return;
    if (d.kind === 'create') {
      const moved = d.moved || Math.abs(event.clientY - d.y) > DRAG_THRESHOLD_PX;
      update({ ...d, current: clamp(minuteAt(d.columnKey, event.clientY), range.start, range.end - 1), moved });
      if (moved) autoscroll(event.clientY);
    } else if (d.kind === 'move') {
      const moved = d.moved || Math.hypot(event.clientX - d.x, event.clientY - d.y) > DRAG_THRESHOLD_PX;
      if (!moved) return;
      if (!d.moved) capture(event);
      const column = columnAt(event.clientX) ?? columns.find((c) => c.key === d.columnKey)!;
      const duration = d.appt.endMinute - d.appt.startMinute;
      const start = clamp(snapNearest(minuteAt(column.key, event.clientY) - d.grab), range.start, Math.max(range.start, range.end - duration));
      update({ ...d, moved, columnKey: column.key, start });
      autoscroll(event.clientY);
    } else {
      const end = clamp(snapNearest(minuteAt(d.columnKey, event.clientY)), d.appt.startMinute + SNAP_MINUTES, range.end);
      update({ ...d, end, moved: d.moved || end !== d.appt.endMinute });
      autoscroll(event.clientY);
    }
  };

  const finish = (event: ReactPointerEvent<HTMLDivElement>, cancelled: boolean) => {
    const d = dragRef.current;
    if (!d || event.pointerId !== d.pointerId) return;
    update(null);
    if (event.currentTarget.hasPointerCapture?.(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    if (cancelled) return;
    const p = propsRef.current;
    const column = p.columns.find((c) => c.key === d.columnKey);
    if (!column) return;
    if (d.kind === 'create') {
      if (!d.moved) {
        const start = snapDown(d.anchor);
        if (d.block) p.onBlockSlot({ column, start, duration: 60 });
        else p.onSlot({ column, start });
        return;
      }
      const span = draggedSpan(d.anchor, d.current);
      if (d.block) p.onBlockSlot({ column, start: span.start, duration: span.end - span.start });
      else p.onSlot({ column, start: span.start, duration: span.end - span.start });
    } else if (d.kind === 'move') {
      if (!d.moved) return;
      suppressClick.current = true;
      window.setTimeout(() => (suppressClick.current = false), 0);
      const target = moveTarget(d.appt, column, d.start, d.appt.endMinute - d.appt.startMinute);
      if (!isSameTarget(d.appt, target)) p.onMove(d.appt, target);
    } else {
      suppressClick.current = true;
      window.setTimeout(() => (suppressClick.current = false), 0);
      const target = moveTarget(d.appt, column, d.appt.startMinute, d.end - d.appt.startMinute);
      if (!isSameTarget(d.appt, target)) p.onMove(d.appt, target);
    }
  };

  // Esc during a drag puts everything back.
  useEffect(() => {
    if (!drag) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        update(null);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [drag]);

  const onContextMenu = (event: React.MouseEvent<HTMLDivElement>) => {
    if (!canBook) return;
    const target = event.target as HTMLElement;
    if (target.closest('[data-appointment-id], button')) return;
    const colEl = target.closest<HTMLElement>('[data-column-key]');
    if (!colEl) return;
    const column = columns.find((c) => c.key === colEl.dataset.columnKey);
    if (!column) return;
    event.preventDefault();
    props.onBlockSlot({ column, start: snapDown(minuteAt(column.key, event.clientY)), duration: 60 });
  };

  // Where each appointment is drawn: its own column, or (while a move is saved) the pending one.
  const placed = useMemo(() => {
    const byColumn = new Map<string, Appointment[]>();
    for (const c of columns) byColumn.set(c.key, []);
    const all = columns.flatMap((c) => c.appointments.map((a) => ({ a, c })));
    for (const { a, c } of all) {
      const p = pending.get(a.id);
      if (!p) {
        byColumn.get(c.key)!.push(a);
        continue;
      }
      const moved: Appointment = { ...a, localDate: p.date, startMinute: p.start, endMinute: p.start + p.duration, therapistId: p.therapistId, roomId: p.roomId };
      const dest =
        columns.find((col) => col.date === p.date && (col.therapistId === null || col.therapistId === p.therapistId) && (col.roomId === undefined || col.roomId === p.roomId)) ?? c;
      byColumn.get(dest.key)!.push(moved);
    }
    return byColumn;
  }, [columns, pending]);

  const groups = props.groupedHeadings ? columnGroups(columns) : [];
  const narrowColumns = view === 'week' && props.groupedHeadings;
  const top = (minute: number) => (minute - range.start) * ppm;
  const style = (s: Span): CSSProperties => ({ top: top(Math.max(s.start, range.start)), height: Math.max(0, (Math.min(s.end, range.end) - Math.max(s.start, range.start)) * ppm) });
  const dayStart = (i: number) => view === 'week' && i > 0 && columns[i - 1]!.date !== columns[i]!.date;
  const columnClass = (c: Column, i: number) => `sched-col${c.closed ? ' is-closed' : ''}${c.date === props.today ? ' is-today' : ''}${dayStart(i) ? ' is-day-start' : ''}`;
  const dragLabel = drag && drag.kind === 'create' && drag.moved ? draggedSpan(drag.anchor, drag.current) : null;

  return (
    <div className={`sched-scroll sched-${view}${narrowColumns ? ' sched-narrow' : ''}${drag?.moved ? ' is-dragging' : ''}`} ref={scrollRef}>
      <div className="sched-table" style={{ '--cols': columns.map((c) => (c.closed ? 'minmax(calc(var(--col-min) * 0.5), 0.35fr)' : 'minmax(var(--col-min), 1fr)')).join(' ') } as CSSProperties}>
        <div className="sched-head">
          <div className="sched-corner" aria-hidden="true" />
          <div className="sched-heads">
            {groups.length > 0 && (
              <div className="sched-group-row">
                {groups.map((g) => (
                  <div key={g.date} className={`sched-group${g.closed ? ' is-closed' : ''}${g.date === props.today ? ' is-today' : ''}`} style={{ gridColumn: `span ${g.count}` }} title={formatDay(g.date, locale, 'long')}>
                    {formatDay(g.date, locale, g.closed ? 'tiny' : 'short')}
                  </div>
                ))}
              </div>
            )}
            <div className="sched-head-row">
              {columns.map((c, i) => (
                <div key={c.key} className={`sched-colhead${c.closed ? ' is-closed' : ''}${c.date === props.today && view === 'week' ? ' is-today' : ''}${dayStart(i) ? ' is-day-start' : ''}`} title={c.label}>
                  {view === 'week' && !props.groupedHeadings ? (
                    formatDay(c.date, locale, 'short')
                  ) : narrowColumns ? (
                    <abbr title={c.label}>{c.shortLabel}</abbr>
                  ) : (
                    <>
                      <span className="sched-colhead-name">{c.label}</span>
                      {c.roomId === undefined && (
                        <span className="sched-colhead-hours">{c.working.length ? c.working.map((w) => formatMinuteRange(w.start, w.end, locale)).join(', ') : 'Not working'}</span>
                      )}
                    </>
                  )}
                </div>
              ))}
            </div>
          </div>
        </div>
        <div className="sched-body">
          <div className="sched-gutter" style={{ height }} aria-hidden="true">
            {hourMarks(range).map((m) => (
              <div key={m} className="sched-hour" style={{ top: top(m) }}>
                {formatHour(m / 60, locale)}
              </div>
            ))}
          </div>
          <div
            className="sched-cols"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={(e) => finish(e, false)}
            onPointerCancel={(e) => finish(e, true)}
            onContextMenu={onContextMenu}
          >
            {columns.map((c, i) => {
              const items = placed.get(c.key) ?? [];
              const lanes = layoutLanes(items);
              return (
                <div
                  key={c.key}
                  ref={(el) => {
                    if (el) colRefs.current.set(c.key, el);
                    else colRefs.current.delete(c.key);
                  }}
                  className={columnClass(c, i)}
                  data-column-key={c.key}
                  data-testid={`column-${c.key}`}
                  data-range-start={range.start}
                  data-px-per-minute={ppm}
                  style={{ height, '--hour': `${60 * ppm}px`, '--grid-offset': `${(-(range.start % 60) * ppm) % (60 * ppm)}px` } as CSSProperties}
                  role="group"
                  aria-label={`${c.label}, ${formatDay(c.date, locale, 'long')}`}
                >
                  {closedSpans(range, c.working).map((s) => (
                    <div key={`closed-${s.start}`} className="sched-closed" style={style(s)} aria-hidden="true" />
                  ))}
                  {c.blockouts.map((b) => (
                    <div key={`b-${b.id}`} className={`sched-blockout${b.therapistId === null ? ' is-clinic' : ''}`} style={style(b)}>
                      {canBook ? (
                        <button
                          type="button"
                          className="sched-blockout-label"
                          onClick={() => props.onOpenBlockout(b, c)}
                          aria-label={`Blocked ${formatMinuteRange(b.start, b.end, locale)}: ${b.reason}${b.therapistId === null ? ' (whole clinic)' : ''}`}
                        >
                          {b.reason}
                        </button>
                      ) : (
                        <span className="sched-blockout-label">{b.reason}</span>
                      )}
                    </div>
                  ))}
                  {c.date === props.today && props.nowMinute >= range.start && props.nowMinute < range.end && (
                    <div className="sched-now" style={{ top: top(props.nowMinute) }} aria-hidden="true" />
                  )}
                  {items.map((a) => {
                    const place = lanes.get(a.id) ?? { lane: 0, lanes: 1 };
                    const isDragged = drag !== null && drag.kind !== 'create' && drag.moved && drag.appt.id === a.id;
                    return (
                      <AppointmentBlock
                        key={a.id}
                        appointment={a}
                        columnKey={c.key}
                        locale={locale}
                        compact={view === 'week'}
                        tiny={narrowColumns}
                        meta={c.roomId !== undefined ? 'therapist' : 'room'}
                        style={{
                          ...style({ start: a.startMinute, end: a.endMinute }),
                          left: `calc(${(place.lane / place.lanes) * 100}% + 2px)`,
                          width: `calc(${100 / place.lanes}% - 5px)`,
                        }}
                        movable={props.canMove(a)}
                        pending={pending.has(a.id)}
                        dragging={isDragged}
                        onOpen={() => {
                          if (!suppressClick.current) props.onOpen(a);
                        }}
                      />
                    );
                  })}
                  {drag && drag.kind === 'create' && drag.columnKey === c.key && drag.moved && dragLabel && (
                    <div className={`sched-ghost${drag.block ? ' is-block' : ''}`} style={style(dragLabel)}>
                      {formatMinuteRange(dragLabel.start, dragLabel.end, locale)}
                      <span className="sched-ghost-hint">{drag.block ? 'Block this time' : 'New appointment'}</span>
                    </div>
                  )}
                  {drag && drag.kind === 'move' && drag.moved && drag.columnKey === c.key && (
                    <div className="sched-ghost is-move" style={style({ start: drag.start, end: drag.start + drag.appt.endMinute - drag.appt.startMinute })}>
                      {formatMinuteRange(drag.start, drag.start + drag.appt.endMinute - drag.appt.startMinute, locale)}
                      <span className="sched-ghost-hint">{drag.appt.patientName}</span>
                    </div>
                  )}
                  {drag && drag.kind === 'resize' && drag.columnKey === c.key && (
                    <div className="sched-ghost is-move" style={style({ start: drag.appt.startMinute, end: drag.end })}>
                      {formatMinuteRange(drag.appt.startMinute, drag.end, locale)}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <span className="visually-hidden" role="status">
        {drag?.kind === 'move' && drag.moved ? `Moving to ${formatMinute(drag.start, locale)}` : ''}
      </span>
    </div>
  );
}
