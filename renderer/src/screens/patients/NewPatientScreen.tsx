import { useRouter } from '../../app/router';
import { paths } from '../../app/routes';
import { PatientForm } from './PatientForm';

export function NewPatientScreen() {
  const { navigate } = useRouter();
  return (
    <div className="page">
      <div className="chart-back">
        <a href={`#${paths.patients()}`}>← Patients</a>
      </div>
      <header className="page-header">
        <h1>New patient</h1>
        <span className="page-count">The record gets the next MRN when you register it.</span>
      </header>
      <PatientForm patient={null} onSaved={(p) => void navigate(paths.patient(p.id), { replace: true, force: true })} />
    </div>
  );
}
