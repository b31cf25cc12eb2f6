import type { ChannelName, RequestInput } from '../../shared/api/contract';
import type { ResolvedSession } from '../api/context';
import type { OpenApp } from '../app/open-app';
import { parseActivityFile } from '../activities';
import { segmentRunWalk } from '../../shared/running/run-walk-segmentation';
import { rawReplay, recordHandlerStatements, type RecordedStatement } from './raw-statements';

/** The demo clinic the bench runs against (a copy of it), and who calls. */
export interface World {
  app: OpenApp;
  file: string;
  now: Date;
  desk: ResolvedSession;
  therapist: ResolvedSession;
  today: string;
  week: { from: string; to: string; therapistIds: number[] };
  chartPatientId: number;
  /** Patients without runs, one per import run (a second import of the same file is a duplicate). */
  importPatientIds: number[];
  fit: { name: string; bytes: Uint8Array };
}

export interface Goal {
  p50?: number;
  p95?: number;
  /** At most this many times the raw SQLite time (p50). */
  ratio?: number;
  text: string;
}

export interface Operation {
  name: string;
  runs: number;
  goal?: Goal;
  /** One run through the dispatcher: the call or calls the app makes for it. */
  run(world: World, i: number): Promise<void>;
  /** The same run's SQL on raw SQLite, where there is SQL to compare with. */
  raw?(world: World): Promise<{ run(i: number): void; close(): void }>;
  rawNote?: string;
}

