import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { todayIn } from '../../shared/util/dates';
import type { Role } from '../../shared/domain/roles';
import { DATABASE_FILE } from '../app/data-dir';
import { openApp } from '../app/open-app';
import { openDatabase } from '../db/connection';
import { inImmediateTransaction } from '../db/transaction';
import { writeAudit } from '../api/audit-writer';
import { demoPatients } from './demo-patients';
import { createDemoSchedule, createScheduleHistory } from './demo-schedule';
import { createDemoRunning } from './demo-running';
import { createDemoCharting, type DemoChartingResult } from './demo-charting';
import { createDemoLedger, type DemoLedgerResult } from './demo-ledger';
import { createDemoReassessments, type DemoReassessmentResult } from './demo-reassessments';
import { createDemoPrograms } from './demo-programs';
import { addDays } from '../../shared/schedule/clinic-time';

export const DEMO_CLINIC = {
  name: 'Lakeshore Run & Spine Physical Therapy',
  addressLine1: '1200 N Lake Shore Dr',
  addressLine2: 'Suite 300',
  city: 'Chicago',
  region: 'IL',
  postalCode: '60610',
  phone: '(312) 555-0142',
  timeZone: 'America/Chicago',
  distanceUnit: 'mi' as const,
  npi: '1234567893',
  taxId: '36-1234567',
  idleLockMinutes: 10,
  lateCancelHours: 24,
};

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  /** Therapists: the individual NPI (valid check digit, made up) and credentials a superbill prints. */
  billing?: { npi: string; credentials: string; license: string };
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'Dana Whitfield', role: 'admin', password: 'demo-admin-2026' },
  { username: 'mreyes', displayName: 'Marisol Reyes, PT, DPT', role: 'therapist', password: 'demo-therapist-2026', billing: { npi: '1288456795', credentials: 'PT, DPT', license: 'IL PT 070012345' } },
  { username: 'jokafor', displayName: 'James Okafor, PT, DPT', role: 'therapist', password: 'demo-therapist-2026', billing: { npi: '1647382914', credentials: 'PT, DPT', license: 'IL PT 070023456' } },
  { username: 'lnguyen', displayName: 'Linh Nguyen, PT, OCS', role: 'therapist', password: 'demo-therapist-2026', billing: { npi: '1904328758', credentials: 'PT, OCS', license: 'IL PT 070034567' } },
  { username: 'frontdesk', displayName: 'Priya Shah', role: 'front_desk', password: 'demo-frontdesk-2026' },
];

export class DemoRefusedError extends Error {}

export interface DemoResult {
  users: DemoUser[];
  patients: number;
  appointments: number;
  historyAppointments: number;
  runs: number;
  charting: DemoChartingResult;
  reassessment: DemoReassessmentResult;
  /** Home programs and their versions. */
  programs: { programs: number; versions: number };
  ledger: DemoLedgerResult;
  seconds: number;
}

/** At this many patients the demo also writes ten years of history for ten therapists (load checks). */
export const HISTORY_THRESHOLD = 100_000;
const FORMER_THERAPISTS = ['Alex Moreno, PT', 'Bea Lindqvist, PT', 'Chris Adeyemi, PT', 'Dora Kowalski, PT', 'Eli Tanaka, PT', 'Fay Oduya, PT', 'Gus Petrov, PT'];

async function holdsClinic(dataDir: string): Promise<boolean> {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) return false;
  const { db, close } = await openDatabase(file);
  try {
    return (await db.selectFrom('clinic').select('id').executeTakeFirst()) !== undefined;
  } finally {
    await close();
  }
}

/**
 * Builds a demo clinic in a data folder: the clinic and its staff through the same API channels the
 * setup and user screens use, then patients in bulk (one transaction: 100,000 single API calls would
 * take minutes; the bulk path writes the same columns and one audit row).
 */
