import { useCallback, useEffect, useMemo } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { sessionStore, type SignedIn } from '../api/session';
import { Banner } from '../components/Banner';
import { ConfirmProvider } from '../components/ConfirmDialog';
import { ClinicContext, clinicInfoOf, type ClinicInfo } from './clinic';
import { useIdleLock } from './idleLock';
import { RouterProvider } from './router';
import { homePathFor } from './routes';
import { ShellStateProvider } from './shell-state';
import { Shell } from './Shell';
import { QueryProvider } from '../api/QueryProvider';

/** Lock now: hide everything first, then tell the server. */
export function lockNow() {
  sessionStore.lock();
  void call('auth.lock', {}).catch(() => {
    // Already locked or gone on the server: the screen is locked either way.
  });
}

function heartbeat() {
  call('auth.heartbeat', {}).then(
    (r) => sessionStore.setIdleLockMinutes(r.idleLockMinutes),
    () => {
      // LOCKED / UNAUTHENTICATED are handled by the client; anything else is retried on the next activity.
    },
  );
}

/** Everything after sign-in, with its own query cache. Stays mounted (hidden) while the screen is locked. */
export function SignedInApp({ session }: { session: SignedIn }) {
  return (
    <QueryProvider>
      <SignedInFrame session={session} />
    </QueryProvider>
  );
}

function SignedInFrame({ session }: { session: SignedIn }) {
  const me = useQuery('auth.me', {}, { enabled: !session.locked });
  const idleMinutes = me.data?.idleLockMinutes;
  useEffect(() => {
    if (idleMinutes !== undefined) sessionStore.setIdleLockMinutes(idleMinutes);
  }, [idleMinutes]);

  useIdleLock({ minutes: session.idleLockMinutes, paused: session.locked, onIdle: lockNow, onHeartbeat: heartbeat });

  const { data, refetch } = me;
  const clinic = useMemo<ClinicInfo | null>(() => (data ? clinicInfoOf(data, refetch) : null), [data, refetch]);
  const onLock = useCallback(() => lockNow(), []);

  if (!clinic) {
    return (
      <div className="auth-screen">
        {me.error && !session.locked ? (
          <Banner
            tone="error"
            actions={
              <button type="button" className="button" onClick={refetch}>
                Try again
              </button>
            }
          >
            {me.error.message}
          </Banner>
        ) : (
          <div className="loading-block" role="status">
            <span className="spinner" aria-hidden="true" /> Opening Runback…
          </div>
        )}
      </div>
    );
  }

  return (
    <ClinicContext.Provider value={clinic}>
      <ShellStateProvider>
        <ConfirmProvider>
          <RouterProvider home={homePathFor(session.user.role)}>
            <Shell session={session} onLock={onLock} />
          </RouterProvider>
        </ConfirmProvider>
      </ShellStateProvider>
    </ClinicContext.Provider>
  );
}
