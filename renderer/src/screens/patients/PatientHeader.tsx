import type { ReactNode } from 'react';
import { SEX_LABELS, type Patient } from '../../../../shared/domain/patient';
import { LANGUAGE_LABELS } from '../../../../shared/i18n/languages';
import { useQuery } from '../../api/hooks';
import { useClinic, useClinicToday } from '../../app/clinic';
import { paths } from '../../app/routes';
import { attendanceText, hasAttendanceWarning, nextAppointmentText } from '../schedule/PatientFlags';
import { birthAndAge, patientDisplayName } from './patientFormat';
import { PlanFlag } from '../plan/PlanFlag';
import { useAuth } from '../../api/session';
import { BalanceBadge } from '../billing/BalanceBadge';

/** The chart's header: who this is, at a glance, and it stays on screen while the chart scrolls. */
export function PatientHeader({ patient, actions }: { patient: Patient; actions?: ReactNode }) {
  const { locale } = useClinic();
  const today = useClinicToday();
  const { date, age } = birthAndAge(patient, today, locale);
  const preferred = patient.preferredName && patient.preferredName !== patient.legalFirstName ? patient.preferredName : null;
  const { data: visits } = useQuery('appointments.patientSummary', { patientId: patient.id });
  const next = visits ? nextAppointmentText(visits, locale) : null;
  const auth = useAuth();
  const clinical = auth.phase === 'signedIn' && auth.user.role !== 'front_desk';
  return (
    <header className="chart-header">
      <div className="chart-identity">
        <div className="chart-title">
          <h1>{patientDisplayName({ ...patient, preferredName: null })}</h1>
          {preferred && <span className="chart-preferred">goes by “{preferred}”</span>}
          <span className="chart-flags">
            {patient.medicareBeneficiary && <span className="badge badge-medicare" title="No self-submit superbill: the clinic submits the claim; ABN before non-covered services">Medicare Part B primary</span>}
            {patient.language !== 'en' && (
              <span className="badge" data-testid="handout-language" title="Printed home programs are in this language">
                Handouts in {LANGUAGE_LABELS[patient.language]}
              </span>
            )}
            {patient.archivedAt && <span className="badge badge-archived">Archived</span>}
            {visits && (
              <span className={`badge${hasAttendanceWarning(visits) ? ' badge-warning' : ''}`} data-testid="attendance-flags">
                {attendanceText(visits)}
              </span>
            )}
            <PlanFlag patientId={patient.id} enabled={clinical} />
          </span>
        </div>
        <dl className="chart-facts">
          <div>
            <dt>Age</dt>
            <dd>
              {age} <span className="muted">({date})</span>
            </dd>
          </div>
          <div>
            <dt>Sex</dt>
            <dd>{SEX_LABELS[patient.sex]}</dd>
          </div>
          <div>
            <dt>MRN</dt>
            <dd className="mono">{patient.mrn}</dd>
          </div>
          <div>
            <dt>Phone</dt>
            <dd>{patient.phone ?? <span className="muted">none</span>}</dd>
          </div>
          <div>
            <dt>Account</dt>
            <dd>
              <a href={`#${paths.patient(patient.id, 'billing')}`}>
                <BalanceBadge patientId={patient.id} />
              </a>
            </dd>
          </div>
          {visits && (
            <div>
              <dt>Next appointment</dt>
              <dd data-testid="next-appointment">
                {next && visits.upcoming[0] ? <a href={`#${paths.schedule({ date: visits.upcoming[0].localDate })}`}>{next}</a> : <span className="muted">none booked</span>}
              </dd>
            </div>
          )}
        </dl>
      </div>
      {actions && <div className="chart-actions">{actions}</div>}
    </header>
  );
}
