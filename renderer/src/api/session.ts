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

/**
 * The screen is handed to a patient: the token is the patient kiosk's (one patient, one
 * questionnaire, its own few channels); the staff session is locked on the server meanwhile.
 */
export interface Kiosk {
  phase: 'kiosk';
  token: string;
}

export type AuthState =
  | { phase: 'starting' }
  | Kiosk
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
const KIOSK_KEY = 'runback.kiosk';

/** A kiosk survives a reload of the tab (the patient cannot leave it by reloading); memory only in Electron. */
export interface KioskPersistence {
  load(): string | null;
  save(token: string | null): void;
}

export const memoryKioskPersistence: KioskPersistence = { load: () => null, save: () => {} };

export function sessionStorageKioskPersistence(storage: Storage): KioskPersistence {
  return {
    load: () => {
      try {
        return storage.getItem(KIOSK_KEY);
      } catch {
        return null;
      }
    },
    save: (token) => {
      try {
        if (token) storage.setItem(KIOSK_KEY, token);
        else storage.removeItem(KIOSK_KEY);
      } catch {
        // Storage refused: the kiosk still lives for this page.
      }
    },
  };
}

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

  private kioskPersistence: KioskPersistence = memoryKioskPersistence;

  constructor(private persistence: SessionPersistence = memoryPersistence) {}

  setPersistence(persistence: SessionPersistence, kiosk: KioskPersistence = memoryKioskPersistence) {
    this.persistence = persistence;
    this.kioskPersistence = kiosk;
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
    return this.state.phase === 'signedIn' || this.state.phase === 'kiosk' ? this.state.token : null;
  }

  /** A screen handed to a patient before a reload. */
  restoreKiosk(): boolean {
    const token = this.kioskPersistence.load();
    if (!token) return false;
    this.set({ phase: 'kiosk', token });
    return true;
  }

  /** Hand the screen to a patient: nothing of the signed-in app stays mounted. */
  handToPatient(kioskToken: string) {
    this.set({ phase: 'kiosk', token: kioskToken });
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
    this.kioskPersistence.save(next.phase === 'kiosk' ? next.token : null);
    this.persistence.save(next.phase === 'signedIn' ? { token: next.token, user: next.user, idleLockMinutes: next.idleLockMinutes, locked: next.locked } : null);
    for (const l of this.listeners) l();
  }
}

export const sessionStore = new SessionStore();

export function useAuth(store: SessionStore = sessionStore): AuthState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
