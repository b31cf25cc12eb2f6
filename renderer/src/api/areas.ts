import { contract, type ChannelName } from '../../../shared/api/contract';

/**
 * Fresh data across screens. Every channel belongs to an area (its name before the dot, a few
 * grouped); every read is cached under its area; after a successful write the areas it can change
 * are asked again — wherever they are on screen. A booking made on the schedule is at once the
 * chart's next appointment; a run saved on the Running tab is at once in the Plan tab.
 */
export const AREAS = ['session', 'users', 'clinic', 'audit', 'patients', 'schedule', 'waitlist', 'runs', 'plans', 'redFlags', 'reassessments', 'policy', 'today', 'backups', 'notes', 'note', 'ledger', 'exercises', 'programs', 'handouts'] as const;
export type Area = (typeof AREAS)[number];

const AREA_OF_PREFIX: Record<string, Area> = {
  setup: 'session',
  auth: 'session',
  users: 'users',
  clinic: 'clinic',
  audit: 'audit',
  patients: 'patients',
  appointments: 'schedule',
  blockouts: 'schedule',
  schedule: 'schedule',
  rooms: 'schedule',
  appointmentTypes: 'schedule',
  workingHours: 'schedule',
  waitlist: 'waitlist',
  runs: 'runs',
  runImport: 'runs',
  plans: 'plans',
  redFlags: 'redFlags',
  reassessments: 'reassessments',
  outcomes: 'reassessments',
  kiosk: 'reassessments',
  policy: 'policy',
  today: 'today',
  backups: 'backups',
  episodes: 'notes',
  notes: 'notes',
  attachments: 'notes',
  // An export reads the chart; an import adds patients.
  export: 'patients',
  patientImport: 'patients',
  fees: 'ledger',
  packageTypes: 'ledger',
  ledger: 'ledger',
  exercises: 'exercises',
  programs: 'programs',
  handouts: 'handouts',
  // A patient's exercise photos show beside the library's drawings in their program.
  exercisePhotos: 'exercises',
  // Billing documents read the ledger (the superbill, receipts, the end of day).
  superbill: 'ledger',
  receipts: 'ledger',
  endOfDay: 'ledger',
};

/**
 * Channels kept apart from their prefix's area. The open note is its own area: a draft's autosave
 * (every pause in typing) must not make the note being written ask again — each opening of a note
 * is in the audit log — and signing or an addendum hands back the note it changed.
 */
const AREA_OF_CHANNEL: Partial<Record<ChannelName, Area>> = {
  'notes.get': 'note',
  // The screen in a note's subjective is a red-flag screen like any other: the plan and Today follow it.
  'notes.redFlagScreen': 'redFlags',
};

export function areaOf(channel: ChannelName): Area {
  const area = AREA_OF_CHANNEL[channel] ?? AREA_OF_PREFIX[channel.split('.')[0]!];
  if (!area) throw new Error(`Channel ${channel} has no area in renderer/src/api/areas.ts`);
  return area;
}

/**
 * What a write in an area can change elsewhere. The audit log follows every write. Names and
 * appointments show on the schedule, the waitlist and Today; runs feed the plan, the plan the
 * running log's weekly facts; the clinic's settings reach the signed-in frame (its name, locale).
 */
export const STALE_AFTER_WRITE: Record<Area, readonly Area[]> = {
  session: [],
  users: ['users', 'schedule', 'today', 'session', 'notes'],
  clinic: ['clinic', 'session', 'schedule', 'today'],
  audit: ['audit'],
  patients: ['patients', 'schedule', 'waitlist', 'today', 'notes'],
  // A visit checked in, completed or cancelled changes the schedule's note marks and what is due.
  schedule: ['schedule', 'waitlist', 'today', 'notes'],
  waitlist: ['waitlist', 'schedule'],
  runs: ['runs', 'plans', 'today'],
  plans: ['plans', 'runs', 'today', 'redFlags'],
  // A screen's answers can stop this week's plan or lift a stop; an acknowledged alert leaves Today.
  redFlags: ['redFlags', 'plans', 'today'],
  // New findings can hold or lift the plan's gates (a reviewed week goes stale).
  reassessments: ['reassessments', 'plans', 'today', 'programs'],
  // The clinic's unit rule and progress-note cadence reach billing lines and what is due.
  policy: ['policy', 'plans', 'runs', 'notes', 'reassessments', 'programs'],
  today: ['today'],
  // A restore replaces everything; the app signs everyone out after it anyway.
  backups: ['backups', 'audit'],
  // Episodes, notes and attachments: the chart's lists, what is due and Today's notes to write. The
  // schedule's note marks are a notes read (notes.forRange), so they follow without the schedule.
  notes: ['notes', 'today', 'ledger'],
  note: [],
  // Charges, payments and fees: the account, the balance at check-in and in the chart header.
  ledger: ['ledger'],
  // An archived or edited exercise shows so in the programs that hold it.
  exercises: ['exercises', 'programs'],
  // A saved program is the chart's Home program tab and the handout printed from it (its missing words).
  programs: ['programs', 'handouts'],
  handouts: ['handouts'],
};

/** The areas to ask again after `channel` succeeded; none after a read. */
export function staleAfter(channel: ChannelName): Area[] {
  if (contract[channel].kind !== 'write') return [];
  // Signing in, locking and unlocking change nothing on screen (and a locked screen asks nothing).
  if (areaOf(channel) === 'session') return [];
  const own = STALE_AFTER_WRITE[areaOf(channel)];
  return [...new Set([...own, 'audit' as const])];
}
