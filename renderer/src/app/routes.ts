/** The app's places, as hash paths (#/patients/12/details): they work from app:// and from web mode alike. */
export type SettingsSection = 'clinic' | 'users';

export type Route =
  | { name: 'patients' }
  | { name: 'patientNew' }
  | { name: 'patient'; id: number; tab: string }
  | { name: 'settings'; section: SettingsSection }
  | { name: 'notFound'; path: string };

export const paths = {
  home: () => '/patients',
  patients: () => '/patients',
  newPatient: () => '/patients/new',
  patient: (id: number, tab = 'details') => `/patients/${id}/${tab}`,
  settings: (section: SettingsSection = 'clinic') => `/settings/${section}`,
};

export function parsePath(path: string): Route {
  const parts = path.split('?')[0]!.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (parts.length === 0) return { name: 'patients' };
  if (first === 'patients') {
    if (second === undefined) return { name: 'patients' };
    if (second === 'new' && parts.length === 2) return { name: 'patientNew' };
    if (/^\d+$/.test(second) && parts.length <= 3) return { name: 'patient', id: Number(second), tab: third ?? 'details' };
  }
  if (first === 'settings' && parts.length <= 2) {
    if (second === undefined || second === 'clinic') return { name: 'settings', section: 'clinic' };
    if (second === 'users') return { name: 'settings', section: 'users' };
  }
  return { name: 'notFound', path };
}

/** The path in the address bar's hash ("#/patients/12" → "/patients/12"); "/" when none. */
export function readHashPath(hash: string): string {
  const h = hash.replace(/^#/, '');
  return h.startsWith('/') ? h : '/';
}