export async function createDemoClinic(dataDir: string, options: { patients: number; seed: number; force: boolean; now?: Date }): Promise<DemoResult> {
  const started = Date.now();
  if (await holdsClinic(dataDir)) {
    if (!options.force) {
      throw new DemoRefusedError(`${dataDir} already holds a clinic. Nothing was changed. Use --force to replace it with a demo clinic (its data will be deleted).`);
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, DATABASE_FILE + suffix), { force: true });
  }
  const now = options.now ?? new Date();
  let clock = now;
  const app = await openApp(dataDir, { now: () => clock });
  // A demo is made in one go and made again (--force) if anything stops it: its thousand-odd writes
  // need not each wait for the disk. Closing the app checkpoints the finished clinic to disk.
  await sql`pragma synchronous = OFF`.execute(app.services.db);
  try {
    const [admin, ...staff] = DEMO_USERS as [DemoUser, ...DemoUser[]];
    const setup = await app.dispatch({
      channel: 'setup.createClinic',
      input: { clinic: DEMO_CLINIC, admin: { username: admin.username, displayName: admin.displayName, password: admin.password } },
      transport: 'cli',
    });
    if (!setup.ok) throw new Error(`Could not create the demo clinic: ${setup.error.message}`);
    const { sessionToken } = setup.value as { sessionToken: string };
    const therapists: { id: number; username: string; password: string }[] = [];
    for (const { billing, ...user } of staff) {
      const created = await app.dispatch({ channel: 'users.create', input: user, sessionToken, transport: 'cli' });
      if (!created.ok) throw new Error(`Could not create demo user ${user.username}: ${created.error.message}`);
      if (billing) {
        const set = await app.dispatch({ channel: 'users.setBillingIdentity', input: { id: (created.value as { id: number }).id, ...billing }, sessionToken, transport: 'cli' });
        if (!set.ok) throw new Error(`Could not set the NPI of demo user ${user.username}: ${set.error.message}`);
      }
      if (user.role === 'therapist') therapists.push({ id: (created.value as { id: number }).id, username: user.username, password: user.password });
    }
    const desk = DEMO_USERS.find((u) => u.role === 'front_desk')!;
    const deskSignIn = await app.dispatch({ channel: 'auth.signIn', input: { username: desk.username, password: desk.password }, transport: 'cli' });
    if (!deskSignIn.ok) throw new Error(deskSignIn.error.message);
    const deskSession = (deskSignIn.value as { sessionToken: string }).sessionToken;

    const today = todayIn(DEMO_CLINIC.timeZone, now);
    await inImmediateTransaction(app.services.db, async (trx) => {
      const batch = [];
      for (const row of demoPatients({ count: options.patients, seed: options.seed, today })) {
        batch.push(row);
        // 1,000 rows × 31 columns stays under SQLite's 32,766 bound-parameter limit.
        if (batch.length === 1000) await trx.insertInto('patients').values(batch.splice(0)).execute();
      }
      if (batch.length) await trx.insertInto('patients').values(batch).execute();
      await trx.updateTable('counters').set({ value: options.patients }).where('name', '=', 'mrn').execute();
      await writeAudit(trx, now, null, { action: 'demo.generate', entity: 'patient', detail: `${options.patients} demo patients, seed ${options.seed}` });
    });

    const patientIds = Array.from({ length: Math.min(options.patients, 400) }, (_, i) => i + 1);
    // The schedule's past is made by moving the clock; the demo's own sessions move with it (a jump
    // of days would otherwise idle-lock or expire them, and the check-ins would silently fail).
    const setNow = async (d: Date) => {
      clock = d;
      await app.services.db
        .updateTable('sessions')
        .set({ lastActiveAt: d.toISOString(), expiresAt: new Date(d.getTime() + 12 * 3_600_000).toISOString(), locked: 0 })
        .where('endedAt', 'is', null)
        .execute();
    };
    const appointments = patientIds.length
      ? await createDemoSchedule(
          {
            dispatch: app.dispatch,
            setNow,
            admin: sessionToken,
            desk: deskSession,
            today,
            timeZone: DEMO_CLINIC.timeZone,
            seed: options.seed,
            patientIds,
          },
          therapists,
        )
      : 0;
    // Several patients with 4–12 weeks of run-walk history and a plan the planner has reviewed.
    let runs = 0;
    if (patientIds.length) {
      const therapist = DEMO_USERS.find((u) => u.role === 'therapist')!;
      const t = await app.dispatch({ channel: 'auth.signIn', input: { username: therapist.username, password: therapist.password }, transport: 'cli' });
      if (!t.ok) throw new Error(t.error.message);
      const therapistSession = (t.value as { sessionToken: string }).sessionToken;
      runs = await createDemoRunning({ dispatch: app.dispatch, setNow, session: therapistSession, today, timeZone: DEMO_CLINIC.timeZone, seed: options.seed, patientIds: patientIds.slice(0, 6) });
      await app.dispatch({ channel: 'auth.signOut', input: {}, sessionToken: therapistSession, transport: 'cli' });
    }
    // Notes for the visits that happened, each written by the visit's therapist.
    let charting: DemoChartingResult = { notes: 0, drafts: 0, addenda: 0, discharged: 0 };
    let reassessment: DemoReassessmentResult = { reassessments: 0, questionnaires: 0, notImproving: null };
    let programs = { programs: 0, versions: 0 };
    if (patientIds.length) {
      const sessions = new Map<number, string>();
      for (const t of therapists) {
        const signIn = await app.dispatch({ channel: 'auth.signIn', input: { username: t.username, password: t.password }, transport: 'cli' });
        if (!signIn.ok) throw new Error(signIn.error.message);
        sessions.set(t.id, (signIn.value as { sessionToken: string }).sessionToken);
      }
      charting = await createDemoCharting({ dispatch: app.dispatch, setNow, sessions, admin: sessionToken, today, timeZone: DEMO_CLINIC.timeZone, seed: options.seed, runners: patientIds.slice(0, 6) });
      // The runners' batteries and questionnaires, after their notes so each links to its visit.
      reassessment = await createDemoReassessments({ dispatch: app.dispatch, db: app.services.db, setNow, sessions, today, timeZone: DEMO_CLINIC.timeZone, runners: patientIds.slice(0, 6) });
      // Every runner's home program, from what the reassessments suggest and a standard set.
      programs = await createDemoPrograms({ dispatch: app.dispatch, db: app.services.db, setNow, sessions, today, timeZone: DEMO_CLINIC.timeZone, notImproving: reassessment.notImproving });
      for (const s of sessions.values()) await app.dispatch({ channel: 'auth.signOut', input: {}, sessionToken: s, transport: 'cli' });
    }
    // The cash desk for the visits that were charted: fees, charges, payments, a package, a refund.
    let ledger: DemoLedgerResult = { charges: 0, payments: 0, refunds: 0, voids: 0, packages: 0, owing: 0 };
    if (patientIds.length) ledger = await createDemoLedger({ dispatch: app.dispatch, db: app.services.db, setNow, admin: sessionToken, desk: deskSession, today, timeZone: DEMO_CLINIC.timeZone, now });
    await setNow(now);

    let historyAppointments = 0;
    if (options.patients >= HISTORY_THRESHOLD) {
      const former: number[] = [];
      for (const [i, displayName] of FORMER_THERAPISTS.entries()) {
        const r = await app.dispatch({ channel: 'users.create', input: { username: `former${i + 1}`, displayName, role: 'therapist', password: `former-therapist-${i + 1}` }, sessionToken, transport: 'cli' });
        if (!r.ok) throw new Error(r.error.message);
        former.push((r.value as { id: number }).id);
      }
      historyAppointments = await createScheduleHistory(app.services.db, {
        therapistIds: [...therapists.map((t) => t.id), ...former],
        patientIds: Array.from({ length: options.patients }, (_, i) => i + 1),
        typeId: 2,
        timeZone: DEMO_CLINIC.timeZone,
        endDate: addDays(today, -28),
        perTherapistPerDay: 12,
        years: 10,
        now,
      });
      // They left the clinic: their history stays, they no longer sign in or appear on the grid.
      for (const id of former) await app.dispatch({ channel: 'users.update', input: { id, active: false }, sessionToken, transport: 'cli' });
    }
    for (const s of [sessionToken, deskSession]) await app.dispatch({ channel: 'auth.signOut', input: {}, sessionToken: s, transport: 'cli' });
    await sql`pragma optimize`.execute(app.services.db);
    await sql`pragma synchronous = FULL`.execute(app.services.db);
    return { users: DEMO_USERS, patients: options.patients, appointments, historyAppointments, runs, charting, reassessment, programs, ledger, seconds: (Date.now() - started) / 1000 };
  } finally {
    await app.close();
  }
}
