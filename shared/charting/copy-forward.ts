import { canonicalJson } from './canonical';
import { describeRow } from './describe';
import { EMPTY_CONTENT, type NoteContent, type ObjectiveRow } from './note-content';

/**
 * Copy forward (rule documentation.no-cloned-notes): a new note may start from the patient's last
 * signed note, but only what carries over between visits is copied — the treatment rows and the
 * plan's frequency, home program and run-walk lines — never the subjective, the assessment, today's
 * measures or the body chart. Each copied row keeps a mark; it counts as "copied" while it is exactly
 * as it was in the source and unconfirmed, and signing lists every such row.
 */
export type CopyState = 'copied' | 'edited' | 'confirmed';

/** The parts of a source note copy-forward needs to judge marks. */
export interface CopySource {
  noteId: number;
  date: string;
  rows: readonly ObjectiveRow[];
  plan: Pick<NoteContent['plan'], 'frequency' | 'homeProgram' | 'runWalk'>;
}

export function copySourceOf(noteId: number, date: string, content: NoteContent): CopySource {
  const { frequency, homeProgram, runWalk } = content.plan;
  return { noteId, date, rows: content.objective.rows, plan: { frequency, homeProgram, runWalk } };
}

/** A deep copy of plain JSON data (shared/ has no structuredClone in its lib). */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const rowEssence = (row: ObjectiveRow) => canonicalJson({ ...row, id: undefined, copy: undefined });
const planEssence = (plan: CopySource['plan']) => canonicalJson({ frequency: plan.frequency, homeProgram: plan.homeProgram, runWalk: plan.runWalk });

/** A new note's content started from a signed note. */
export function copyForwardContent(source: { noteId: number; content: NoteContent }): NoteContent {
  const mark = { fromNoteId: source.noteId, confirmed: false };
  const { frequency, homeProgram, runWalk } = source.content.plan;
  const hasPlan = Boolean(frequency.trim() || homeProgram.trim() || runWalk.trim());
  return {
    ...clone(EMPTY_CONTENT),
    objective: { rows: source.content.objective.rows.map((r) => ({ ...clone(r), copy: mark })), measures: '' },
    plan: { ...EMPTY_CONTENT.plan, frequency, homeProgram, runWalk, copy: hasPlan ? mark : null },
    billing: clone(source.content.billing),
  };
}

export function rowCopyState(row: ObjectiveRow, sources: ReadonlyMap<number, CopySource>): CopyState | null {
  if (!row.copy) return null;
  const original = sources.get(row.copy.fromNoteId)?.rows.find((r) => r.id === row.id);
  if (!original || rowEssence(original) !== rowEssence(row)) return 'edited';
  return row.copy.confirmed ? 'confirmed' : 'copied';
}

export function planCopyState(plan: NoteContent['plan'], sources: ReadonlyMap<number, CopySource>): CopyState | null {
  if (!plan.copy) return null;
  const original = sources.get(plan.copy.fromNoteId)?.plan;
  if (!original || planEssence(original) !== planEssence(plan)) return 'edited';
  return plan.copy.confirmed ? 'confirmed' : 'copied';
}

export interface UntouchedCopy {
  /** The row's id, or null for the plan block. */
  rowId: string | null;
  fromNoteId: number;
  description: string;
}

/** Every copied row (and the plan) still exactly as copied and not confirmed: what signing lists. */
export function untouchedCopies(content: NoteContent, sources: ReadonlyMap<number, CopySource>): UntouchedCopy[] {
  const out: UntouchedCopy[] = [];
  for (const row of content.objective.rows) {
    if (rowCopyState(row, sources) === 'copied') out.push({ rowId: row.id, fromNoteId: row.copy!.fromNoteId, description: describeRow(row) });
  }
  if (planCopyState(content.plan, sources) === 'copied') {
    const what = [content.plan.frequency && 'frequency', content.plan.homeProgram && 'home program', content.plan.runWalk && 'run-walk changes'].filter(Boolean).join(', ');
    out.push({ rowId: null, fromNoteId: content.plan.copy!.fromNoteId, description: `Plan (${what})` });
  }
  return out;
}

/** The content with the listed copies confirmed as still true today (the therapist's explicit choice). */
export function confirmCopies(content: NoteContent, rowIds: readonly (string | null)[]): NoteContent {
  const next = clone(content);
  for (const row of next.objective.rows) if (row.copy && rowIds.includes(row.id)) row.copy = { ...row.copy, confirmed: true };
  if (next.plan.copy && rowIds.includes(null)) next.plan.copy = { ...next.plan.copy, confirmed: true };
  return next;
}
