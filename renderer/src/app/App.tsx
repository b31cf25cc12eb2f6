import { useEffect } from 'react';
import { call } from '../api/client';
import { messageOf } from '../api/errors';
import { sessionStore, useAuth } from '../api/session';
import { AuthBrand } from '../components/Brand';
import { Banner } from '../components/Banner';
import { LockScreen } from '../screens/auth/LockScreen';
import { KioskScreen } from '../screens/kiosk/KioskScreen';
import { SignInScreen } from '../screens/auth/SignInScreen';
import { SetupScreen } from '../screens/setup/SetupScreen';
import { SignedInApp } from './SignedInApp';

/** First run → setup; a session kept from before a reload → back in; otherwise → sign-in. */
export async function boot() {
  // A screen handed to a patient stays theirs through a reload: it asks nothing but its own channels.
  if (sessionStore.restoreKiosk()) return;
  try {
    const status = await call('setup.status', {});
    sessionStore.setClinicName(status.clinicName);
    if (!status.clinicExists) {
      sessionStore.showSetup();
      return;
    }
    if (!sessionStore.restore()) sessionStore.end({ clinicName: status.clinicName });
  } catch (error) {
    sessionStore.fail(messageOf(error));
  }
}

export function App() {
  const auth = useAuth();
  useEffect(() => {
    void boot();
  }, []);

  // Whoever signs in next starts on the home screen, not on the previous user's last patient.
  const signedOut = auth.phase === 'signedOut';
  useEffect(() => {
    if (signedOut) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }, [signedOut]);

  switch (auth.phase) {
    case 'starting':
      return (
        <div className="auth-screen">
          <AuthBrand />
          <div className="loading-block" role="status">
            <span className="spinner" aria-hidden="true" /> Starting…
          </div>
        </div>
      );
    case 'failed':
      return (
        <div className="auth-screen">
          <AuthBrand />
          <main className="card auth-card">
            <h1>Runback could not start</h1>
            <Banner tone="error">{auth.message}</Banner>
            <button type="button" className="button button-primary" onClick={() => void boot()}>
              Try again
            </button>
          </main>
        </div>
      );
    case 'setup':
      return <SetupScreen />;
    case 'kiosk':
      return <KioskScreen key={auth.token} />;
    case 'signedOut':
      return <SignInScreen clinicName={auth.clinicName} notice={auth.notice} />;
    case 'signedIn':
      return (
        <>
          {/* Locked: the app stays mounted (unsaved input survives) but is not displayed, not focusable and not in the accessibility tree. */}
          <div className="app-root" hidden={auth.locked} inert={auth.locked} aria-hidden={auth.locked || undefined}>
            <SignedInApp key={auth.generation} session={auth} />
          </div>
          {auth.locked && <LockScreen session={auth} />}
        </>
      );
  }
}
