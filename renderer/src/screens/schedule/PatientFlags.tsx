import { MEDICARE_PRIMARY_LABEL } from '../../../../shared/superbill/medicare';
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

/** "Tue, Dec 1, 9:00 AM with Marisol Reyes" — the next one after the appointment being looked at, when one is. */
export function nextAppointmentText(s: Summary, locale: string, excludeAppointmentId?: number): string | null {
  const next = s.upcoming.find((a) => a.id !== excludeAppointmentId);
  if (!next) return null;
  return `${formatDay(next.localDate, locale, 'short')}, ${formatMinute(next.startMinute, locale)} with ${shortName(next.therapistName)}`;
}

/** A patient's attendance flags and next visit, loaded on their own (booking dialog, chart header). */
export function PatientFlags({ patientId, variant = 'inline', excludeAppointmentId }: { patientId: number; variant?: 'inline' | 'badges'; excludeAppointmentId?: number }) {
  const { locale } = useClinic();
  const { data } = useQuery('appointments.patientSummary', { patientId });
  if (!data) return null;
  const warn = hasAttendanceWarning(data);
  const next = nextAppointmentText(data, locale, excludeAppointmentId);
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
      {data.medicarePartBPrimary && (
        <span className="flag-warning" data-testid="medicare-flag">
          {MEDICARE_PRIMARY_LABEL}: no self-submit superbill; an ABN before any service Medicare may not cover
        </span>
      )}
      <span className={warn ? 'flag-warning' : undefined}>{attendanceText(data)}</span>
      <span>{next ? `Next: ${next}` : excludeAppointmentId === undefined ? 'No upcoming appointment' : 'No other upcoming appointment'}</span>
    </div>
  );
}
