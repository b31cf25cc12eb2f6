import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { ChannelName, RequestInput, ResponseData } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import type { Role } from '../../shared/domain/roles';
import type { Logger } from '../../electron/api/context';
import { startSession } from '../../electron/api/sessions';
import { DATABASE_FILE } from '../../electron/app/data-dir';
import { openApp, type OpenApp } from '../../electron/app/open-app';
import { screenEntryOf, type ScreenFlag } from '../../shared/clinical/redFlags';
import type { LockWait } from '../../electron/db/transaction';

export const CLINIC_INPUT = {
  name: 'Test Run Clinic',
  addressLine1: '1 Main St',
  city: 'Chicago',
  region: 'IL',
  postalCode: '60601',
  phone: '(312) 555-0100',
  timeZone: 'America/Chicago',
  distanceUnit: 'km' as const,
  idleLockMinutes: 10,
};

export const PASSWORDS: Record<Role, string> = {
  admin: 'admin-password-1',
  therapist: 'therapist-password-1',
  front_desk: 'frontdesk-password-1',
};

export interface TestApp extends OpenApp {
  clock: { now: Date; advanceMinutes(m: number): void };
  errors: unknown[];
  /** Calls a channel, typed from the contract. */
  call<K extends ChannelName>(channel: K, input: RequestInput<K>, sessionToken?: string | null): Promise<ApiResult<ResponseData<K>>>;
  /** Calls a channel and fails the test unless it succeeds. */
  ok<K extends ChannelName>(channel: K, input: RequestInput<K>, sessionToken?: string | null): Promise<ResponseData<K>>;
  /** Sessions for one user of each role (after setupClinic). */
  sessions: Record<Role, string>;
  userIds: Record<Role, number>;
  dispose(): Promise<void>;
}

const START = '2026-11-26T15:00:00.000Z';

interface TestAppOptions {
  /** false: an empty data folder (first-run setup not done). */
  withClinic?: boolean;
  /** How writes wait for a lock another connection holds (tests that hold one). */
  lockWait?: LockWait;
}

/**
 * A real app on a fresh temporary data folder, with a clock the test controls. The clinic (setup,
 * three users, their sessions) is made through the API once per test file and copied for each test:
 * five scrypt hashes per test made a busy machine's setup outlast its timeout.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'runback-test-'));
  const template = options.withClinic === false ? null : await clinicTemplate();
  if (template) copyFileSync(join(template.dataDir, DATABASE_FILE), join(dataDir, DATABASE_FILE));
  const t = await openTestApp(dataDir, options);
  if (template) {
    t.sessions = { ...template.sessions };
    t.userIds = { ...template.userIds };
  }
  return t;
}

async function openTestApp(dataDir: string, options: TestAppOptions): Promise<TestApp> {
  const clock = {
    now: new Date(START),
    advanceMinutes(m: number) {
      this.now = new Date(this.now.getTime() + m * 60_000);
    },
  };
  const errors: unknown[] = [];
  const log: Logger = { info: () => {}, error: (_m, d) => errors.push(d) };
  const app = await openApp(dataDir, { now: () => clock.now, log, ...(options.lockWait ? { lockWait: options.lockWait } : {}) });
  const t: TestApp = {
    ...app,
    clock,
    errors,
    sessions: {} as Record<Role, string>,
    userIds: {} as Record<Role, number>,
    call: (channel, input, sessionToken = null) =>
      app.dispatch({ channel, input, sessionToken, transport: 'direct' }) as Promise<ApiResult<ResponseData<typeof channel>>>,
    async ok(channel, input, sessionToken = null) {
      const result = await t.call(channel, input, sessionToken);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
      return result.value;
    },
    async dispose() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

interface ClinicTemplate {
  dataDir: string;
  sessions: Record<Role, string>;
  userIds: Record<Role, number>;
}

let template: Promise<ClinicTemplate> | null = null;

/** The set-up clinic every test starts from, made once per test file (vitest isolates files). */
function clinicTemplate(): Promise<ClinicTemplate> {
  template ??= (async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'runback-template-'));
    process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
    const t = await openTestApp(dataDir, {});
    await setupClinic(t);
    // Closing checkpoints the WAL: the database file alone then holds the whole clinic.
    await t.close();
    return { dataDir, sessions: t.sessions, userIds: t.userIds };
  })();
  return template;
}

async function setupClinic(t: TestApp) {
  const grant = await t.ok('setup.createClinic', {
    clinic: CLINIC_INPUT,
    admin: { username: 'admin', displayName: 'Ada Admin', password: PASSWORDS.admin },
  });
  t.sessions.admin = grant.sessionToken;
  t.userIds.admin = grant.user.id;
  for (const [role, username, name] of [
    ['therapist', 'thera', 'Theo Therapist'],
    ['front_desk', 'desk', 'Fran Desk'],
  ] as const) {
    const user = await t.ok('users.create', { username, displayName: name, role, password: PASSWORDS[role] }, t.sessions.admin);
    t.userIds[role] = user.id;
    t.sessions[role] = (await t.ok('auth.signIn', { username, password: PASSWORDS[role] })).sessionToken;
  }
}

export const PATIENT = {
  legalFirstName: 'María',
  legalLastName: 'García',
  preferredName: 'Mia',
  dateOfBirth: '1985-03-07',
  sex: 'female' as const,
  phone: '(312) 555-0199',
  email: 'mia@example.com',
  medicareBeneficiary: false,
};

/**
 * Every row of every table, hashed together: equal before and after a refused call proves the call
 * wrote nothing at all (not even an audit row or a session touch). The search indexes (the FTS index,
 * the number index: copies of the patients' columns, kept by triggers) are left out.
 */
export async function databaseFingerprint(t: TestApp, options: { except?: string[] } = {}): Promise<string> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'patients_fts%' and name <> 'patient_numbers' and name <> 'patient_name_tokens' and name not like 'sqlite_%' order by name`.execute(t.services.db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    if (options.except?.includes(name)) continue;
    const rows = await sql.raw(`select * from "${name}" order by rowid`).execute(t.services.db);
    parts.push(`${name}:${JSON.stringify(rows.rows)}`);
  }
  return parts.join('\n');
}

/**
 * A fresh session for a user without signing in (no scrypt hash): for tests of what a role may do,
 * not of signing in.
 */
export async function sessionFor(t: TestApp, role: Role): Promise<string> {
  return startSession(t.services.db, t.userIds[role], t.clock.now);
}

export async function auditRows(t: TestApp) {
  return t.services.db.selectFrom('auditLog').selectAll().orderBy('id').execute();
}

export function expectError(result: ApiResult<unknown>, code: string) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (!result.ok) expect(result.error.code).toBe(code);
}

/** Records a plan week's check-in red-flag screen (clear unless flags are given): a week is reviewed only on one. */
export async function checkIn(t: TestApp, patientId: number, weekId: number, session: string, yes: ScreenFlag[] = []) {
  return t.ok('redFlags.record', { patientId, context: { kind: 'check-in', weekId }, entry: screenEntryOf(yes) }, session);
}

/** Records a clear red-flag screen for the plan start and starts the plan on it. */
export async function startPlan(t: TestApp, input: Omit<RequestInput<'plans.start'>, 'screenId'>, session: string) {
  const { screen } = await t.ok('redFlags.record', { patientId: input.patientId, context: { kind: 'plan-start' }, entry: screenEntryOf() }, session);
  return t.ok('plans.start', { ...input, screenId: screen.id }, session);
}
