import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { billedOf, computeBilling } from '../../../shared/charting/billing-lines';
import { copyForwardContent } from '../../../shared/charting/copy-forward';
import { EMPTY_CONTENT, NOTE_TYPE_LABELS, type NoteContent, type NoteType } from '../../../shared/charting/note-content';
import { progressNoteStatus } from '../../../shared/clinical/documentation';
import { addDays, localToInstant } from '../../../shared/schedule/clinic-time';
import { instantToLocal } from '../../../shared/schedule/clinic-time';
import { compiledQuery } from '../../db/compiled-query';
import type { DB } from '../../db/schema';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../handler';
import { chartingContext, userNames, type ChartingContext } from './charting-context';
import { createEpisode, episodeRowOrThrow, goalsOf, openEpisodeOf, parseDiagnoses, VISIT_KIND, type EpisodeRow } from './episode-rows';
import { assertEditableDraft, noteRowOrThrow, parseContent, SUMMARY_COLUMNS, toRecord, toSummary } from './note-rows';
import { runningSinceLastVisit } from './note-running';

const patientRow = compiledQuery((db: Kysely<DB>, id: number) => db.selectFrom('patients').select(['id', 'archivedAt']).where('id', '=', id));

async function patientForCharting(db: Kysely<DB>, id: number) {
  const [row] = await patientRow(db, id);
  if (!row) throw new ApiError('NOT_FOUND', `There is no patient with id ${id}.`);
  return row;
}

/** The appointment a note is opened from: this patient's, the caller's (therapists), and the patient has arrived. */
async function appointmentForNote(ctx: HandlerContext, appointmentId: number, patientId: number, cx: ChartingContext) {
  const appt = await ctx.db
    .selectFrom('appointments as a')
    .innerJoin('appointmentTypes as t', 't.id', 'a.typeId')
    .innerJoin('users as u', 'u.id', 'a.therapistId')
    .select(['a.id', 'a.patientId', 'a.therapistId', 'a.status', 'a.startsAt', 't.name as typeName', 'u.displayName as therapistName'])
    .where('a.id', '=', appointmentId)
    .executeTakeFirst();
  if (!appt || appt.patientId !== patientId) throw new ApiError('NOT_FOUND', `There is no appointment with id ${appointmentId} for this patient.`);
  if (ctx.user.role === 'therapist' && appt.therapistId !== ctx.user.id) throw new ApiError('FORBIDDEN', `This is ${appt.therapistName}'s appointment: they write its note.`);
  const date = instantToLocal(appt.startsAt, cx.timeZone).date;
  if (appt.status === 'cancelled' || appt.status === 'no_show') throw new ApiError('CONFLICT', `The appointment on ${cx.fmt(date)} was ${appt.status === 'no_show' ? 'a no-show' : 'cancelled'}: there is no visit to chart.`);
  if (appt.status === 'booked') throw new ApiError('CONFLICT', 'Check the patient in first: a note is written for a visit that has started.');
  return { ...appt, date };
}

/** The note type a new note gets when none is chosen: evaluation without an open episode, a progress note when one is due. */
async function defaultType(db: Kysely<DB>, open: EpisodeRow | undefined, appointmentType: string | null, cx: ChartingContext): Promise<NoteType> {
  if (!open) return 'initial_evaluation';
  const visits = await db.selectFrom('notes').select(['dateOfService', 'noteType']).where('episodeId', '=', open.id).where('status', '<>', 'discarded').execute();
  if (!visits.some((v) => v.noteType === 'initial_evaluation') && /evaluation/i.test(appointmentType ?? '')) return 'initial_evaluation';
  if (/reassess|re-?eval|progress/i.test(appointmentType ?? '')) return 'progress';
  const status = progressNoteStatus({ visits: visits.map((v) => ({ date: v.dateOfService, kind: VISIT_KIND[v.noteType] })), today: cx.today, policy: cx.policy, fmt: cx.fmt });
  return status.due ? 'progress' : 'daily';
}

