import type { Patient } from '../../../../shared/domain/patient';
import { useQuery } from '../../api/hooks';
import { useAuth } from '../../api/session';
import { HandoutPanel } from './HandoutPanel';

/**
 * TEMPORARY mount (branch handout) until the Home program tab (branch prog-builder) hosts the panel:
 * the program version comes from handouts.check here; the lead mounts HandoutPanel in that tab with
 * the builder's version and deletes this file and its chart tab.
 */
export function HandoutTabTemp({ patient }: { patient: Patient }) {
  const auth = useAuth();
  const clinical = auth.phase === 'signedIn' && auth.user.role !== 'front_desk';
  const check = useQuery('handouts.check', { patientId: patient.id }, { enabled: clinical });
  return <HandoutPanel patientId={patient.id} programVersion={check.data?.programVersion ?? null} />;
}
