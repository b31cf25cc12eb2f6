import type { Role } from '../../../shared/domain/roles';

/** The app's places, as hash paths (#/patients/12/details): they work from app:// and from web mode alike. */
export type SettingsSection = 'clinic' | 'users' | 'schedule' | 'policy' | 'audit' | 'backups' | 'import' | 'fees';

/** What the schedule shows; kept in the address so a reload (or a link) opens the same day. */
export interface ScheduleParams {
  /** YYYY-MM-DD in the clinic's zone; absent = today. */
  date?: string;
  view?: 'day' | 'week';
  /** Day view: one column per therapist or per room. */
  by?: 'therapist' | 'room';
  /** Week view: one therapist's id, or absent for all. */
  therapist?: number;
  /** Open the booking dialog for this patient (the chart's "Book" action). */
  book?: number;
}

export type Route =
  | { name: 'schedule'; params: ScheduleParams }
  | { name: 'today' }
  | { name: 'endOfDay'; date?: string }
  | { name: 'patients' }
  | { name: 'patientNew' }
  | { name: 'patient'; id: number; tab: string; /** A note opened in the Notes tab. */ noteId?: number }
  | { name: 'settings'; section: SettingsSection }
  | { name: 'exercises'; /** The exercise open beside the list. */ key?: string }
  | { name: 'notFound'; path: string };

function scheduleQuery(p: ScheduleParams): string {
  const q = new URLSearchParams();
  if (p.date) q.set('date', p.date);
  if (p.view && p.view !== 'day') q.set('view', p.view);
  if (p.by && p.by !== 'therapist') q.set('by', p.by);
  if (p.therapist !== undefined) q.set('therapist', String(p.therapist));
  if (p.book !== undefined) q.set('book', String(p.book));
  const text = q.toString();
  return text ? `?${text}` : '';
}

function parseScheduleQuery(query: string): ScheduleParams {
  const q = new URLSearchParams(query);
  const params: ScheduleParams = {};
  const date = q.get('date');
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) params.date = date;
  if (q.get('view') === 'week') params.view = 'week';
  if (q.get('by') === 'room') params.by = 'room';
  const therapist = Number(q.get('therapist'));
  if (Number.isInteger(therapist) && therapist > 0) params.therapist = therapist;
  const book = Number(q.get('book'));
  if (Number.isInteger(book) && book > 0) params.book = book;
  return params;
}

export const paths = {
  home: () => '/patients',
  schedule: (params: ScheduleParams = {}) => `/schedule${scheduleQuery(params)}`,
  today: () => '/today',
  endOfDay: (date?: string) => `/end-of-day${date ? `?date=${date}` : ''}`,
  patients: () => '/patients',
  newPatient: () => '/patients/new',
  patient: (id: number, tab = 'details') => `/patients/${id}/${tab}`,
  note: (patientId: number, noteId: number) => `/patients/${patientId}/notes/${noteId}`,
  settings: (section: SettingsSection = 'clinic') => `/settings/${section}`,
  exercises: (key?: string) => (key ? `/exercises/${key}` : '/exercises'),
};

export function parsePath(path: string): Route {
  const [pathname, query = ''] = path.split('?') as [string, string?];
  const parts = pathname.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (parts.length === 0) return { name: 'patients' };
  if (first === 'schedule' && parts.length === 1) return { name: 'schedule', params: parseScheduleQuery(query) };
  if (first === 'today' && parts.length === 1) return { name: 'today' };
  if (first === 'end-of-day' && parts.length === 1) {
    const date = new URLSearchParams(query).get('date');
    return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { name: 'endOfDay', date } : { name: 'endOfDay' };
  }
  if (first === 'exercises' && parts.length === 1) return { name: 'exercises' };
  if (first === 'exercises' && parts.length === 2 && /^[a-z0-9-]+$/.test(second!)) return { name: 'exercises', key: second };
  if (first === 'patients') {
    if (second === undefined) return { name: 'patients' };
    if (second === 'new' && parts.length === 2) return { name: 'patientNew' };
    if (/^\d+$/.test(second) && parts.length <= 3) return { name: 'patient', id: Number(second), tab: third ?? 'details' };
    if (/^\d+$/.test(second) && third === 'notes' && parts.length === 4 && /^\d+$/.test(parts[3]!)) return { name: 'patient', id: Number(second), tab: 'notes', noteId: Number(parts[3]) };
  }
  if (first === 'settings' && parts.length <= 2) {
    if (second === undefined || second === 'clinic') return { name: 'settings', section: 'clinic' };
    if (second === 'users') return { name: 'settings', section: 'users' };
    if (second === 'schedule') return { name: 'settings', section: 'schedule' };
    if (second === 'policy') return { name: 'settings', section: 'policy' };
    if (second === 'audit') return { name: 'settings', section: 'audit' };
    if (second === 'backups') return { name: 'settings', section: 'backups' };
    if (second === 'import') return { name: 'settings', section: 'import' };
    if (second === 'fees') return { name: 'settings', section: 'fees' };
  }
  return { name: 'notFound', path };
}

/** Where each role starts after signing in: the front desk on the schedule, therapists on their own day. */
export function homePathFor(role: Role): string {
  return role === 'admin' ? paths.patients() : role === 'therapist' ? paths.today() : paths.schedule();
}

/** The path in the address bar's hash ("#/patients/12" → "/patients/12"); "/" when none. */
export function readHashPath(hash: string): string {
  const h = hash.replace(/^#/, '');
  return h.startsWith('/') ? h : '/';
}