/** The episode a new note of `type` belongs to, opening one for an initial evaluation. */
async function episodeForNewNote(ctx: HandlerContext, patientId: number, type: NoteType, date: string, cx: ChartingContext): Promise<EpisodeRow> {
  const open = await openEpisodeOf(ctx.db, patientId);
  if (type !== 'initial_evaluation') {
    if (!open) throw new ApiError('CONFLICT', 'This patient has no open episode of care: start with an initial evaluation.');
    return open;
  }
  if (!open) return createEpisode(ctx.db, patientId, date, ctx.user.id, ctx.now);
  const evaluated = await ctx.db.selectFrom('notes').select('id').where('episodeId', '=', open.id).where('noteType', '=', 'initial_evaluation').where('status', '<>', 'discarded').executeTakeFirst();
  if (evaluated) throw new ApiError('CONFLICT', `The open episode (since ${cx.fmt(open.startDate)}) already has its evaluation: write a progress note, or discharge the episode first.`);
  return open;
}

async function startingContent(ctx: HandlerContext, episode: EpisodeRow, type: NoteType, copyForward: boolean | undefined, cx: ChartingContext): Promise<{ content: NoteContent; copiedFrom: number | null }> {
  let content: NoteContent = structuredClone(EMPTY_CONTENT);
  let copiedFrom: number | null = null;
  if (copyForward === true && type === 'initial_evaluation') throw new ApiError('VALIDATION', 'An initial evaluation starts a new episode: there is nothing to copy forward.', { fields: { copyForward: 'Not for an evaluation' } });
  if (copyForward !== false && type !== 'initial_evaluation') {
    const source = await ctx.db
      .selectFrom('notes')
      .select(['id', 'contentJson'])
      .where('episodeId', '=', episode.id)
      .where('status', '=', 'signed')
      .orderBy('dateOfService', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!source && copyForward === true) throw new ApiError('CONFLICT', `There is no signed note in this episode (since ${cx.fmt(episode.startDate)}) to copy forward.`);
    if (source) {
      content = copyForwardContent({ noteId: source.id, content: parseContent(source.contentJson) });
      copiedFrom = source.id;
    }
  }
  if (type === 'progress' || type === 'discharge') {
    const goals = (await goalsOf(ctx.db, [episode.id])).get(episode.id) ?? [];
    content.assessment.goals = goals.map((g) => ({ goalId: g.id, status: null, comment: '' }));
  }
  return { content, copiedFrom };
}

/** Every copy mark must point to a signed note of the same patient. */
async function assertCopyMarks(db: Kysely<DB>, patientId: number, content: NoteContent) {
  const ids = [...new Set([...content.objective.rows.map((r) => r.copy?.fromNoteId), content.plan.copy?.fromNoteId].filter((i): i is number => i !== undefined))];
  if (!ids.length) return;
  const found = await db.selectFrom('notes').select('id').where('id', 'in', ids).where('patientId', '=', patientId).where('status', '=', 'signed').execute();
  if (found.length !== ids.length) throw new ApiError('VALIDATION', 'A row says it was copied from a note that is not one of this patient’s signed notes.', { fields: { content: 'Copied from an unknown note' } });
}

/**
 * A patient's notes, newest first, without their content, each with its count of addenda: one index
 * range (notes_patient_date), no sort step, and a probe of note_addenda's index per note (a grouped
 * count could scan every addendum of the clinic).
 */
export function patientNotesQuery(db: Kysely<DB>, patientId: number) {
  return db
    .selectFrom('notes as n')
    .innerJoin('users as u', 'u.id', 'n.authorId')
    .select(SUMMARY_COLUMNS)
    .select((eb) => eb.selectFrom('noteAddenda as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.noteId', '=', 'n.id').as('addenda'))
    .where('n.patientId', '=', patientId)
    .where('n.status', '<>', 'discarded')
    .orderBy('n.dateOfService', 'desc')
    .orderBy('n.id', 'desc');
}

