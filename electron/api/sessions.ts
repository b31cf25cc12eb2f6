import type { CompiledQuery, Kysely } from 'kysely';
import { ApiError } from '../../shared/api/errors';
import type { SessionUser } from '../../shared/domain/user';
import type { DB } from '../db/schema';
import { hashToken, newToken } from '../auth/tokens';
import type { ResolvedSession } from './context';
import { clinicSettingsRead, type ClinicSettings } from './clinic-settings';

/** A session ends after this long whatever the activity: a shift, not forever. */
export const SESSION_MAX_HOURS = 12;

async function idleLockMinutes(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('clinic').select('idleLockMinutes').executeTakeFirst();
  return row?.idleLockMinutes ?? 10;
}

/** Session activity is written at most this often: a call within it changes nothing on disk. */
export const ACTIVITY_INTERVAL_MS = 5_000;

/**
 * The session behind a token, or null when there is none (unknown, ended, expired, or its user was
 * deactivated). A session idle for longer than the clinic's auto-lock time comes back locked with
 * `idleLocked` set: the caller records the lock (reads do it after their read transaction), so the
 * server enforces the lock even if the screen's own timer never fired. This function writes nothing.
 *
 * The same statement reads the clinic's settings (one row, joined): nearly every call needs them
 * (its zone, its date order), and reading them here, in the call's own transaction, saves each call
 * a second statement (see clinicSettingsRead).
 */
function sessionQuery(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .leftJoin('clinic', (join) => join.onTrue())
    .select([
      'sessions.id as sessionId',
      'sessions.lastActiveAt',
      'sessions.expiresAt',
      'sessions.locked',
      'sessions.endedAt',
      'users.id as userId',
      'users.username',
      'users.displayName',
      'users.role',
      'users.active',
      'clinic.name as clinicName',
      'clinic.country',
      'clinic.timeZone',
      'clinic.distanceUnit',
      'clinic.lateCancelHours',
      'clinic.idleLockMinutes',
      'clinic.dateOrder',
      'clinic.timeFormat',
      'clinic.weekStartsOn',
    ])
    .where('sessions.tokenHash', '=', tokenHash);
}

type SessionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof sessionQuery>['executeTakeFirst']>>>;

/** Every call looks its session up: the query is built and compiled once, then only its token changes. */
let compiledSessionQuery: CompiledQuery<SessionRow> | null = null;

/** The clinic's settings in a session row (none before setup: the left join found no clinic). */
function clinicOf(row: SessionRow): ClinicSettings | undefined {
  const { clinicName, country, timeZone, distanceUnit, lateCancelHours, idleLockMinutes, dateOrder, timeFormat, weekStartsOn } = row;
  if (clinicName === null || country === null || timeZone === null || distanceUnit === null || lateCancelHours === null || idleLockMinutes === null || dateOrder === null || timeFormat === null || weekStartsOn === null) return undefined;
  return { name: clinicName, country, timeZone, distanceUnit, lateCancelHours, idleLockMinutes, dateOrder, timeFormat, weekStartsOn };
}

export async function resolveSession(db: Kysely<DB>, token: string, now: Date): Promise<ResolvedSession | null> {
  compiledSessionQuery ??= sessionQuery(db, '').compile();
  const result = await db.executeQuery<SessionRow>({ ...compiledSessionQuery, parameters: [hashToken(token)] });
  const row = result.rows[0];
  if (!row) return resolveKiosk(db, token, now);
  clinicSettingsRead(db, clinicOf(row));
  if (row.endedAt !== null || row.active !== 1 || row.expiresAt <= now.toISOString()) return null;
  const alreadyLocked = row.locked === 1;
  const idleLocked = !alreadyLocked && now.getTime() - Date.parse(row.lastActiveAt) > (row.idleLockMinutes ?? 10) * 60_000;
  const user: SessionUser = { id: row.userId, username: row.username, displayName: row.displayName, role: row.role };
  return { id: row.sessionId, user, locked: alreadyLocked || idleLocked, idleLocked, lastActiveAt: row.lastActiveAt, token };
}

/**
 * A patient kiosk's token (kiosk.start): the patient, the questionnaire and who handed it over. It
 * has no activity or idle lock of its own (a patient may take their time); it ends when handed
 * back, when it expires, or when the staff member who handed it over is deactivated.
 */
async function resolveKiosk(db: Kysely<DB>, token: string, now: Date): Promise<ResolvedSession | null> {
  const row = await db
    .selectFrom('patientKiosks')
    .innerJoin('users', 'users.id', 'patientKiosks.handedBy')
    .select(['patientKiosks.id', 'patientKiosks.patientId', 'patientKiosks.instrument', 'patientKiosks.expiresAt', 'patientKiosks.endedAt', 'users.id as userId', 'users.username', 'users.displayName', 'users.role', 'users.active'])
    .where('patientKiosks.tokenHash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.endedAt !== null || row.active !== 1 || row.expiresAt <= now.toISOString()) return null;
  const handedBy: SessionUser = { id: row.userId, username: row.username, displayName: row.displayName, role: row.role };
  return {
    id: 0,
    // Audit rows of the kiosk name the staff member who handed it over, marked as the patient's.
    user: { ...handedBy, username: `kiosk:${row.username}`.slice(0, 60), displayName: `Patient (handed over by ${row.displayName})` },
    locked: false,
    idleLocked: false,
    lastActiveAt: '',
    token,
    kiosk: { kioskId: row.id, patientId: row.patientId, instrument: row.instrument, handedBy },
  };
}

/** True when this call's activity should be written (the last write is older than the interval). */
export function activityDue(session: ResolvedSession, now: Date): boolean {
  return session.id > 0 && now.getTime() - Date.parse(session.lastActiveAt) >= ACTIVITY_INTERVAL_MS;
}

/**
 * Records the idle lock a call found, unless the session was active after the call looked (a read's
 * lock is written after its read: an unlock committed in between must not be undone).
 */
export async function lockSession(db: Kysely<DB>, sessionId: number, seenLastActiveAt: string) {
  await db.updateTable('sessions').set({ locked: 1 }).where('id', '=', sessionId).where('lastActiveAt', '=', seenLastActiveAt).execute();
}

/** Records activity at `now`; a slow call that finishes after a later one never moves it back. */
export async function touchSession(db: Kysely<DB>, sessionId: number, now: Date) {
  const at = now.toISOString();
  await db.updateTable('sessions').set({ lastActiveAt: at }).where('id', '=', sessionId).where('lastActiveAt', '<', at).execute();
}

export async function startSession(db: Kysely<DB>, userId: number, now: Date): Promise<string> {
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({
      tokenHash: hashToken(token),
      userId,
      createdAt: now.toISOString(),
      lastActiveAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_MAX_HOURS * 3_600_000).toISOString(),
    })
    .execute();
  return token;
}

export async function endSession(db: Kysely<DB>, sessionId: number, now: Date) {
  await db.updateTable('sessions').set({ endedAt: now.toISOString() }).where('id', '=', sessionId).where('endedAt', 'is', null).execute();
}

export async function endSessionsOfUser(db: Kysely<DB>, userId: number, now: Date) {
  await db.updateTable('sessions').set({ endedAt: now.toISOString() }).where('userId', '=', userId).where('endedAt', 'is', null).execute();
}

export function requireSession(session: ResolvedSession | null): ResolvedSession {
  if (!session) throw new ApiError('UNAUTHENTICATED', 'Please sign in.');
  return session;
}

export { idleLockMinutes };
