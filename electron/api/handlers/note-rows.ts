import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { Billed, BillingSummary } from '../../../shared/charting/billing-lines';
import { canonicalJson, type AddendumPayload, type SignedNotePayload } from '../../../shared/charting/canonical';
import { copySourceOf, type CopySource } from '../../../shared/charting/copy-forward';
import type { EpisodeSnapshot, NoteRecord, NoteSummary } from '../../../shared/charting/note';
import { noteContentSchema, type NoteContent } from '../../../shared/charting/note-content';
import type { HandlerContext } from '../context';
import type { DB, NoteAddendaTable, NotesTable } from '../../db/schema';
import { sha256Hex } from '../../attachments/store';
import { userNames } from './charting-context';
import { episodeSnapshot } from './episode-rows';

export type NoteRow = Selectable<NotesTable>;
type AddendumRow = Selectable<NoteAddendaTable>;

export async function noteRowOrThrow(db: Kysely<DB>, id: number): Promise<NoteRow> {
  const row = await db.selectFrom('notes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', `There is no note with id ${id}.`);
  return row;
}

export function parseContent(json: string): NoteContent {
  return noteContentSchema.parse(JSON.parse(json));
}

export function hashOf(payload: SignedNotePayload | AddendumPayload): string {
  return sha256Hex(Buffer.from(canonicalJson(payload), 'utf8'));
}

/** The payload a signed note's hash covers, rebuilt from its stored row exactly as it was signed. */
export function signedPayloadOf(row: NoteRow): SignedNotePayload {
  return {
    noteId: row.id,
    patientId: row.patientId,
    episodeId: row.episodeId,
    type: row.noteType,
    dateOfService: row.dateOfService,
    content: JSON.parse(row.contentJson) as unknown,
    billing: JSON.parse(row.billingJson ?? 'null') as unknown,
    episode: JSON.parse(row.episodeJson ?? 'null') as unknown,
    signedBy: { id: row.signedBy ?? 0, name: row.signedByName ?? '' },
    signedAt: row.signedAt ?? '',
  };
}

export function addendumPayloadOf(row: AddendumRow, noteHash: string): AddendumPayload {
  return { noteId: row.noteId, noteHash, text: row.text, author: { id: row.authorId, name: row.authorName }, signedAt: row.signedAt };
}

/** The columns a list of notes needs: everything but the (large) content. */
export const SUMMARY_COLUMNS = [
  'n.id',
  'n.patientId',
  'n.episodeId',
  'n.appointmentId',
  'n.noteType',
  'n.dateOfService',
  'n.status',
  'n.authorId',
  'n.signedAt',
  'n.billedJson',
  'n.updatedAt',
  'u.displayName as therapistName',
] as const;

export interface SummaryRow {
  id: number;
  patientId: number;
  episodeId: number;
  appointmentId: number | null;
  noteType: NoteRow['noteType'];
  dateOfService: string;
  status: 'draft' | 'signed' | 'discarded';
  authorId: number;
  signedAt: string | null;
  billedJson: string | null;
  updatedAt: string;
  therapistName: string;
}

export function toSummary(row: SummaryRow, addenda: number): NoteSummary {
  return {
    id: row.id,
    patientId: row.patientId,
    episodeId: row.episodeId,
    appointmentId: row.appointmentId,
    type: row.noteType,
    dateOfService: row.dateOfService,
    status: row.status,
    therapistId: row.authorId,
    therapistName: row.therapistName,
    signedAt: row.signedAt,
    billed: row.billedJson ? (JSON.parse(row.billedJson) as Billed) : null,
    addenda,
    updatedAt: row.updatedAt,
  };
}

/** The signed notes a content's copy marks point to (only this patient's signed notes count). */
export async function copySourcesFor(db: Kysely<DB>, patientId: number, content: NoteContent): Promise<Map<number, CopySource>> {
  const ids = [...new Set([...content.objective.rows.map((r) => r.copy?.fromNoteId), content.plan.copy?.fromNoteId].filter((i): i is number => i !== undefined))];
  const out = new Map<number, CopySource>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('notes').select(['id', 'dateOfService', 'contentJson']).where('id', 'in', ids).where('patientId', '=', patientId).where('status', '=', 'signed').execute();
  for (const r of rows) out.set(r.id, copySourceOf(r.id, r.dateOfService, parseContent(r.contentJson)));
  return out;
}

