import { useQuery } from '../../api/hooks';
import { useClinic } from '../../app/clinic';
import type { ResponseData } from '../../../../shared/api/contract';
import { formatDay, formatMinute } from './scheduleFormat';
import { shortName } from './scheduleModel';

type Summary = ResponseData<'appointments.patientSummary'>;

/** "Cancellations: 3 (late 1) · No-shows: 1" — the flags the front desk checks before booking. */
export function attendanceText(s: Pick<Summary, 'cancellations' | 'lateCancellations' | 'noShows'>): string {
  return `Cancellations: ${s.cancellations}${s.lateCancellations ? ` (late ${s.lateCancellations})` : ''} · No-shows: ${s.noShows}`;
}

export function hasAttendanceWarning(s: Pick<Summary, 'lateCancellations' | 'noShows'>): boolean {
  return s.lateCancellations > 0 || s.noShows > 0;
}

/** "Tue, Dec 1, 9:00 AM with Marisol Reyes" */
export function nextAppointmentText(s: Summary, locale: string): string | null {
  const next = s.upcoming[0];
  if (!next) return null;
  return `${formatDay(next.localDate, locale, 'short')}, ${formatMinute(next.startMinute, locale)} with ${shortName(next.therapistName)}`;
}

/** A patient's attendance flags and next visit, loaded on their own (booking dialog, chart header). */
export function PatientFlags({ patientId, variant = 'inline' }: { patientId: number; variant?: 'inline' | 'badges' }) {
  const { locale } = useClinic();
  const { data } = useQuery('appointments.patientSummary', { patientId });
  if (!data) return null;
  const warn = hasAttendanceWarning(data);
  const next = nextAppointmentText(data, locale);
  if (variant === 'badges') {
    return (
      <>
        <span className={`badge${warn ? ' badge-warning' : ''}`} data-testid="attendance-flags">
          {attendanceText(data)}
        </span>
      </>
    );
  }
  return (
    <div className="patient-flags">
      <span className={warn ? 'flag-warning' : undefined}>{attendanceText(data)}</span>
      <span>{next ? `Next: ${next}` : 'No upcoming appointment'}</span>
    </div>
  );
}
