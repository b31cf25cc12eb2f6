import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { addDays, startOfWeek } from '../../shared/schedule/clinic-time';
import { todayIn } from '../../shared/util/dates';
import type { ResolvedSession } from '../api/context';
import { startSession } from '../api/sessions';
import { DATABASE_FILE } from '../app/data-dir';
import { openApp, type OpenApp } from '../app/open-app';
import type { Role } from '../../shared/domain/roles';
import { describeMachine, type Machine } from './machine';
import { measure, type Timing } from './measure';
import { oneHourRunWalkFit } from './one-hour-fit';
import { stravaExport } from './strava-export';
import { handoutCases } from './handout-program';
import { OPERATIONS, type Goal, type World } from './operations';

export class BenchRefusedError extends Error {}

export interface BenchOptions {
  dataDir: string;
  /** Runs of every operation (default: each operation's own, a few seconds' worth). */
  runs?: number;
  /** A real watch file of about an hour to import instead of the bench's own. */
  fitFile?: string;
  /** Runs in the Strava export (default 1,000; fewer for a quick check). */
  stravaActivities?: number;
  /** Only the operations whose name contains this (case-insensitive). */
  only?: string;
  /** Progress, one line per operation. */
  progress?: (line: string) => void;
}

export interface OperationResult extends Timing {
  name: string;
  /** What was measured, in words (e.g. a handout's exercises and pages), where the line says it. */
  detail: string | null;
  raw: Timing | null;
  rawNote: string | null;
  /** p50 through the dispatcher ÷ p50 of the raw statements. */
  ratio: number | null;
  goal: string | null;
  met: boolean | null;
}

export interface BenchResult {
  machine: Machine;
  startedAt: string;
  responseChecks: string;
  data: { patients: number; appointments: number; runs: number; notes: number; chartPatientId: number; chartNotes: number; databaseMb: number; fitFile: string; stravaActivities: number };
  operations: OperationResult[];
}

function meets(goal: Goal, t: Timing, ratio: number | null): boolean {
  return (goal.p50 === undefined || t.p50 <= goal.p50) && (goal.p95 === undefined || t.p95 <= goal.p95) && (goal.ratio === undefined || (ratio !== null && ratio <= goal.ratio));
}

/** A session for the first active user of a role, as the handlers see it. */
async function sessionOf(app: OpenApp, role: Role, now: Date): Promise<ResolvedSession> {
  const user = await app.services.db.selectFrom('users').select(['id', 'username', 'displayName', 'role']).where('role', '=', role).where('active', '=', 1).orderBy('id').executeTakeFirst();
  if (!user) throw new BenchRefusedError(`The clinic has no active ${role.replace('_', ' ')} to bench with: use a demo clinic (runback demo --patients 100000).`);
  const token = await startSession(app.services.db, user.id, now);
  return { id: 0, user, locked: false, idleLocked: false, lastActiveAt: now.toISOString(), token };
}

async function buildWorld(app: OpenApp, file: string, options: BenchOptions, importRuns: number): Promise<World> {
  const now = new Date();
  const db = app.services.db;
  const clinic = await db.selectFrom('clinic').select('timeZone').executeTakeFirstOrThrow();
  const today = todayIn(clinic.timeZone, now);
  // A week the 10-year history of `runback demo --patients 100000` fills (it ends four weeks ago).
  const from = startOfWeek(addDays(today, -35));
  const therapists = await db.selectFrom('users').select('id').where('role', '=', 'therapist').orderBy('id').limit(50).execute();
  // The longest chart: the patient with the most visit notes (else the most runs).
  const longest =
    (await db.selectFrom('notes').select('patientId').groupBy('patientId').orderBy((eb) => eb.fn.countAll(), 'desc').limit(1).executeTakeFirst()) ??
    (await db.selectFrom('runs').select('patientId').groupBy('patientId').orderBy((eb) => eb.fn.countAll(), 'desc').limit(1).executeTakeFirst());
  const signedNote = longest
    ? await db.selectFrom('notes').select('id').where('patientId', '=', longest.patientId).where('status', '=', 'signed').orderBy('dateOfService', 'desc').limit(1).executeTakeFirst()
    : undefined;
  const withoutRuns = await db
    .selectFrom('patients')
    .select('id')
    .where('archivedAt', 'is', null)
    .where('id', 'not in', db.selectFrom('runs').select('patientId'))
    .orderBy('id', 'desc')
    .limit(importRuns)
    .execute();
  if (withoutRuns.length < importRuns) throw new BenchRefusedError(`The clinic needs ${importRuns} patients without runs to import into; it has ${withoutRuns.length}.`);
  let strava: Uint8Array | undefined;
  const fit = options.fitFile
    ? { name: basename(options.fitFile), bytes: new Uint8Array(readFileSync(options.fitFile)) }
    : { name: 'one-hour-run-walk.fit', bytes: oneHourRunWalkFit(new Date(now.getTime() - 86_400_000)) };
  return {
    app,
    file,
    now,
    desk: await sessionOf(app, 'front_desk', now),
    therapist: await sessionOf(app, 'therapist', now),
    today,
    week: { from, to: addDays(from, 6), therapistIds: therapists.map((t) => t.id) },
    chartPatientId: longest?.patientId ?? 1,
    signedNoteId: signedNote?.id ?? null,
    handouts: await handoutCases(db, now),
    nextImportPatient: () => {
      const id = withoutRuns.pop()?.id;
      if (id === undefined) throw new BenchRefusedError('The clinic has run out of patients without runs to import into.');
      return id;
    },
    fit,
    strava: {
      activities: options.stravaActivities ?? 1000,
      // Made when first imported (a few seconds of zipping), not for a bench of other operations.
      get bytes() {
        strava ??= stravaExport({ firstDay: addDays(today, -1100), from: 0, count: options.stravaActivities ?? 1000 });
        return strava;
      },
    },
  };
}

