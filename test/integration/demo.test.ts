import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoClinic, DEMO_USERS, DemoRefusedError } from '../../electron/demo/demo-clinic';
import { demoPatients } from '../../electron/demo/demo-patients';
import { createScheduleHistory } from '../../electron/demo/demo-schedule';
import { createTestApp, PATIENT } from './harness';
import { traceHandler } from './statement-trace';
import { openApp } from '../../electron/app/open-app';
import { ageOn } from '../../shared/util/dates';
import { addDays } from '../../shared/clinical/calendar';
import { screenEntryOf } from '../../shared/clinical/redFlags';

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
      // Made at 9 AM, the demo has taken no payment and written no charge later than that.
      for (const table of ['payments', 'charges'] as const) {
        const latest = await app.services.db.selectFrom(table).select((eb) => eb.fn.max('createdAt').as('at')).executeTakeFirstOrThrow();
        expect(latest.at! <= NOW.toISOString(), `${table}: ${latest.at}`).toBe(true);
      }
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

      // The runners' baseline and four-week batteries and questionnaires, each linked to its visit's note:
      // most improve beyond the detectable / minimal important change, one does not and its plan is held.
      const { reassessments, questionnaires, notImproving } = result.reassessment;
      expect(reassessments).toBeGreaterThanOrEqual(8);
      expect(questionnaires).toBeGreaterThanOrEqual(2 * reassessments);
      expect(notImproving).not.toBeNull();
      const recorded = await app.services.db.selectFrom('reassessments').select(['patientId', 'noteId', 'assessedOn']).execute();
      expect(recorded).toHaveLength(reassessments);
      expect(recorded.every((r) => r.noteId !== null && r.assessedOn <= '2026-11-26')).toBe(true);
      const signIn = await app.dispatch({ channel: 'auth.signIn', input: { username: 'mreyes', password: 'demo-therapist-2026' }, transport: 'direct' });
      if (!signIn.ok) throw new Error(signIn.error.message);
      const session = (signIn.value as { sessionToken: string }).sessionToken;
      const read = async <T>(channel: string, input: unknown) => {
        const r = await app.dispatch({ channel, input, sessionToken: session, transport: 'direct' });
        if (!r.ok) throw new Error(r.error.message);
        return r.value as T;
      };
      type Trends = { trends: { code: string; side: string; points: { sinceBaseline: { classification: string } | null }[] }[]; gates: { gate: string; active: boolean }[] };
      type Outcomes = { summaries: { instrument: string; change: { direction: string; meetsMcid: boolean | null } | null }[] };
      const followedUp = [...new Set(recorded.map((r) => r.patientId))].filter((p) => recorded.filter((r) => r.patientId === p).length === 2);
      expect(followedUp.length).toBeGreaterThanOrEqual(4);
      for (const patientId of followedUp) {
        const { trends, gates } = await read<Trends>('reassessments.list', { patientId });
        const { summaries } = await read<Outcomes>('outcomes.list', { patientId });
        const hip = trends.find((t) => t.code === 'thomas_hip_angle' && t.side === 'left')!.points.at(-1)!.sinceBaseline!.classification;
        const odi = summaries.find((s) => s.instrument === 'odi')!.change!;
        const nprs = summaries.find((s) => s.instrument === 'nprs')!.change!;
        if (patientId === notImproving) {
          expect([hip, odi.direction, nprs.direction, odi.meetsMcid]).toEqual(['worse', 'within-error', 'within-error', false]);
          expect(gates.find((g) => g.gate === 'thomas')?.active).toBe(true);
        } else {
          expect([hip, odi.direction, nprs.direction, odi.meetsMcid, nprs.meetsMcid], `patient ${patientId}`).toEqual(['improved', 'improved', 'improved', true, true]);
          expect(gates.some((g) => g.active), `patient ${patientId}`).toBe(false);
          const endurance = trends.filter((t) => ['mcgill_flexor', 'biering_sorensen', 'side_bridge'].includes(t.code)).map((t) => t.points.at(-1)!.sinceBaseline!.classification);
          expect(new Set(endurance)).toEqual(new Set(['improved']));
        }
      }
      // The plan of the one not improving has not stepped up since, and its week waiting for review holds on the finding.
      type Weeks = { weeks: { id: number; engineDecision: string | null; decision: { reasons: { ruleId: string }[] } | null }[] };
      const stuckWeeks = (await read<{ plan: Weeks }>('plans.get', { patientId: notImproving })).plan.weeks;
      // As on the Plan tab, the week's check-in screen comes first.
      await read('redFlags.record', { patientId: notImproving, context: { kind: 'check-in', weekId: stuckWeeks.at(-1)!.id }, entry: screenEntryOf() });
      const reviewed = (await read<Weeks>('plans.review', { weekId: stuckWeeks.at(-1)!.id })).weeks.at(-1)!;
      expect(['hold', 'review', 'regress']).toContain(reviewed.engineDecision);
      expect(reviewed.decision!.reasons.map((r) => r.ruleId)).toContain('gate.thomas');

      // Every runner has a home program, saved after the plan started and before today; those reassessed
      // at four weeks have a second version; the one not improving is suggested the stretch its program lacks.
      type Program = { current: { version: number; items: { exerciseKey: string }[] } | null; versions: { version: number; savedAt: string }[] };
      expect(result.programs.programs).toBe(plans.length);
      for (const plan of plans) {
        const { current, versions } = await read<Program>('programs.get', { patientId: plan.patientId });
        expect(current!.items.length, `patient ${plan.patientId}`).toBeGreaterThanOrEqual(3);
        for (const v of versions) expect(v.savedAt >= plan.startDate && v.savedAt < NOW.toISOString(), `patient ${plan.patientId} v${v.version} ${v.savedAt}`).toBe(true);
        if (followedUp.includes(plan.patientId)) expect(versions.map((v) => v.version)).toEqual([2, 1]);
      }
      const { suggestions } = await read<{ suggestions: { exerciseKey: string; reason: string }[] }>('programs.suggestions', { patientId: notImproving });
      expect(suggestions.map((s) => s.exerciseKey)).toEqual(['hip-flexor-stretch']);
      expect((await read<Program>('programs.get', { patientId: notImproving })).current!.items.map((i) => i.exerciseKey)).not.toContain('hip-flexor-stretch');
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
    // The clinic holds exactly what the seeded generator makes (one demo, not three: each is seconds).
    const generated = (seed: number) =>
      [...demoPatients({ count: 40, seed, today: '2026-11-26' })].map((p) => ({
        mrn: p.mrn,
        legalFirstName: p.legalFirstName,
        legalLastName: p.legalLastName,
        dateOfBirth: p.dateOfBirth,
        sex: p.sex,
        phone: p.phone ?? null,
        email: p.email ?? null,
        insurerName: p.insurerName ?? null,
        medicareBeneficiary: p.medicareBeneficiary,
      }));
    const dir = tempDir();
    await createDemoClinic(dir, { patients: 40, seed: 42, force: false, now: NOW });
    expect(await patientsOf(dir)).toEqual(generated(42));
    expect(generated(42)).toEqual(generated(42));
    expect(generated(43)).not.toEqual(generated(42));
  });

  it('refuses a folder that already holds a clinic unless forced', async () => {
    // Demo clinics without patients (no schedule or running history to make): what matters is the folder.
    const dir = tempDir();
    await createDemoClinic(dir, { patients: 0, seed: 1, force: false, now: NOW });
    const app = await openApp(dir, { log: quietLog, now: () => NOW });
    try {
      const admin = await app.dispatch({ channel: 'auth.signIn', input: { username: 'admin', password: 'demo-admin-2026' }, transport: 'direct' });
      if (!admin.ok) throw new Error(admin.error.message);
      const made = await app.dispatch({ channel: 'patients.create', input: { ...PATIENT, legalFirstName: 'Keep' }, sessionToken: (admin.value as { sessionToken: string }).sessionToken, transport: 'direct' });
      expect(made.ok).toBe(true);
    } finally {
      await app.close();
    }
    await expect(createDemoClinic(dir, { patients: 9, seed: 1, force: false, now: NOW })).rejects.toBeInstanceOf(DemoRefusedError);
    expect((await patientsOf(dir)).map((p) => p.legalFirstName)).toEqual(['Keep']);
    await createDemoClinic(dir, { patients: 0, seed: 1, force: true, now: NOW });
    expect(await patientsOf(dir)).toEqual([]);
  });

  // `runback demo --patients 100000` adds a ten-year history for ten therapists (HISTORY_THRESHOLD).
  // Making 100,000 patients and 500,000 appointments took half a minute of every test run; how fast
  // the app is at that size is measured by `runback bench` (docs/performance.md). Here the history
  // is made at a small scale, and a week's read is shown not to grow with it: the same statements,
  // the same plans, the same rows, with one year of history and with two.
  it('writes the schedule history the 100,000-patient demo uses, and a week reads the same however long it is', async () => {
    const t = await createTestApp();
    try {
      const patientIds: number[] = [];
      for (let i = 0; i < 30; i++) patientIds.push((await t.ok('patients.create', { ...PATIENT, legalFirstName: `History${i}`, dateOfBirth: `19${60 + i}-02-03` }, t.sessions.front_desk)).id);
      const former = await t.ok('users.create', { username: 'former1', displayName: 'Alex Moreno, PT', role: 'therapist', password: 'former-therapist-1' }, t.sessions.admin);
      const therapistIds = [t.userIds.therapist, former.id];
      const history = (endDate: string) =>
        createScheduleHistory(t.services.db, { therapistIds, patientIds, typeId: 2, timeZone: 'America/Chicago', endDate, perTherapistPerDay: 12, years: 1, now: NOW });
      const made = await history('2026-10-29');
      const completed = await t.services.db.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'completed').executeTakeFirstOrThrow();
      // Monday to Saturday for a year, twelve a day per therapist; about one slot in three had a cancelled booking too.
      expect(Number(completed.n)).toBe(313 * 12 * 2);
      expect(made - Number(completed.n)).toBeGreaterThan(0.3 * Number(completed.n));
      const week = { from: '2026-10-19', to: '2026-10-25', therapistIds };
      const read = async () => {
        const got = await t.ok('appointments.range', week, t.sessions.front_desk);
        return { count: got.appointments.length, trace: await traceHandler(t, 'appointments.range', week, 'front_desk') };
      };
      const oneYear = await read();
      // Monday to Saturday, 12 visits a day for each of the two therapists, and a cancelled booking in one slot of three.
      expect(oneYear.count).toBe(6 * (12 * 2 + 8));
      const read1 = oneYear.trace.find((s) => /from "appointments"/.test(s.sql))!;
      expect(read1.plan).toMatch(/SEARCH a USING INDEX appointments_(start|therapist)/);
      expect(read1.rows).toBe(oneYear.count);
      await history('2025-10-29'); // the year before: twice the history
      const twoYears = await read();
      expect(twoYears).toEqual(oneYear);
    } finally {
      await t.dispose();
    }
  });
});
