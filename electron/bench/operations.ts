import type { ChannelName, RequestInput } from '../../shared/api/contract';
import type { ResolvedSession } from '../api/context';
import type { OpenApp } from '../app/open-app';
import { parseActivityFile } from '../activities';
import { segmentRunWalk } from '../../shared/running/run-walk-segmentation';
import { pdfPages, type HandoutCase } from './handout-program';
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
  /** The patient with the most visit notes (a long chart), and their newest signed note. */
  chartPatientId: number;
  signedNoteId: number | null;
  /** The demo's first home program as the demo wrote it, and one of four exercises written into the bench's copy (null: no patient or therapist). */
  handouts: { demo: HandoutCase; four: HandoutCase } | null;
  /** A patient without runs, a new one each time: importing the same file twice would be a duplicate. */
  nextImportPatient(): number;
  fit: { name: string; bytes: Uint8Array };
  /** A Strava bulk export of half-hour runs (1,000 of them unless told otherwise). */
  strava: { activities: number; bytes: Uint8Array };
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
  /** Untimed runs first (default: up to 5). */
  warmup?: number;
  goal?: Goal;
  /** One run through the dispatcher: the call or calls the app makes for it. */
  run(world: World, i: number): Promise<void>;
  /** What the runs measured, in words for the line (e.g. a handout's exercises and pages), once they are done. */
  describe?(world: World): string;
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
/** A phone and an MRN typed from their first character (a first digit matches tens of thousands). */
export const NUMBERS_TYPED = ['3', '31', '312', '312-5', '312-55', '312-555', 'rb0', 'rb00', 'rb000', 'rb0004'];
/** A first name and the start of a last name. */
export const TWO_WORDS = ['maria g', 'maria gar', 'jose m', 'smith j', 'nguyen t', 'ana s'];
/**
 * "Any query": every letter, digit and pair of letters (most pairs match no one), the start of an MRN,
 * Vietnamese names typed with and without their letters, and two one-letter words.
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
export const EVERY_START = [
  ...LETTERS,
  ...'0123456789',
  ...[...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b)),
  ...['rb', 'đ', 'đỗ', 'đặng', 'nguyễn', 'trần thị', 'nguyen van', "o'brien", 'a b', 'j m', 'smith 3', '1985', 'mar 1985'],
];

/** Stages a file, previews all of it as the import dialog does (50 at a time), saves every activity. */
async function importFile(w: World, patientId: number, name: string, bytes: Uint8Array, expected: number) {
  const { stageId, total } = (await call(w, 'runImport.stage', { patientId, files: [{ name, base64: Buffer.from(bytes).toString('base64') }] }, w.therapist)) as { stageId: string; total: number };
  const items: { itemId: string; status: string }[] = [];
  for (let done = 0; done < total; ) {
    const page = (await call(w, 'runImport.preview', { stageId, count: 50 }, w.therapist)) as { done: number; items: { itemId: string; status: string }[] };
    done = page.done;
    items.push(...page.items);
  }
  const ready = items.filter((item) => item.status === 'ready');
  if (ready.length !== expected) throw new Error(`${name}: ${ready.length} of ${expected} activities were ready to import (${JSON.stringify(items.find((i) => i.status !== 'ready'))})`);
  await call(w, 'runImport.commit', { stageId, choices: ready.map((item) => ({ itemId: item.itemId, action: 'import' as const })) }, w.therapist);
}

/** The first page as the patient list asks for it (renderer/src/screens/patients/usePatientPages.ts). */
const search = (queries: string[]) => (_w: World) => queries.map((query) => ({ query, limit: 100 })) as RequestInput<'patients.list'>[];

function searchOperation(name: string, queries: string[], runsEach: number): Operation {
  return {
    name: `patient search, ${name}`,
    runs: runsEach * queries.length,
    goal: { p95: 5, text: 'p95 ≤ 5 ms' },
    run: async (w, i) => void (await call(w, 'patients.list', search(queries)(w)[Math.abs(i) % queries.length]!, w.desk)),
    raw: replayEach('patients.list', search(queries), (w) => w.desk),
  };
}
/** What the chart asks for when it opens on its first tab, Notes (PatientChart, PatientHeader, NotesTab). */
const chartCalls = (w: World) =>
  [
    ['patients.get', { id: w.chartPatientId }],
    ['appointments.patientSummary', { patientId: w.chartPatientId }],
    ['notes.list', { patientId: w.chartPatientId }],
    ['episodes.list', { patientId: w.chartPatientId }],
  ] as const;
/** The Running and Plan tabs, a click away. */
const runningCalls = (w: World) =>
  [
    ['runs.list', { patientId: w.chartPatientId }],
    ['plans.get', { patientId: w.chartPatientId }],
  ] as const;

/** A chart's calls at once, as the screen asks; and their statements replayed on raw SQLite. */
function callsOperation(name: string, calls: (w: World) => readonly (readonly [ChannelName, unknown])[]): Operation {
  return {
    name,
    runs: 100,
    goal: { p95: 5, text: 'p95 ≤ 5 ms' },
    run: async (w) => void (await Promise.all(calls(w).map(([channel, input]) => call(w, channel, input as never, w.therapist)))),
    raw: async (w) => {
      const replays: ReturnType<typeof rawReplay>[] = [];
      for (const [channel, input] of calls(w)) replays.push(rawReplay(w.file, await recordHandlerStatements(w.file, channel, input, w.therapist, w.now)));
      return { run: () => replays.forEach((r) => r.run()), close: () => replays.forEach((r) => r.close()) };
    },
  };
}