/**
 * Measures every operation of issue #9 on a copy of a data folder (the folder itself is never
 * changed): each through the dispatcher as the app calls it, and where there is SQL, the same
 * statements on raw SQLite.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const source = join(options.dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new BenchRefusedError(`${options.dataDir} holds no Runback database. Make a demo clinic first: runback demo --data-dir DIR --patients 100000`);
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const copyDir = mkdtempSync(join(tmpdir(), 'runback-bench-'));
  try {
    const file = join(copyDir, DATABASE_FILE);
    const original = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await original.backup(file);
    } finally {
      original.close();
    }
    const app = await openApp(copyDir);
    try {
      if (!(await app.services.db.selectFrom('clinic').select('id').executeTakeFirst())) throw new BenchRefusedError(`${options.dataDir} holds no clinic yet.`);
      const chosen = OPERATIONS.filter((o) => !options.only || o.name.toLowerCase().includes(options.only.toLowerCase()));
      if (chosen.length === 0) throw new BenchRefusedError(`No operation's name contains "${options.only}".`);
      // Every import goes into a patient of its own (the same file twice would be a duplicate).
      const importRuns = chosen.filter((o) => o.name.startsWith('import')).reduce((n, o) => n + (options.runs ?? o.runs) + (o.warmup ?? 5), 0);
      const world = await buildWorld(app, file, options, importRuns);
      const count = async (table: 'patients' | 'appointments' | 'runs' | 'notes') => Number((await app.services.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const data = {
        patients: await count('patients'),
        appointments: await count('appointments'),
        runs: await count('runs'),
        notes: await count('notes'),
        chartPatientId: world.chartPatientId,
        chartNotes: Number((await app.services.db.selectFrom('notes').select((eb) => eb.fn.countAll<number>().as('n')).where('patientId', '=', world.chartPatientId).executeTakeFirstOrThrow()).n),
        databaseMb: Math.round(statSync(file).size / 2 ** 20),
        fitFile: options.fitFile ? basename(options.fitFile) : 'generated: 1 h run-walk, 3,601 records',
        stravaActivities: world.strava.activities,
      };
      const operations: OperationResult[] = [];
      for (const op of chosen) {
        const runs = options.runs ?? op.runs;
        const timing = await measure((i) => op.run(world, i), runs, op.warmup);
        let raw: Timing | null = null;
        if (op.raw) {
          const replay = await op.raw(world);
          try {
            raw = await measure((i) => replay.run(i), runs, op.warmup);
          } finally {
            replay.close();
          }
        }
        const ratio = raw && raw.p50 > 0 ? timing.p50 / raw.p50 : null;
        operations.push({ name: op.name, detail: op.describe?.(world) ?? null, ...timing, raw, rawNote: op.rawNote ?? null, ratio, goal: op.goal?.text ?? null, met: op.goal ? meets(op.goal, timing, ratio) : null });
        options.progress?.(`${op.name}${op.describe ? ` (${op.describe(world)})` : ''}: p50 ${timing.p50.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms`);
      }
      return { machine, startedAt, responseChecks: app.services.responseChecks, data, operations };
    } finally {
      await app.close();
    }
  } finally {
    rmSync(copyDir, { recursive: true, force: true });
  }
}
