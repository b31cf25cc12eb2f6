import { useEffect, useRef, useState, type MouseEvent as ReactMouseEvent, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { Appointment } from '../../../../shared/domain/schedule';
import { clamp, draggedSpan, isSameTarget, moveTarget, SNAP_MINUTES, snapDown, snapNearest, type BlockoutSpan, type Column, type MoveTarget, type Span } from './scheduleModel';

/** A pointer must travel this far before a press becomes a drag (a shorter press is a click). */
const DRAG_THRESHOLD_PX = 4;
const AUTOSCROLL_EDGE_PX = 36;

export interface SlotRequest {
  column: Column;
  start: number;
  /** From a drag; undefined for a click (the appointment type's own length then). */
  duration?: number;
}

export type Drag =
  | { kind: 'create'; columnKey: string; anchor: number; current: number; x: number; y: number; moved: boolean; block: boolean; pointerId: number }
  | { kind: 'move'; appt: Appointment; grab: number; columnKey: string; start: number; x: number; y: number; moved: boolean; pointerId: number }
  | { kind: 'resize'; appt: Appointment; columnKey: string; end: number; pointerId: number; moved: boolean };

export interface DragCallbacks {
  columns: Column[];
  canBook: boolean;
  canMove: (a: Appointment) => boolean;
  onSlot: (request: SlotRequest) => void;
  onBlockSlot: (request: SlotRequest & { duration: number }) => void;
  onMove: (a: Appointment, target: MoveTarget) => void;
  onOpenBlockout?: (b: BlockoutSpan, column: Column) => void;
}

/**
 * The grid's pointer work: press on an empty slot to book (drag to choose the length; Shift-drag or
 * right-click to block time), drag an appointment to move it (to another column too), drag its
 * bottom edge to change its length, Esc to put it back. Everything snaps to 15 minutes.
 */
export function useGridDrag(props: DragCallbacks, range: Span, ppm: number, scrollRef: RefObject<HTMLDivElement | null>) {
  const { columns, canBook } = props;
  const colRefs = useRef(new Map<string, HTMLDivElement>());
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
      if (!appt || !column || !propsRef.current.canMove(appt)) return;
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

  const onContextMenu = (event: ReactMouseEvent<HTMLDivElement>) => {
    if (!canBook) return;
    const target = event.target as HTMLElement;
    if (target.closest('[data-appointment-id], button')) return;
    const colEl = target.closest<HTMLElement>('[data-column-key]');
    if (!colEl) return;
    const column = columns.find((c) => c.key === colEl.dataset.columnKey);
    if (!column) return;
    event.preventDefault();
    propsRef.current.onBlockSlot({ column, start: snapDown(minuteAt(column.key, event.clientY)), duration: 60 });
  };


  const handlers = {
    onPointerDown,
    onPointerMove,
    onPointerUp: (e: ReactPointerEvent<HTMLDivElement>) => finish(e, false),
    onPointerCancel: (e: ReactPointerEvent<HTMLDivElement>) => finish(e, true),
    onContextMenu,
  };
  const registerColumn = (key: string) => (el: HTMLDivElement | null) => {
    if (el) colRefs.current.set(key, el);
    else colRefs.current.delete(key);
  };
  return { drag, handlers, registerColumn, suppressClick };
}