/** The episode's most recent earlier body chart, for comparing side by side. */
async function bodyChartBefore(db: Kysely<DB>, row: NoteRow): Promise<NoteRecord['bodyChartBefore']> {
  // Only a re-evaluation (progress note) or the discharge compares the body chart with the earlier one.
  if (row.noteType !== 'progress' && row.noteType !== 'discharge') return null;
  const earlier = await db
    .selectFrom('notes')
    .select(['id', 'dateOfService', 'noteType', 'contentJson'])
    .where('episodeId', '=', row.episodeId)
    .where('status', '=', 'signed')
    .where('id', '<>', row.id)
    .where('dateOfService', '<=', row.dateOfService)
    .where('noteType', 'in', ['initial_evaluation', 'progress'])
    .orderBy('dateOfService', 'desc')
    .orderBy('id', 'desc')
    .limit(12)
    .execute();
  for (const e of earlier) {
    // Only the body chart is read: signed content was validated when it was saved.
    const marks = (JSON.parse(e.contentJson) as { bodyChart?: NoteContent['bodyChart'] }).bodyChart ?? [];
    if (marks.length) return { noteId: e.id, date: e.dateOfService, type: e.noteType, marks };
  }
  return null;
}

/** A whole note for the editor or the reader: content, lines, signature check, addenda, copy sources. */
export async function toRecord(db: Kysely<DB>, row: NoteRow, ctx: Pick<HandlerContext, 'user'>): Promise<NoteRecord> {
  const content = parseContent(row.contentJson);
  const addenda = await db.selectFrom('noteAddenda').selectAll().where('noteId', '=', row.id).orderBy('id').execute();
  const names = await userNames(db, [row.authorId]);
  const sources = await copySourcesFor(db, row.patientId, content);
  const signed = row.status === 'signed';
  return {
    ...toSummary({ ...row, therapistName: names.get(row.authorId) ?? 'Unknown' }, addenda.length),
    revision: row.revision,
    billing: row.billingJson ? (JSON.parse(row.billingJson) as BillingSummary) : null,
    content,
    episode: signed && row.episodeJson ? (JSON.parse(row.episodeJson) as EpisodeSnapshot) : await episodeSnapshot(db, row.episodeId),
    signedByName: row.signedByName,
    contentHash: row.contentHash,
    integrity: signed ? (hashOf(signedPayloadOf(row)) === row.contentHash ? 'verified' : 'mismatch') : null,
    addendaList: addenda.map((a) => ({
      id: a.id,
      text: a.text,
      authorName: a.authorName,
      signedAt: a.signedAt,
      hash: a.contentHash,
      integrity: hashOf(addendumPayloadOf(a, row.contentHash ?? '')) === a.contentHash ? 'verified' : 'mismatch',
    })),
    copySources: [...sources.values()].map((s) => ({ ...s, rows: [...s.rows] })),
    bodyChartBefore: await bodyChartBefore(db, row),
    canEdit: row.status === 'draft' && row.authorId === ctx.user.id,
  };
}

/** The draft a caller may change: its author's, not signed or discarded, at the revision they last saw. */
export function assertEditableDraft(row: NoteRow, ctx: Pick<HandlerContext, 'user'>, revision: number, authorName: string) {
  if (row.status === 'signed') throw new ApiError('CONFLICT', 'This note is signed and locked: corrections go in an addendum.');
  if (row.status === 'discarded') throw new ApiError('CONFLICT', 'This draft was discarded.');
  if (row.authorId !== ctx.user.id) throw new ApiError('FORBIDDEN', `This draft is ${authorName}'s: only its author can change or sign it.`);
  if (revision !== row.revision) {
    throw new ApiError('CONFLICT', 'This note was saved from another window since you opened it: reload it to go on from the newest version.', { fields: { revision: 'Saved elsewhere' } });
  }
}
