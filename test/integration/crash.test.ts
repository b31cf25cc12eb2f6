import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PATIENT } from './harness';
import { WEEKDAY_HOURS } from './channel-samples';

const KILLS = Number(process.env.CRASH_KILLS ?? 64);
const WRITER_DIR = resolve('node_modules/.cache/runback-crash-test');

/**
 * The writer bundled once for this test (as the CLI is for the app), so each of the processes
 * starts quickly. It lives under node_modules so better-sqlite3 resolves.
 */
async function bundleWriter(): Promise<string> {
  // Everything in one file but the native database module: one file reads faster than hundreds.
  const external = ['better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
  mkdirSync(WRITER_DIR, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true },
    resolve: { alias: { '@react-pdf/renderer': resolve('test/integration/crash/no-pdf.ts') } },
    build: {
      outDir: WRITER_DIR,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      ssr: true,
      lib: { entry: { writer: 'test/integration/crash/writer.ts' }, formats: ['cjs'], fileName: (_f, name) => `${name}.cjs` },
      rolldownOptions: { external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)) },
    },
  });
  return join(WRITER_DIR, 'writer.cjs');
}

/** A seeded random number generator, so a failing run can be repeated. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs the writer until it has said "ready" and acknowledged `afterLines` more writes, waits `delayMs`
 * more, kills it with SIGKILL; gives the writes it acknowledged. Counting acknowledgements, not
 * milliseconds, puts each kill inside a chosen kind of write however fast or slow the machine is: the
 * line after "ready" and `afterLines` lines is a booking, a run, a note or a payment in turn.
 */
function runAndKill(writer: string, args: string[], afterLines: number, delayMs: number): Promise<{ acked: string[]; stderr: string; readyAt: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready = false;
    let armed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const lines = out.split('\n').slice(0, -1);
      const readyLine = lines.indexOf('ready');
      ready = readyLine >= 0;
      if (!armed && ready && lines.length - readyLine - 1 >= afterLines) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', fail);
    child.on('close', () => {
      // Only whole lines count: a write half-printed when the kill came was never acknowledged.
      const lines = out.split('\n').slice(0, -1);
      done({ acked: lines.filter((l) => l !== 'ready'), stderr: err, readyAt: ready });
    });
  });
}