export async function call<K extends ChannelName>(world: World, channel: K, input: RequestInput<K>, session: ResolvedSession): Promise<unknown> {
  const result = await world.app.dispatch({ channel, input, sessionToken: session.token, transport: 'direct' });
  if (!result.ok) throw new Error(`${channel} failed during the bench: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Records each input's statements once; run i replays input i (cycling). */
function replayEach<K extends ChannelName>(channel: K, inputs: (w: World) => RequestInput<K>[], who: (w: World) => ResolvedSession) {
  return async (world: World) => {
    const recorded: RecordedStatement[][] = [];
    for (const input of inputs(world)) recorded.push(await recordHandlerStatements(world.file, channel, input, who(world), world.now));
    const replays = recorded.map((statements) => rawReplay(world.file, statements));
    return {
      run: (i: number) => replays[Math.abs(i) % replays.length]!.run(),
      close: () => replays.forEach((r) => r.close()),
    };
  };
}

/** What the front desk types, keystroke by keystroke: names, a phone, an MRN, a date of birth. */
export const KEYSTROKE_MIX = [
  ...['g', 'ga', 'gar', 'garc', 'garci', 'garcia'],
  ...['m', 'ma', 'mar', 'mart', 'marti', 'martin'],
  ...['sm', 'smi', 'smit', 'smith'],
  ...['ng', 'ngu', 'nguy'],
  ...['jo', 'jos', 'jose'],
  ...['312', '312-5', '312-55'],
  ...['rb0004', 'rb00042'],
  ...['3/7/1985', 'mar 3/7/1985'],
];
export const ONE_LETTER = ['a', 'J', 'D'];

const search = (queries: string[]) => (_w: World) => queries.map((query) => ({ query, limit: 100 })) as RequestInput<'patients.list'>[];
const chartCalls = (w: World) =>
  [
    ['patients.get', { id: w.chartPatientId }],
    ['appointments.patientSummary', { patientId: w.chartPatientId }],
    ['runs.list', { patientId: w.chartPatientId }],
    ['plans.get', { patientId: w.chartPatientId }],
  ] as const;

/**
 * Printed documents, one line each: a new PDF (note, handout, superbill, receipt, progress report)
 * is benched by adding its channel and an input built from the world.
 */
export const DOCUMENTS: { name: string; channel: ChannelName; input: (w: World) => unknown }[] = [
  { name: 'day sheet PDF (every therapist, today)', channel: 'schedule.daySheet', input: (w) => ({ date: w.today }) },
];

export const OPERATIONS: Operation[] = [
  {
    name: `patient search, keystroke mix (${KEYSTROKE_MIX.length} queries)`,
    runs: 10 * KEYSTROKE_MIX.length,
    goal: { p95: 5, text: 'p95 ≤ 5 ms' },
    run: async (w, i) => void (await call(w, 'patients.list', search(KEYSTROKE_MIX)(w)[Math.abs(i) % KEYSTROKE_MIX.length]!, w.desk)),
    raw: replayEach('patients.list', search(KEYSTROKE_MIX), (w) => w.desk),
  },
  {
    name: 'patient search, one letter (a, J, D)',
    runs: 60 * ONE_LETTER.length,
    goal: { p95: 5, text: 'p95 ≤ 5 ms' },
    run: async (w, i) => void (await call(w, 'patients.list', search(ONE_LETTER)(w)[Math.abs(i) % ONE_LETTER.length]!, w.desk)),
    raw: replayEach('patients.list', search(ONE_LETTER), (w) => w.desk),
  },
  {
    name: 'an empty call (auth.me)',
    runs: 500,
    goal: { p50: 0.5, p95: 2, text: 'p50 ≤ 0.5 ms, p95 ≤ 2 ms' },
    run: async (w) => void (await call(w, 'auth.me', {}, w.desk)),
    raw: replayEach('auth.me', () => [{}], (w) => w.desk),
    rawNote: 'its handler reads the clinic row',
  },
  {
    name: 'a week of every therapist (appointments.range)',
    runs: 40,
    goal: { ratio: 2, text: '≤ 2× raw' },
    run: async (w) => void (await call(w, 'appointments.range', w.week, w.desk)),
    raw: replayEach('appointments.range', (w) => [w.week], (w) => w.desk),
  },
  {
    name: 'opening a chart (record, visits, runs, plan)',
    runs: 100,
    goal: { p95: 5, text: 'p95 ≤ 5 ms' },
    // The chart asks for its four parts at once, as the screen does.
    run: async (w) => void (await Promise.all(chartCalls(w).map(([channel, input]) => call(w, channel, input as never, w.therapist)))),
    raw: async (w) => {
      const replays: ReturnType<typeof rawReplay>[] = [];
      for (const [channel, input] of chartCalls(w)) replays.push(rawReplay(w.file, await recordHandlerStatements(w.file, channel, input, w.therapist, w.now)));
      return { run: () => replays.forEach((r) => r.run()), close: () => replays.forEach((r) => r.close()) };
    },
  },
  {
    name: 'import of a one-hour FIT file (stage, preview, save)',
    runs: 15,
    run: async (w, i) => {
      const patientId = w.importPatientIds[i < 0 ? w.importPatientIds.length + i : i]!;
      const files = [{ name: w.fit.name, base64: Buffer.from(w.fit.bytes).toString('base64') }];
      const { stageId } = (await call(w, 'runImport.stage', { patientId, files }, w.therapist)) as { stageId: string };
      const preview = (await call(w, 'runImport.preview', { stageId, count: 25 }, w.therapist)) as { items: { itemId: string; status: string }[] };
      if (preview.items[0]?.status !== 'ready') throw new Error(`the one-hour FIT file was not ready to import: ${JSON.stringify(preview.items[0])}`);
      await call(w, 'runImport.commit', { stageId, choices: preview.items.map((item) => ({ itemId: item.itemId, action: 'import' as const })) }, w.therapist);
    },
    raw: (w) =>
      Promise.resolve({
        run: () => {
          const [parsed] = parseActivityFile(w.fit.name, w.fit.bytes);
          if (parsed?.ok) segmentRunWalk(parsed.activity.samples);
        },
        close: () => {},
      }),
    rawNote: 'parsing and run/walk segmentation alone',
  },
  ...DOCUMENTS.map(
    (doc): Operation => ({
      name: doc.name,
      runs: 15,
      run: async (w) => void (await call(w, doc.channel, doc.input(w) as never, w.desk)),
      raw: async (w) => {
        const replay = rawReplay(w.file, await recordHandlerStatements(w.file, doc.channel, doc.input(w), w.desk, w.now));
        return { run: () => replay.run(), close: () => replay.close() };
      },
      rawNote: 'its queries alone, without drawing the PDF',
    }),
  ),
];
