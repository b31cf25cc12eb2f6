import { useQuery } from '../../api/hooks';
import { paths } from '../../app/routes';
import { Loading, LoadFailed } from '../../components/LoadState';
import { AppointmentTypesSection } from './AppointmentTypesSection';
import { RoomsSection } from './RoomsSection';
import { WorkingHoursSection } from './WorkingHoursSection';
import './ScheduleSettings.css';

/** Admins: each therapist's working hours, the appointment types and the rooms (a save refreshes every screen that shows them). */
export function ScheduleSettings() {
  const { data, error, refetch } = useQuery('schedule.settings', {});
  if (error) return <LoadFailed error={error} onRetry={refetch} />;
  if (!data) return <Loading />;
  return (
    <>
      <WorkingHoursSection therapists={data.therapists} onSaved={() => {}} />
      <AppointmentTypesSection types={data.appointmentTypes} />
      <RoomsSection rooms={data.rooms} />
      <section className="form-section">
        <h2 className="form-section-title">Late cancellations</h2>
        <p className="form-section-note">
          Cancelling less than <strong>{data.lateCancelHours} hours</strong> before the appointment counts as late. Change the window in{' '}
          <a href={`#${paths.settings('clinic')}`}>Settings → Clinic</a>.
        </p>
      </section>
    </>
  );
}
