import { useEffect, useRef } from 'react';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { call } from '../api/client';
import { sessionStore, type SignedIn } from '../api/session';
import { BrandMark } from '../components/Brand';
import { useClinic } from './clinic';
import { navItemsFor } from './nav';
import { useRouter } from './router';
import { paths } from './routes';
import { useShellState } from './shell-state';
import { BackupAlert } from './BackupAlert';
import { PatientsScreen } from '../screens/patients/PatientsScreen';
import { PatientChart } from '../screens/patients/PatientChart';
import { NewPatientScreen } from '../screens/patients/NewPatientScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { ScheduleScreen } from '../screens/schedule/ScheduleScreen';
import { TodayScreen } from '../screens/today/TodayScreen';
import { EndOfDayScreen } from '../screens/billing/EndOfDayScreen';
import { ExerciseLibraryScreen } from '../screens/exercises/ExerciseLibraryScreen';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || (target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type));
}

/** "/" or Ctrl+K: find a patient from anywhere. Alt+N: new patient. */
function useGlobalShortcuts() {
  const { route, navigate } = useRouter();
  const { requestSearchFocus } = useShellState();
  const routeName = route.name;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || sessionStore.isLocked() || document.querySelector('dialog[open]')) return;
      const findKey = (event.key === '/' && !isTyping(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) || ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k');
      if (findKey) {
        event.preventDefault();
        if (routeName === 'patients') requestSearchFocus();
        else void navigate(paths.patients()).then((went) => went && requestSearchFocus());
        return;
      }
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN') {
        event.preventDefault();
        void navigate(paths.newPatient());
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [routeName, navigate, requestSearchFocus]);
}

function Screen() {
  const { route } = useRouter();
  switch (route.name) {
    case 'schedule':
      return <ScheduleScreen params={route.params} />;
    case 'today':
      return <TodayScreen />;
    case 'endOfDay':
      return <EndOfDayScreen date={route.date} />;
    case 'patients':
      return <PatientsScreen />;
    case 'patientNew':
      return <NewPatientScreen />;
    case 'patient':
      return <PatientChart key={route.id} id={route.id} tab={route.tab} noteId={route.noteId} />;
    case 'settings':
      return <SettingsScreen section={route.section} />;
    case 'exercises':
      return <ExerciseLibraryScreen selectedKey={route.key} />;
    case 'notFound':
      return (
        <div className="page">
          <div className="empty-state">
            <h1>Nothing here</h1>
            <p>This address does not lead to a Runback screen.</p>
            <a className="button" href={`#${paths.home()}`}>
              Go to Patients
            </a>
          </div>
        </div>
      );
  }
}

/** The signed-in frame: navigation on the left (clinic on top, user and Lock at the bottom), the screen on the right. */
export function Shell({ session, onLock }: { session: SignedIn; onLock: () => void }) {
  const clinic = useClinic();
  const { route, confirmLeave, path } = useRouter();
  const mainRef = useRef<HTMLElement>(null);
  useGlobalShortcuts();

  // A new screen starts at its top (the schedule keeps its place while its date or view changes).
  const screenKey = route.name === 'schedule' ? 'schedule' : path;
  useEffect(() => {
    mainRef.current?.scrollTo({ top: 0 });
  }, [screenKey]);

  const signOut = async () => {
    if (!(await confirmLeave())) return;
    try {
      await call('auth.signOut', {});
    } catch {
      // Already ended on the server: signing out here is all that is left.
    }
    sessionStore.end({ notice: 'You have signed out.' });
  };

  return (
    <div className="shell">
      <button type="button" className="skip-link button" onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <nav className="sidebar" aria-label="Main">
        <div className="sidebar-brand">
          <div className="sidebar-product">
            <BrandMark className="sidebar-mark" />
            Runback
          </div>
          <div className="sidebar-clinic">{clinic.clinicName}</div>
        </div>
        <div className="sidebar-nav">
          <ul>
            {navItemsFor(session.user.role).map((item) => (
              <li key={item.id}>
                <a className="nav-link" href={item.href} aria-current={item.isActive(route) ? 'page' : undefined}>
                  {item.icon}
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
        <div className="sidebar-user">
          <div className="sidebar-user-name">{session.user.displayName}</div>
          <div className="sidebar-user-role">{ROLE_LABELS[session.user.role]}</div>
          <div className="sidebar-user-actions">
            <button type="button" className="button button-small" onClick={onLock} title="Lock the screen now (your work stays as it is)">
              Lock
            </button>
            <button type="button" className="button button-small button-quiet" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </nav>
      <main ref={mainRef} id="main" className="main" tabIndex={-1}>
        {session.user.role === 'admin' && <BackupAlert />}
        <Screen />
      </main>
    </div>
  );
}
