/**
 * The schedule grid. Why it is our own and not @event-calendar/core (MIT, resource time grid +
 * interaction plugin, checked at 5.15.0): that package would pass our CSP (it sets style attributes
 * only and ships its CSS as a file), but
 *  - it understands only 'local', 'UTC' or a fixed offset as a time zone, not the clinic's IANA zone:
 *    we would feed it fake-UTC wall-clock times and still keep our own clinic-time code for "now",
 *    drops and DST days — two sources of truth for the one thing a schedule must get right;
 *  - it is a Svelte 5 app (210 kB + the Svelte runtime) inside our React app: appointment content,
 *    badges, focus and dialogs would be hand-built DOM handed across, not our components;
 *  - what we need beyond its defaults (working hours shaded per therapist, hatched blockouts with
 *    their reason, the series question before a drop is saved, a refused move that snaps back with
 *    the server's reasons, appointments as real buttons for the keyboard) is most of the work anyway.
 * The grid draws on shared/schedule/clinic-time.ts (every date is the clinic's calendar date, every
 * time minutes after the clinic's midnight, so the browser's zone never enters); pointer work is in
 * useGridDrag.ts and pure layout in scheduleModel.ts, both with unit tests. (FullCalendar's resource
 * views are premium: not allowed.)
 */
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { Appointment } from '../../../../shared/domain/schedule';
import { AppointmentBlock } from './AppointmentBlock';
import { formatDay, formatHour, formatMinute, formatMinuteRange } from './scheduleFormat';
import { columnGroups, draggedSpan, initialsOf, layoutLanes, type BlockoutSpan, type Column, type MoveTarget, type ScheduleView, type Span } from './scheduleModel';
import { useGridDrag, type SlotRequest } from './useGridDrag';
import './ScheduleGrid.css';

export type { SlotRequest } from './useGridDrag';

/** Minutes to pixels: roomy in the day view, compact in the week. */
export const PX_PER_MINUTE: Record<ScheduleView, number> = { day: 1.3, week: 0.9 };

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
  /** An appointment to give the keyboard focus to once it is drawn (after booking it). */
  focusAppointmentId?: number | null;
  onFocused?: () => void;
  /** Week view with every therapist: show one therapist's week (their column heading is a button). */
  onShowTherapist?: (therapistId: number) => void;
  onSlot: (request: SlotRequest) => void;
  onBlockSlot: (request: SlotRequest & { duration: number }) => void;
  onOpen: (a: Appointment) => void;
  onMove: (a: Appointment, target: MoveTarget) => void;
  onOpenBlockout: (b: BlockoutSpan, column: Column) => void;
}

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
 * A time gutter and one column per therapist / room / day × therapist. Appointments are buttons: Tab
 * reaches them, Enter opens them. In the week view of every therapist each column heading names the
 * therapist by last name, says the full name on hover and focus, and opens that therapist's week.
 */
export function ScheduleGrid(props: GridProps) {
  const { view, columns, range, locale, canBook, pending } = props;
  const ppm = PX_PER_MINUTE[view];
  const height = (range.end - range.start) * ppm;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { drag, handlers, registerColumn, suppressClick } = useGridDrag(props, range, ppm, scrollRef);

  // Bring the working day into view when the day, view or columns change (not on every refresh).
  const firstWorking = Math.min(...columns.flatMap((c) => c.working.map((w) => w.start)), range.end);
  const scrollKey = `${view}|${columns[0]?.date ?? ''}|${columns.length}`;
  const nowRef = useRef({ today: props.today, nowMinute: props.nowMinute });
  nowRef.current = { today: props.today, nowMinute: props.nowMinute };
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const { today, nowMinute } = nowRef.current;
    const target = (today === columns[0]?.date ? Math.max(range.start, nowMinute - 90) : firstWorking) - range.start;
    el.scrollTop = Math.max(0, target * ppm - 8);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when what is shown changes
  }, [scrollKey]);

  // After a booking, the keyboard lands on the new appointment (not on the page).
  const { focusAppointmentId, onFocused } = props;
  useEffect(() => {
    if (focusAppointmentId == null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-appointment-id="${focusAppointmentId}"]`);
    if (el) {
      el.focus();
      el.scrollIntoView?.({ block: 'nearest' });
      onFocused?.();
    }
  });

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
    <div
      className={`sched-scroll sched-${view}${narrowColumns ? ' sched-narrow' : ''}${drag?.moved ? ' is-dragging' : ''}`}
      ref={scrollRef}
      // The grid scrolls; the keyboard must be able to scroll it too (even on a day with nothing booked).
      tabIndex={0}
      role="region"
      aria-label={view === 'day' ? 'The day’s appointments' : 'The week’s appointments'}
    >
      <div className="sched-table" style={{ '--cols': gridColumns(columns, view === 'week' ? columnGroups(columns) : []) } as CSSProperties}>
        <div className="sched-head">
          <div className="sched-corner" aria-hidden="true" />
          <div className="sched-heads">
            {groups.length > 0 && (
              <div className="sched-group-row">
                {groups.map((g) => (
                  <div key={g.date} className={`sched-group${g.closed ? ' is-closed' : ''}${g.date === props.today ? ' is-today' : ''}`} style={{ gridColumn: `span ${g.count}` }} title={formatDay(g.date, locale, 'long')}>
                    <span aria-hidden="true">{formatDay(g.date, locale, 'short')}</span>
                    <span className="visually-hidden">{formatDay(g.date, locale, 'long')}</span>
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
                    <TherapistHeading column={c} onShow={props.onShowTherapist} />
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
            {...handlers}
          >
            {columns.map((c, i) => {
              const items = placed.get(c.key) ?? [];
              const lanes = layoutLanes(items);
              return (
                <div
                  key={c.key}
                  ref={registerColumn(c.key)}
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

/** The smallest width that still reads a day's heading ("Sun, Dec 6") when nobody works that day. */
const CLOSED_DAY_MIN_PX = 96;

/**
 * Column widths: open columns share the room; a column where nobody works is drawn narrow, but a
 * day where nobody works at all keeps room for its date.
 */
function gridColumns(columns: Column[], groups: { date: string; count: number; closed: boolean }[]): string {
  const closedDay = new Map(groups.filter((g) => g.closed).map((g) => [g.date, g.count]));
  return columns
    .map((c) => {
      if (!c.closed) return 'minmax(var(--col-min), 1fr)';
      const shared = closedDay.get(c.group);
      const min = shared ? `max(calc(var(--col-min) * 0.5), ${Math.ceil(CLOSED_DAY_MIN_PX / shared)}px)` : 'calc(var(--col-min) * 0.5)';
      return `minmax(${min}, 0.35fr)`;
    })
    .join(' ');
}

/**
 * A therapist's column heading in the week of everyone: the last name (initials on a day off, where
 * the column is narrow), the full name on hover and focus, a click for their week.
 */
function TherapistHeading({ column, onShow }: { column: Column; onShow: ((therapistId: number) => void) | undefined }) {
  const text = column.closed && column.therapistId !== null ? initialsOf(column.label) : column.shortLabel;
  if (column.therapistId === null || !onShow) {
    return (
      <span className="sched-colhead-short" title={column.label}>
        <span className="sched-colhead-text">{text}</span>
      </span>
    );
  }
  return (
    <button type="button" className="sched-colhead-button" onClick={() => onShow(column.therapistId!)} aria-label={`${column.label}: show only their week`} data-tooltip={column.label}>
      <span className="sched-colhead-text" aria-hidden="true">
        {text}
      </span>
    </button>
  );
}
