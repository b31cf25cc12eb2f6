import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openApp, type OpenApp } from '../app/open-app';
import { patientNotesQuery } from '../api/handlers/notes';

/**
 * Timing of opening a chart with ten years of history (300 visit notes): the chart's Notes tab
 * (notes.list), its episodes (episodes.list) and the newest note (notes.get), each through the
 * dispatcher, next to the raw notes query. For `runback bench` (issue #9); tests check plans and
 * query counts, never times.
 */
export interface ChartingBenchRow {
  operation: string;
  p50Ms: number;
  p95Ms: number;
  /** The same read as one raw query, where there is one. */
  rawP50Ms: number | null;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function time(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < Math.min(20, runs); i++) await work(); // warm the statement cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function must<T>(app: OpenApp, channel: string, input: unknown, sessionToken: string | null): Promise<T> {
  const r = await app.dispatch({ channel, input, sessionToken, transport: 'direct' });
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/** Builds a throwaway clinic with one patient of 300 signed notes and times opening that chart. */
export async function benchChartOpen(options: { runs?: number } = {}): Promise<ChartingBenchRow[]> {
  const runs = options.runs ?? 200;
  const dir = mkdtempSync(join(tmpdir(), 'runback-bench-charting-'));
  const app = await openApp(dir, { log: { info: () => {}, error: () => {} } });
  try {
    const clinic = { name: 'Bench Clinic', addressLine1: '1 Main St', city: 'Chicago', region: 'IL', postalCode: '60601', phone: '(312) 555-0100', timeZone: 'America/Chicago', distanceUnit: 'mi', idleLockMinutes: 240 };
    const { sessionToken: admin } = await must<{ sessionToken: string }>(app, 'setup.createClinic', { clinic, admin: { username: 'admin', displayName: 'Admin', password: 'bench-admin-password' } }, null);
    const patient = await must<{ id: number }>(app, 'patients.create', { legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', dateOfBirth: '1980-04-02', sex: 'male', medicareBeneficiary: false }, admin);
    const note = await must<{ id: number; episodeId: number; revision: number }>(app, 'notes.start', { patientId: patient.id, type: 'initial_evaluation' }, admin);
    await must(app, 'episodes.save', { id: note.episodeId, patientId: patient.id, episode: { referral: { type: 'self' }, diagnoses: ['M54.50'], goals: [{ term: 'long', description: 'Run 5 km' }], planOfCare: { visitsPerWeek: 2, weeks: 8 } } }, admin);
    const content = {
      subjective: { painNow: 3, patientWords: 'Ran twice this week' },
      objective: { rows: [{ id: 'a', kind: 'joint', region: 'lumbar', segment: 'L4–L5', technique: 'central_pa', grade: 'III', minutes: 10 }, { id: 'b', kind: 'exercise', category: 'neuromuscular', name: 'Bird dog', minutes: 12 }] },
      assessment: { text: 'Progressing' },
      plan: { frequency: '2× a week' },
    };
    await must(app, 'notes.saveDraft', { id: note.id, revision: note.revision, content }, admin);
    // 299 earlier visits over ten years: copies of the signed row with their own dates (bulk, not 900 API calls).
    const row = await app.services.db.selectFrom('notes').selectAll().where('id', '=', note.id).executeTakeFirstOrThrow();
    const { id: _id, ...rest } = row;
    const older = Array.from({ length: 299 }, (_, i) => ({ ...rest, status: 'signed' as const, dateOfService: new Date(Date.UTC(2016, 0, 4) + i * 12 * 86_400_000).toISOString().slice(0, 10), signedAt: rest.updatedAt, signedBy: rest.authorId, signedByName: 'Admin', contentHash: '0'.repeat(64), episodeJson: '{}', billedJson: rest.billedJson }));
    for (let i = 0; i < older.length; i += 100) await app.services.db.insertInto('notes').values(older.slice(i, i + 100)).execute();

    const call = (channel: string, input: unknown) => app.dispatch({ channel, input, sessionToken: admin, transport: 'direct' });
    const list = await time(runs, () => call('notes.list', { patientId: patient.id }));
    const raw = await time(runs, () => patientNotesQuery(app.services.db, patient.id).execute());
    const episodes = await time(runs, () => call('episodes.list', { patientId: patient.id }));
    const get = await time(runs, () => call('notes.get', { id: note.id }));
    const open = await time(runs, async () => {
      await call('notes.list', { patientId: patient.id });
      await call('episodes.list', { patientId: patient.id });
    });
    return [
      { operation: 'notes.list, 300 notes (the Notes tab)', p50Ms: list.p50, p95Ms: list.p95, rawP50Ms: raw.p50 },
      { operation: 'episodes.list (episode, goals, what is due)', p50Ms: episodes.p50, p95Ms: episodes.p95, rawP50Ms: null },
      { operation: 'notes.get, the newest note', p50Ms: get.p50, p95Ms: get.p95, rawP50Ms: null },
      { operation: 'open the chart: notes + episodes', p50Ms: open.p50, p95Ms: open.p95, rawP50Ms: null },
    ];
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
