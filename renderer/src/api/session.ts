import { useSyncExternalStore } from 'react';
import type { SessionGrant } from '../../../shared/api/auth';
import type { SessionUser } from '../../../shared/domain/user';

export interface SignedIn {
  phase: 'signedIn';
  token: string;
  user: SessionUser;
  idleLockMinutes: number;
  /** The screen is locked: the app stays mounted but hidden until the same user unlocks. */
  locked: boolean;
  /** Changes with every new sign-in: the shell is keyed on it, so another user starts clean. */
  generation: number;
}

export type AuthState =
  | { phase: 'starting' }
  | { phase: 'setup' }
  | { phase: 'signedOut'; clinicName: string | null; notice: string | null }
  | { phase: 'failed'; message: string }
  | SignedIn;

/** Where a session survives a page reload: sessionStorage in web mode, nowhere (memory) in Electron. */
export interface SessionPersistence {
  load(): Omit<SignedIn, 'phase' | 'generation'> | null;
  save(session: Omit<SignedIn, 'phase' | 'generation'> | null): void;
}

export const memoryPersistence: SessionPersistence = { load: () => null, save: () => {} };

const SESSION_KEY = 'runback.session';

export function sessionStoragePersistence(storage: Storage): SessionPersistence {
  return {
    load() {
      try {
        const raw = storage.getItem(SESSION_KEY);
        if (!raw) return null;
        const v = JSON.parse(raw) as Partial<SignedIn>;
        if (typeof v.token !== 'string' || !v.user || typeof v.user.displayName !== 'string') return null;
        return { token: v.token, user: v.user, idleLockMinutes: Number(v.idleLockMinutes) || 10, locked: v.locked === true };
      } catch {
        return null;
      }
    },
    save(session) {
      try {
        if (session) storage.setItem(SESSION_KEY, JSON.stringify(session));
        else storage.removeItem(SESSION_KEY);
      } catch {
        // Storage refused: the session still lives for this page.
      }
    },
  };
}

type Listener = () => void;

/** The one place that knows who is signed in and whether the screen is locked. */
export class SessionStore {
  private state: AuthState = { phase: 'starting' };
  private listeners = new Set<Listener>();
  private generation = 0;
  private clinicName: string | null = null;

  constructor(private persistence: SessionPersistence = memoryPersistence) {}

  setPersistence(persistence: SessionPersistence) {
    this.persistence = persistence;
  }

  getState = (): AuthState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The clinic's name as setup.status gave it: the sign-in screen shows it. */
  setClinicName(name: string | null) {
    this.clinicName = name;
  }

  token(): string | null {
    return this.state.phase === 'signedIn' ? this.state.token : null;
  }

  isLocked(): boolean {
    return this.state.phase === 'signedIn' && this.state.locked;
  }

  /** A session kept from before a page reload (web mode), if any. */
  restore(): boolean {
    const kept = this.persistence.load();
    if (!kept) return false;
    this.set({ phase: 'signedIn', ...kept, generation: ++this.generation });
    return true;
  }

  /** A new sign-in (or setup): a new generation, so nothing of a previous user's screen survives. */
  begin(grant: SessionGrant) {
    this.set({ phase: 'signedIn', token: grant.sessionToken, user: grant.user, idleLockMinutes: grant.idleLockMinutes, locked: false, generation: ++this.generation });
  }

  /** Hide everything now; the server is told separately (auth.lock) or told us (LOCKED). */
  lock() {
    if (this.state.phase === 'signedIn' && !this.state.locked) this.set({ ...this.state, locked: true });
  }

  /** The same user unlocked: same generation, so their screen (and unsaved input) comes back. */
  unlock(grant: SessionGrant) {
    if (this.state.phase !== 'signedIn') return;
    this.set({ ...this.state, token: grant.sessionToken, user: grant.user, idleLockMinutes: grant.idleLockMinutes, locked: false });
  }

  setIdleLockMinutes(minutes: number) {
    if (this.state.phase === 'signedIn' && this.state.idleLockMinutes !== minutes) this.set({ ...this.state, idleLockMinutes: minutes });
  }

  end(options: { notice?: string | null; clinicName?: string | null } = {}) {
    if (options.clinicName !== undefined) this.clinicName = options.clinicName;
    this.set({ phase: 'signedOut', clinicName: this.clinicName, notice: options.notice ?? null });
  }

  showSetup() {
    this.set({ phase: 'setup' });
  }

  fail(message: string) {
    this.set({ phase: 'failed', message });
  }

  private set(next: AuthState) {
    this.state = next;
    this.persistence.save(next.phase === 'signedIn' ? { token: next.token, user: next.user, idleLockMinutes: next.idleLockMinutes, locked: next.locked } : null);
    for (const l of this.listeners) l();
  }
}

export const sessionStore = new SessionStore();

export function useAuth(store: SessionStore = sessionStore): AuthState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