describe('crash safety', () => {
  let dataDir: string;
  let writer: string;
  /** Two writers at once, each booking for its own therapist and patient (as the desktop app and a CLI import might). */
  let writers: string[][];
  beforeAll(async () => {
    writer = await bundleWriter();
    const t = await createTestApp();
    const second = await t.ok('users.create', { username: 'second', displayName: 'Sam Second', role: 'therapist', password: 'second-password' }, t.sessions.admin);
    const typeId = (await t.ok('schedule.settings', {}, t.sessions.admin)).appointmentTypes[0]!.id;
    writers = [];
    for (const [therapistId, first, last] of [
      [t.userIds.therapist, 'Trọng Tấn', 'Đặng'],
      [second.id, 'Zoë', 'Núñez'],
    ] as const) {
      await t.ok('workingHours.set', { therapistId, intervals: WEEKDAY_HOURS }, t.sessions.admin);
      const patient = await t.ok('patients.create', { ...PATIENT, legalFirstName: first, legalLastName: last }, t.sessions.admin);
      const note = await t.ok('notes.start', { patientId: patient.id, type: 'initial_evaluation' }, t.sessions.admin);
      writers.push([t.dataDir, String(patient.id), String(therapistId), String(typeId), String(note.id), String(t.userIds.admin)]);
    }
    await t.close(); // the folder stays: every writer reuses it
    dataDir = t.dataDir;
  }, 120_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(WRITER_DIR, { recursive: true, force: true });
  });

  // Each kill is aimed at one kind of write (a booking, a run, a note, a payment, in two successive
  // rounds of the writer's loop), at a random few milliseconds into it, so every kind is hit under lock
  // contention at every kill count; 200 kills at random moments covered the same phases many times over.
  it(`SIGKILL ${KILLS} times inside bookings, run saves, note saves and payments: every database sound, every acknowledged write kept`, async () => {
    const next = random(16);
    const acknowledged = { a: new Set<number>(), r: new Set<number>(), p: new Set<number>() };
    /** Each note's highest acknowledged draft revision: the database must hold it or a later one. */
    const noteRevisions = new Map<number, number>();
    let corrupt = 0;
    let lost = 0;
    let unacknowledged = 0;
    let kills = 0;
    /** The write each kill caught in progress: the one after the last acknowledged line. */
    const caught: Record<string, number> = { a: 0, r: 0, n: 0, p: 0 };
    for (let round = 0; kills < KILLS; round++) {
      // The two writers aim at different kinds of write in each round; over eight rounds each aims at all eight.
      const runs = await Promise.all(writers.map((args, w) => runAndKill(writer, args, (round + 3 * w) % 8, Math.floor(next() * 12))));
      kills += runs.length;
      for (const { acked, stderr, readyAt } of runs) {
        expect(readyAt, stderr).toBe(true);
        caught[{ a: 'r', r: 'n', n: 'p', p: 'a' }[acked.at(-1)![0] as 'a' | 'r' | 'n' | 'p']]!++;
        expect(stderr).toBe('');
        for (const line of acked) {
          const [kind, id, revision] = line.split(' ');
          expect(line).toMatch(/^([arp] \d+|n \d+ \d+)$/);
          if (kind === 'n') noteRevisions.set(Number(id), Math.max(noteRevisions.get(Number(id)) ?? 0, Number(revision)));
          else acknowledged[kind as 'a' | 'r' | 'p'].add(Number(id));
        }
      }
      const db = new Database(join(dataDir, 'runback.sqlite'));
      try {
        if (db.pragma('integrity_check', { simple: true }) !== 'ok' || (db.pragma('foreign_key_check') as unknown[]).length) corrupt++;
        const appointments = new Set((db.prepare('select id from appointments').all() as { id: number }[]).map((r) => r.id));
        const runs = new Set((db.prepare('select id from runs').all() as { id: number }[]).map((r) => r.id));
        const payments = new Set((db.prepare('select id from payments').all() as { id: number }[]).map((r) => r.id));
        for (const id of acknowledged.a) if (!appointments.has(id)) lost++;
        for (const id of acknowledged.r) if (!runs.has(id)) lost++;
        for (const id of acknowledged.p) if (!payments.has(id)) lost++;
        for (const [id, revision] of noteRevisions) if ((db.prepare('select revision from notes where id = ?').get(id) as { revision: number }).revision < revision) lost++;
        // Writes the kill caught after their commit but before their line: whole in the database, never half there.
        unacknowledged = appointments.size - acknowledged.a.size + runs.size - acknowledged.r.size + payments.size - acknowledged.p.size;
        const audited = (db.prepare(`select count(*) as n from audit_log where action in ('appointments.book', 'runs.save', 'ledger.takePayment')`).get() as { n: number }).n;
        if (audited !== appointments.size + runs.size + payments.size) corrupt++;
        // A payment is applied whole or not at all: never more applied than paid.
        const overApplied = db.prepare('select count(*) as n from payments p where (select coalesce(sum(amount_cents), 0) from payment_applications a where a.payment_id = p.id) > p.amount_cents').get() as { n: number };
        if (overApplied.n > 0) corrupt++;
      } finally {
        db.close();
      }
    }
    const writes = acknowledged.a.size + acknowledged.r.size + acknowledged.p.size;
    process.stdout.write(`${kills} kills, ${corrupt} corrupt, ${lost} acknowledged writes lost (${writes} acknowledged bookings, runs and payments and note drafts saved to revision ${[...noteRevisions.values()].join(' and ')}; ${unacknowledged} more were committed when a kill came before their acknowledgement; kills during a booking, run, note, payment: ${Object.values(caught).join(', ')})\n`);
    expect(corrupt).toBe(0);
    expect(lost).toBe(0);
    expect(writes).toBeGreaterThan(KILLS);
  }, 600_000);
});
