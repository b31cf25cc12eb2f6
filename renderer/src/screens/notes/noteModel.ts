import { planCopyState, rowCopyState, type CopySource, type CopyState } from '../../../../shared/charting/copy-forward';
import type { NoteRecord } from '../../../../shared/charting/note';
import type { BodyMark, NoteContent, ObjectiveRow, RowKind } from '../../../../shared/charting/note-content';
import type { BodyRegionId } from '../../../../shared/charting/body-chart';

/**
 * The note editor's state changes, as pure functions over the note content (tested without a
 * screen). The editor keeps the whole content in one state value and saves it as it is.
 */
export function newRowId(): string {
  return `r${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`;
}

/** A new row of a kind, starting from the last row of that kind (a therapist's next row usually repeats its setup). */
export function newRow(kind: RowKind, rows: readonly ObjectiveRow[]): ObjectiveRow {
  const id = newRowId();
  const last = [...rows].reverse().find((r) => r.kind === kind);
  if (kind === 'joint') {
    const prev = last?.kind === 'joint' ? last : null;
    return { id, copy: null, kind, region: prev?.region ?? 'lumbar', segment: prev?.segment ?? null, technique: null, techniqueOther: '', grade: null, side: null, position: prev?.position ?? 'prone', minutes: null, response: '' };
  }
  if (kind === 'soft_tissue') return { id, copy: null, kind, muscleGroup: '', technique: last?.kind === 'soft_tissue' ? last.technique : 'stm', side: null, minutes: null, response: '' };
  return { id, copy: null, kind, category: last?.kind === 'exercise' ? last.category : 'therapeutic_exercise', name: '', sets: null, reps: null, holdSeconds: null, load: '', side: null, minutes: null };
}

export function addRow(content: NoteContent, kind: RowKind): { content: NoteContent; rowId: string } {
  const row = newRow(kind, content.objective.rows);
  return { content: { ...content, objective: { ...content.objective, rows: [...content.objective.rows, row] } }, rowId: row.id };
}

export function updateRow(content: NoteContent, rowId: string, patch: Partial<ObjectiveRow>): NoteContent {
  const rows = content.objective.rows.map((r) => (r.id === rowId ? ({ ...r, ...patch } as ObjectiveRow) : r));
  return { ...content, objective: { ...content.objective, rows } };
}

export function removeRow(content: NoteContent, rowId: string): NoteContent {
  return { ...content, objective: { ...content.objective, rows: content.objective.rows.filter((r) => r.id !== rowId) } };
}

export function moveRow(content: NoteContent, rowId: string, by: -1 | 1): NoteContent {
  const rows = [...content.objective.rows];
  const i = rows.findIndex((r) => r.id === rowId);
  const j = i + by;
  if (i < 0 || j < 0 || j >= rows.length) return content;
  [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  return { ...content, objective: { ...content.objective, rows } };
}

/** Marks a copied row (or the plan, rowId null) as confirmed — or no longer confirmed. */
export function setCopyConfirmed(content: NoteContent, rowId: string | null, confirmed: boolean): NoteContent {
  if (rowId === null) return content.plan.copy ? { ...content, plan: { ...content.plan, copy: { ...content.plan.copy, confirmed } } } : content;
  const rows = content.objective.rows.map((r) => (r.id === rowId && r.copy ? { ...r, copy: { ...r.copy, confirmed } } : r));
  return { ...content, objective: { ...content.objective, rows } };
}

export function sourcesOf(note: Pick<NoteRecord, 'copySources'>): Map<number, CopySource> {
  return new Map(note.copySources.map((s) => [s.noteId, s]));
}

/** Each copied row's state ("copied", "edited", "confirmed"), and the plan's under the key "plan". */
export function copyStates(content: NoteContent, sources: ReadonlyMap<number, CopySource>): Map<string, CopyState> {
  const out = new Map<string, CopyState>();
  for (const r of content.objective.rows) {
    const s = rowCopyState(r, sources);
    if (s) out.set(r.id, s);
  }
  const plan = planCopyState(content.plan, sources);
  if (plan) out.set('plan', plan);
  return out;
}

/** Body chart: mark a region (or select its mark), change a mark, or clear it. */
export function toggleMark(marks: readonly BodyMark[], region: BodyRegionId): BodyMark[] {
  return marks.some((m) => m.region === region) ? marks.filter((m) => m.region !== region) : [...marks, { region, intensity: 5, qualities: ['ache'], note: '' }];
}

export function updateMark(marks: readonly BodyMark[], region: BodyRegionId, patch: Partial<BodyMark>): BodyMark[] {
  return marks.map((m) => (m.region === region ? { ...m, ...patch } : m));
}

/** The server's field key for a part of the note ("objective.rows.<id>.minutes"), for messages next to fields. */
export function rowField(rowId: string, field: string): string {
  return `objective.rows.${rowId}.${field}`;
}

/** A whole number from a typed field, or null when empty; NaN is kept out of the content. */
export function parseWhole(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? Math.round(n) : null;
}
