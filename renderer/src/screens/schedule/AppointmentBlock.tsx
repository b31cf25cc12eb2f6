import type { CSSProperties } from 'react';
import { APPOINTMENT_STATUS_LABELS, type Appointment } from '../../../../shared/domain/schedule';
import { formatMinute, formatMinuteRange, formatMinuteShort } from './scheduleFormat';
import { shortName } from './scheduleModel';
import { NoteMark, noteMarkWords, useNoteMarks } from '../notes/scheduleNotes';
import './AppointmentBlock.css';

/** What a screen reader (and the tooltip) says about an appointment, in one line. */
export function appointmentSummary(a: Appointment, locale: string): string {
  const parts = [formatMinuteRange(a.startMinute, a.endMinute, locale), a.patientName, a.typeName, a.roomName ?? 'no room', `with ${shortName(a.therapistName)}`];
  let status = APPOINTMENT_STATUS_LABELS[a.status];
  if (a.status === 'cancelled' && a.lateCancel) status = 'Late cancellation';
  if (a.status !== 'booked') parts.push(status);
  if (a.seriesId !== null) parts.push('repeats');
  if (a.doubleBookedReason) parts.push('double-booked');
  return parts.join(', ');
}

/** The status in a word (or, in the narrowest columns, a mark; the button's name says it in full). */
function StatusMark({ a, tiny }: { a: Appointment; tiny: boolean }) {
  switch (a.status) {
    case 'arrived':
      return <span className="appt-status is-arrived">{tiny ? '✓' : '✓ Arrived'}</span>;
    case 'completed':
      return <span className="appt-status is-completed">{tiny ? '✓' : '✓ Done'}</span>;
    case 'no_show':
      return <span className="appt-status is-no-show">{tiny ? 'NS' : 'No-show'}</span>;
    case 'cancelled':
      if (a.lateCancel) return <span className="appt-status is-late">{tiny ? 'Late' : 'Late cancel'}</span>;
      return tiny ? null : <span className="appt-status is-cancelled">Cancelled</span>;
    default:
      return null;
  }
}

interface BlockProps {
  appointment: Appointment;
  columnKey: string;
  locale: string;
  /** Week view: less text. */
  compact: boolean;
  /** Week view with every therapist: the narrowest columns. */
  tiny: boolean;
  /** The third line: the room (therapist columns) or the therapist (room columns). */
  meta: 'room' | 'therapist';
  style: CSSProperties;
  movable: boolean;
  pending: boolean;
  dragging: boolean;
  onOpen: () => void;
}

/**
 * One appointment on the grid: a button (Tab, Enter) coloured by its type, with the type's name in
 * words so it reads in grey print too; status as a word and a mark, a cancelled visit struck through.
 */
export function AppointmentBlock({ appointment: a, columnKey, locale, compact, tiny, meta, style, movable, pending, dragging, onOpen }: BlockProps) {
  const minutes = a.endMinute - a.startMinute;
  const classes = [
    'appt',
    `status-${a.status}`,
    a.lateCancel ? 'is-late-cancel' : '',
    minutes <= 30 ? 'is-short' : '',
    compact ? 'is-compact' : '',
    tiny ? 'is-tiny' : '',
    movable ? 'is-movable' : '',
    pending ? 'is-pending' : '',
    dragging ? 'is-dragging' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const { marks } = useNoteMarks();
  const noteWords = noteMarkWords(a, marks);
  const summary = `${appointmentSummary(a, locale)}${noteWords ? `, ${noteWords}` : ''}`;
  return (
    <button
      type="button"
      className={classes}
      style={{ ...style, '--type-colour': a.typeColour } as CSSProperties}
      data-appointment-id={a.id}
      data-column-key={columnKey}
      data-testid={`appointment-${a.id}`}
      aria-label={summary}
      title={summary}
      onClick={onOpen}
    >
      <span className="appt-line appt-top" aria-hidden="true">
        <span className="appt-time">{tiny ? formatMinuteShort(a.startMinute, locale) : compact ? formatMinute(a.startMinute, locale) : formatMinuteRange(a.startMinute, a.endMinute, locale)}</span>
        {a.seriesId !== null && !tiny && (
          <span className="appt-repeat" title="Part of a series">
            ↻
          </span>
        )}
        {a.doubleBookedReason && (
          <span className="appt-double" title="Double-booked">
            !
          </span>
        )}
        <StatusMark a={a} tiny={tiny} />
        <NoteMark appointment={a} tiny={tiny || compact} />
      </span>
      <span className="appt-line appt-name" aria-hidden="true">
        {a.patientName}
      </span>
      {!tiny && (
        <span className="appt-line appt-meta" aria-hidden="true">
          {a.typeName}
          {meta === 'room' ? (a.roomName ? ` · ${a.roomName}` : ' · no room') : ` · ${shortName(a.therapistName)}`}
        </span>
      )}
      {movable && !tiny && <span className="appt-resize" data-resize="true" aria-hidden="true" />}
    </button>
  );
}
