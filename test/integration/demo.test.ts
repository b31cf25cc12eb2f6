import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoClinic, DEMO_USERS, DemoRefusedError } from '../../electron/demo/demo-clinic';
import { openApp } from '../../electron/app/open-app';
import { ageOn } from '../../shared/util/dates';
import { addDays } from '../../shared/clinical/calendar';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'runback-demo-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const NOW = new Date('2026-11-26T15:00:00Z');
const quietLog = { info: () => {}, error: () => {} };

async function patientsOf(dir: string) {
  const app = await openApp(dir, { log: quietLog });
  try {
    return await app.services.db
      .selectFrom('patients')
      .select(['mrn', 'legalFirstName', 'legalLastName', 'dateOfBirth', 'sex', 'phone', 'email', 'insurerName', 'medicareBeneficiary'])
      .orderBy('id')
      .execute();
  } finally {
    await app.close();
  }
}

// A demo clinic of a few hundred patients takes seconds alone and minutes on a loaded machine: the
// timeout is a guard against a hang, not a speed check (timings are in `runback bench`).
describe('runback demo', { timeout: 300_000 }, () => {
  it('creates staff who can sign in with the printed passwords, and plausible patients', async () => {
    const dir = tempDir();
    const result = await createDemoClinic(dir, { patients: 300, seed: 3, force: false, now: NOW });
    expect(result.users.map((u) => u.role)).toEqual(['admin', 'therapist', 'therapist', 'therapist', 'front_desk']);
    const app = await openApp(dir, { log: quietLog });
    try {
      for (const u of DEMO_USERS) {
        const r = await app.dispatch({ channel: 'auth.signIn', input: { username: u.username, password: u.password }, transport: 'direct' });
        expect(r.ok, u.username).toBe(true);
      }
      // The schedule's past really happened: visits completed, some no-shows and (late) cancellations,
      // today's early patients checked in, and a waitlist (the clock moves while these are made).
      const statuses = await app.services.db.selectFrom('appointments').select(['status', 'lateCancel']).execute();
      const count = (f: (r: { status: string; lateCancel: number }) => boolean) => statuses.filter(f).length;
      expect(count((r) => r.status === 'completed')).toBeGreaterThan(50);
      expect(count((r) => r.status === 'no_show')).toBeGreaterThan(0);
      expect(count((r) => r.status === 'cancelled')).toBeGreaterThan(5);
      expect(count((r) => r.lateCancel === 1)).toBeGreaterThan(0);
      expect(count((r) => r.status === 'arrived')).toBeGreaterThan(0);
      const waitlist = await app.services.db.selectFrom('waitlist').select('id').where('resolvedAt', 'is', null).execute();
      expect(waitlist).toHaveLength(6);
      // Several patients run a plan with weeks the planner reviewed (and one override with its reason).
      const plans = await app.services.db.selectFrom('runPlans').selectAll().execute();
      expect(plans.length).toBe(6);
      const weeks = await app.services.db.selectFrom('planWeeks').selectAll().execute();
      expect(weeks.filter((w) => w.engineDecision !== null).length).toBeGreaterThan(15);
      expect(weeks.some((w) => w.overrideReason)).toBe(true);
      // Every plan's last finished week waits for a newcomer to try the weekly review.
      for (const plan of plans) {
        const last = weeks.filter((w) => w.planId === plan.id).sort((a, b) => a.weekStart.localeCompare(b.weekStart)).at(-1)!;
        const stopped = weeks.some((w) => w.planId === plan.id && (w.overrideDecision ?? w.engineDecision) === 'stop-and-review' && w.acceptedAt);
        if (stopped) continue;
        expect(last.engineDecision, `plan ${plan.id}`).toBeNull();
        expect(addDays(last.weekStart, 6) < '2026-11-26' && addDays(last.weekStart, 13) >= '2026-11-26', `plan ${plan.id} week ${last.weekStart}`).toBe(true);
      }
      const runs = await app.services.db.selectFrom('runs').select(['patientId']).execute();
      expect(new Set(runs.map((r) => r.patientId)).size).toBe(6);
      // The visits that happened are charted by their therapists: evaluations opening episodes, daily
      // notes copied forward, progress notes, signed notes and a few drafts, one addendum, one discharge.
      const notes = await app.services.db.selectFrom('notes').select(['status', 'noteType', 'authorId', 'contentHash', 'appointmentId']).execute();
      const charted = await app.services.db.selectFrom('appointments').select('id').where('status', 'in', ['arrived', 'completed']).execute();
      expect(notes.filter((x) => x.appointmentId !== null)).toHaveLength(charted.length);
      expect(notes.filter((x) => x.status === 'signed').length).toBeGreaterThan(100);
      expect(notes.filter((x) => x.status === 'draft').length).toBeGreaterThan(3);
      for (const type of ['initial_evaluation', 'daily', 'progress', 'discharge']) expect(notes.some((x) => x.noteType === type && x.status === 'signed'), type).toBe(true);
      expect(new Set(notes.map((x) => x.authorId)).size).toBe(3);
      expect(await app.services.db.selectFrom('noteAddenda').select('id').execute()).toHaveLength(1);
      const episodes = await app.services.db.selectFrom('episodes').select(['dischargedOn', 'diagnosesJson']).execute();
      expect(episodes.filter((e) => e.dischargedOn !== null)).toHaveLength(1);
      expect(episodes.every((e) => JSON.parse(e.diagnosesJson).length > 0)).toBe(true);
    } finally {
      await app.close();
    }
    const patients = await patientsOf(dir);
    expect(patients).toHaveLength(300);
    const ages = patients.map((p) => ageOn(p.dateOfBirth, '2026-11-26'));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(83);
    expect(new Set(patients.map((p) => p.mrn)).size).toBe(300);
    expect(patients.some((p) => /[^\x20-\x7e]/.test(p.legalFirstName + p.legalLastName))).toBe(true); // accents to search for
    for (const p of patients.filter((x) => x.medicareBeneficiary === 1)) expect(ageOn(p.dateOfBirth, '2026-11-26')).toBeGreaterThanOrEqual(65);
    expect(patients.every((p) => p.phone && /^\(\d{3}\) \d{3}-\d{4}$/.test(p.phone))).toBe(true);
  });

  it('is deterministic for a seed, and differs between seeds', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await createDemoClinic(a, { patients: 200, seed: 42, force: false, now: NOW });
    await createDemoClinic(b, { patients: 200, seed: 42, force: false, now: NOW });
    await createDemoClinic(c, { patients: 200, seed: 43, force: false, now: NOW });
    expect(await patientsOf(a)).toEqual(await patientsOf(b));
    expect(await patientsOf(a)).not.toEqual(await patientsOf(c));
  });

  it('refuses a folder that already holds a clinic unless forced', async () => {
    const dir = tempDir();
    await createDemoClinic(dir, { patients: 5, seed: 1, force: false, now: NOW });
    await expect(createDemoClinic(dir, { patients: 9, seed: 1, force: false, now: NOW })).rejects.toBeInstanceOf(DemoRefusedError);
    expect(await patientsOf(dir)).toHaveLength(5);
    await createDemoClinic(dir, { patients: 9, seed: 1, force: true, now: NOW });
    expect(await patientsOf(dir)).toHaveLength(9);
  });

  // Timings live in `runback bench`; here only what the data holds and that it is searchable at once.
  it('makes 100,000 patients with a ten-year schedule, searchable at once', async () => {
    const dir = tempDir();
    await createDemoClinic(dir, { patients: 100_000, seed: 9, force: false, now: NOW });
    const app = await openApp(dir, { log: quietLog });
    try {
      const s = await app.dispatch({ channel: 'auth.signIn', input: { username: 'frontdesk', password: 'demo-frontdesk-2026' }, transport: 'direct' });
      if (!s.ok) throw new Error(s.error.message);
      const token = (s.value as { sessionToken: string }).sessionToken;
      const r = await app.dispatch({ channel: 'patients.list', input: { query: 'mar', limit: 100 }, sessionToken: token, transport: 'direct' });
      expect(r.ok).toBe(true);
      expect((r as { value: { total: number } }).value.total).toBeGreaterThan(100);
      // A week for 10 therapists among ~500,000 appointments (its index plan is asserted in schedule.test.ts).
      const total = await app.services.db.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(total.n)).toBeGreaterThan(450_000);
      const therapists = await app.services.db.selectFrom('users').select('id').where('role', '=', 'therapist').execute();
      expect(therapists).toHaveLength(10);
      const weekInput = { from: '2025-11-24', to: '2025-11-30', therapistIds: therapists.map((x) => x.id) };
      const asDesk = () => app.dispatch({ channel: 'appointments.range', input: weekInput, sessionToken: token, transport: 'direct' });
      const week = await asDesk();
      expect(week.ok).toBe(true);
      expect((week as { value: { appointments: unknown[] } }).value.appointments.length).toBeGreaterThan(600);
      const deep = await app.dispatch({ channel: 'patients.list', input: { sort: 'name', offset: 99_800, limit: 200 }, sessionToken: token, transport: 'direct' });
      expect((deep as { value: { rows: unknown[]; total: number } }).value).toMatchObject({ total: 100_000 });
      expect((deep as { value: { rows: unknown[] } }).value.rows).toHaveLength(200);
    } finally {
      await app.close();
    }
  });
});