const HANDOUT_GOAL: Goal = { p50: 500, text: 'p50 < 500 ms (issue #14, asked of a two-page handout)' };
/** A handout print for one of the world's handout patients; the line says the exercises and pages printed. */
const handoutLine = (name: string, which: 'demo' | 'four') => ({
  name,
  channel: 'handouts.print' as const,
  input: (w: World) => ({ patientId: w.handouts?.[which].patientId ?? 0 }),
  who: 'therapist' as const,
  goal: HANDOUT_GOAL,
  writes: true as const,
  describe: (w: World, response: unknown) => {
    const pdf = (response as { pdfBase64?: string } | undefined)?.pdfBase64;
    return `${w.handouts?.[which].exercises ?? 0} exercises, ${pdf ? pdfPages(pdf) : '?'} pages`;
  },
});

/**
 * Printed documents, one line each: a new PDF (note, handout, superbill, receipt, progress report)
 * is benched by adding its channel and an input built from the world.
 */
export const DOCUMENTS: {
  name: string;
  channel: ChannelName;
  input: (w: World) => unknown;
  who: 'desk' | 'therapist';
  goal?: Goal;
  writes?: true;
  /** Words for the line from the last run's response. */
  describe?: (w: World, response: unknown) => string;
}[] = [
  { name: 'day sheet PDF (every therapist, today)', channel: 'schedule.daySheet', input: (w) => ({ date: w.today }), who: 'desk' },
  { name: 'visit note PDF (the long chart’s newest signed note)', channel: 'notes.pdf', input: (w) => ({ id: w.signedNoteId ?? 0 }), who: 'therapist' },
  // Each prints every section (letterhead, exercises with drawings two per row, four weeks, traffic
  // light, when to stop and call, log, footer with "Page X of Y"); the line says its exercises and pages
  // as printed. Issue #14 asks under 500 ms of a two-page handout: no complete handout prints on fewer
  // than three pages with its type at 12 pt or more, so both are held to it. They store the print: no
  // read-only replay of their statements.
  handoutLine('home-program handout PDF, the demo’s first program as written', 'demo'),
  handoutLine('home-program handout PDF, four exercises (two full rows)', 'four'),
];

export const OPERATIONS: Operation[] = [
  searchOperation(`keystroke mix (${KEYSTROKE_MIX.length} queries)`, KEYSTROKE_MIX, 10),
  searchOperation('one letter (a, J, D)', ONE_LETTER, 60),
  searchOperation(`a phone and an MRN typed from the first character (${NUMBERS_TYPED.length} queries)`, NUMBERS_TYPED, 20),
  searchOperation(`first name and last name (${TWO_WORDS.length} queries)`, TWO_WORDS, 30),
  searchOperation(`every letter, digit and pair of letters, and more (${EVERY_START.length} queries)`, EVERY_START, 3),
  {
    name: 'an empty call (auth.me)',
    runs: 500,
    goal: { p50: 0.5, p95: 2, text: 'p50 ≤ 0.5 ms, p95 ≤ 2 ms' },
    run: async (w) => void (await call(w, 'auth.me', {}, w.desk)),
    raw: replayEach('auth.me', () => [{}], (w) => w.desk),
    rawNote: 'its handler alone reads the clinic row (through the dispatcher the session lookup brings it)',
  },
  {
    name: 'a week of every therapist (appointments.range)',
    runs: 40,
    goal: { ratio: 2, text: '≤ 2× raw' },
    run: async (w) => void (await call(w, 'appointments.range', w.week, w.desk)),
    raw: replayEach('appointments.range', (w) => [w.week], (w) => w.desk),
  },
  callsOperation('opening a chart (record, visits, notes, episodes)', chartCalls),
  callsOperation('the Running and Plan tabs (runs, plan)', runningCalls),
  {
    name: 'import of a one-hour FIT file (stage, preview, save)',
    runs: 15,
    run: (w) => importFile(w, w.nextImportPatient(), w.fit.name, w.fit.bytes, 1),
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
  {
    name: 'import of a Strava bulk export, 1,000 runs (stage, preview, save)',
    runs: 3,
    warmup: 1,
    run: (w) => importFile(w, w.nextImportPatient(), 'export_12345.zip', w.strava.bytes, w.strava.activities),
  },
  ...DOCUMENTS.map((doc): Operation => {
    let last: unknown;
    return {
      name: doc.name,
      runs: 15,
      goal: doc.goal,
      run: async (w) => void (last = await call(w, doc.channel, doc.input(w) as never, w[doc.who])),
      describe: doc.describe && ((w) => doc.describe!(w, last)),
      raw: doc.writes
        ? undefined
        : async (w) => {
            const replay = rawReplay(w.file, await recordHandlerStatements(w.file, doc.channel, doc.input(w), w[doc.who], w.now));
            return { run: () => replay.run(), close: () => replay.close() };
          },
      rawNote: doc.writes ? undefined : 'its queries alone, without drawing the PDF',
    };
  }),
];