// Opening a chart lists its notes: these run on every chart opened, compiled once.
const listNotes = compiledQuery((db: Kysely<DB>, patientId: number) => patientNotesQuery(db, patientId));
const listEpisodes = compiledQuery((db: Kysely<DB>, patientId: number) =>
  db.selectFrom('episodes').select(['id', 'dischargedOn', 'startDate', 'diagnosesJson']).where('patientId', '=', patientId).orderBy('startDate', 'desc'),
);

export const noteHandlers = defineHandlers({
  async 'notes.list'({ patientId }, ctx) {
    await patientForCharting(ctx.db, patientId);
    const rows = await listNotes(ctx.db, patientId);
    const episodes = await listEpisodes(ctx.db, patientId);
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `notes listed (${rows.length})` });
    return {
      notes: rows.map((r) => toSummary(r, Number(r.addenda ?? 0))),
      episodes: episodes.map((e) => ({ id: e.id, status: e.dischargedOn === null ? ('open' as const) : ('discharged' as const), startDate: e.startDate, dischargeDate: e.dischargedOn, diagnoses: parseDiagnoses(e.diagnosesJson) })),
    };
  },

  async 'notes.get'({ id }, ctx) {
    const row = await noteRowOrThrow(ctx.db, id);
    ctx.audit({ action: 'notes.open', entity: 'note', entityId: id, detail: `patient ${row.patientId}: ${NOTE_TYPE_LABELS[row.noteType]} of ${row.dateOfService} (${row.status}) opened` });
    return toRecord(ctx.db, row, ctx);
  },

  async 'notes.start'({ patientId, appointmentId, type, copyForward, dateOfService }, ctx) {
    const patient = await patientForCharting(ctx.db, patientId);
    const cx = await chartingContext(ctx.db, ctx.now);
    let date = dateOfService ?? cx.today;
    let appointmentType: string | null = null;
    if (appointmentId !== null) {
      const appt = await appointmentForNote(ctx, appointmentId, patientId, cx);
      const existing = await ctx.db.selectFrom('notes').selectAll().where('appointmentId', '=', appointmentId).where('status', '<>', 'discarded').executeTakeFirst();
      if (existing) {
        ctx.audit({ action: 'notes.open', entity: 'note', entityId: existing.id, detail: `patient ${patientId}: note for appointment ${appointmentId} opened` });
        return toRecord(ctx.db, existing, ctx);
      }
      date = appt.date;
      appointmentType = appt.typeName;
    }
    if (patient.archivedAt !== null) throw new ApiError('CONFLICT', 'This patient is archived: unarchive the record before charting a new visit.');
    if (date > cx.today) throw new ApiError('VALIDATION', 'A note cannot be written for a visit in the future.', { fields: { dateOfService: 'Date of service is in the future' } });
    const noteType = type ?? (await defaultType(ctx.db, await openEpisodeOf(ctx.db, patientId), appointmentType, cx));
    const episode = await episodeForNewNote(ctx, patientId, noteType, date, cx);
    const { content, copiedFrom } = await startingContent(ctx, episode, noteType, copyForward, cx);
    const billing = computeBilling({ type: noteType, content, diagnoses: parseDiagnoses(episode.diagnosesJson), unitRule: cx.policy.documentation.unitRule });
    const now = ctx.now.toISOString();
    const row = await ctx.db
      .insertInto('notes')
      .values({
        patientId,
        episodeId: episode.id,
        appointmentId,
        authorId: ctx.user.id,
        noteType,
        dateOfService: date,
        contentJson: JSON.stringify(content),
        billingJson: JSON.stringify(billing),
        billedJson: JSON.stringify(billedOf(billing)),
        episodeJson: null,
        copiedFromNoteId: copiedFrom,
        signedAt: null,
        signedBy: null,
        signedByName: null,
        contentHash: null,
        createdAt: now,
        updatedAt: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'note', entityId: row.id, detail: `patient ${patientId}: ${NOTE_TYPE_LABELS[noteType]} started for ${date}${copiedFrom ? `, copied forward from note ${copiedFrom}` : ''}` });
    return toRecord(ctx.db, row, ctx);
  },

  async 'notes.saveDraft'({ id, revision, type, dateOfService, content }, ctx) {
    const row = await noteRowOrThrow(ctx.db, id);
    const names = await userNames(ctx.db, [row.authorId]);
    assertEditableDraft(row, ctx, revision, names.get(row.authorId) ?? 'another user');
    const cx = await chartingContext(ctx.db, ctx.now);
    const date = dateOfService ?? row.dateOfService;
    if (date > cx.today) throw new ApiError('VALIDATION', 'A note cannot be written for a visit in the future.', { fields: { dateOfService: 'Date of service is in the future' } });
    if (row.appointmentId !== null && date !== row.dateOfService) {
      throw new ApiError('VALIDATION', `This note is for the appointment on ${cx.fmt(row.dateOfService)}: its date of service is that day.`, { fields: { dateOfService: 'The appointment’s date' } });
    }
    await assertCopyMarks(ctx.db, row.patientId, content);
    const episode = await episodeRowOrThrow(ctx.db, row.episodeId);
    const noteType = type ?? row.noteType;
    if (noteType === 'initial_evaluation' && row.noteType !== 'initial_evaluation') {
      const other = await ctx.db.selectFrom('notes').select('dateOfService').where('episodeId', '=', row.episodeId).where('noteType', '=', 'initial_evaluation').where('status', '<>', 'discarded').where('id', '<>', id).executeTakeFirst();
      if (other) throw new ApiError('VALIDATION', `This episode already has its initial evaluation (${cx.fmt(other.dateOfService)}): write a progress note instead.`, { fields: { type: 'The episode already has an evaluation' } });
    }
    const billing = computeBilling({ type: noteType, content, diagnoses: parseDiagnoses(episode.diagnosesJson), unitRule: cx.policy.documentation.unitRule });
    const updatedAt = ctx.now.toISOString();
    await ctx.db
      .updateTable('notes')
      .set({ contentJson: JSON.stringify(content), billingJson: JSON.stringify(billing), billedJson: JSON.stringify(billedOf(billing)), noteType, dateOfService: date, revision: row.revision + 1, updatedAt })
      .where('id', '=', id)
      .execute();
    ctx.audit({ entity: 'note', entityId: id, detail: `patient ${row.patientId}: draft saved (revision ${row.revision + 1})` });
    return { revision: row.revision + 1, updatedAt, billing };
  },

  async 'notes.runningSummary'({ noteId }, ctx) {
    const row = await noteRowOrThrow(ctx.db, noteId);
    const cx = await chartingContext(ctx.db, ctx.now);
    ctx.audit({ entity: 'patient', entityId: row.patientId, detail: `running summary for note ${noteId}` });
    return runningSinceLastVisit(ctx.db, row, cx);
  },

  async 'notes.discard'({ id, revision }, ctx) {
    const row = await noteRowOrThrow(ctx.db, id);
    const names = await userNames(ctx.db, [row.authorId]);
    assertEditableDraft(row, ctx, revision, names.get(row.authorId) ?? 'another user');
    await ctx.db.updateTable('notes').set({ status: 'discarded', revision: row.revision + 1, updatedAt: ctx.now.toISOString() }).where('id', '=', id).execute();
    ctx.audit({ entity: 'note', entityId: id, detail: `patient ${row.patientId}: draft ${NOTE_TYPE_LABELS[row.noteType]} of ${row.dateOfService} discarded` });
    return { id };
  },

  async 'notes.forRange'({ from, to }, ctx) {
    const cx = await chartingContext(ctx.db, ctx.now);
    let q = ctx.db
      .selectFrom('appointments as a')
      .innerJoin('notes as n', 'n.appointmentId', 'a.id')
      .select(['a.id as appointmentId', 'n.id as noteId', 'n.status', 'n.noteType as type'])
      .where('a.startsAt', '>=', localToInstant(from, 0, cx.timeZone))
      .where('a.startsAt', '<', localToInstant(addDays(to, 1), 0, cx.timeZone))
      .where('n.status', '<>', 'discarded');
    if (ctx.user.role === 'therapist') q = q.where('a.therapistId', '=', ctx.user.id);
    return { marks: await q.execute() };
  },
});
