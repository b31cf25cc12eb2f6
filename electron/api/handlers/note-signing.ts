import { ApiError } from '../../../shared/api/errors';
import { billedOf, computeBilling } from '../../../shared/charting/billing-lines';
import { canonicalJson } from '../../../shared/charting/canonical';
import { untouchedCopies } from '../../../shared/charting/copy-forward';
import { NOTE_TYPE_LABELS, type NoteContent } from '../../../shared/charting/note-content';
import { signingProblems } from '../../../shared/charting/sign-check';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../handler';
import { chartingContext, userNames, type ChartingContext } from './charting-context';
import { episodeRowOrThrow, episodeSnapshot, goalsOf, type EpisodeRow } from './episode-rows';
import { addendumPayloadOf, assertEditableDraft, copySourcesFor, hashOf, noteRowOrThrow, parseContent, signedPayloadOf, toRecord, type NoteRow } from './note-rows';

/** Refuses while copied rows are still exactly as copied and unconfirmed (payers deny cloned notes). */
async function assertNoUntouchedCopies(ctx: HandlerContext, row: NoteRow, content: NoteContent, cx: ChartingContext) {
  const sources = await copySourcesFor(ctx.db, row.patientId, content);
  const untouched = untouchedCopies(content, sources);
  if (!untouched.length) return;
  const from = [...new Set(untouched.map((u) => sources.get(u.fromNoteId)?.date).filter((d): d is string => Boolean(d)))].map(cx.fmt).join(' and ');
  const n = untouched.length;
  throw new ApiError(
    'CONFLICT',
    `${n} ${n === 1 ? 'part is' : 'parts are'} still exactly as copied from ${from}: change ${n === 1 ? 'it' : 'each'} or confirm ${n === 1 ? 'it is' : 'each is'} still true today before signing — ${untouched.map((u) => u.description).join('; ')}.`,
    { fields: Object.fromEntries(untouched.map((u) => [`copies.${u.rowId ?? 'plan'}`, u.description])) },
  );
}

/** Goals rated in a progress or discharge note take that rating in the episode. */
async function applyGoalRatings(ctx: HandlerContext, episode: EpisodeRow, content: NoteContent) {
  const goals = (await goalsOf(ctx.db, [episode.id])).get(episode.id) ?? [];
  for (const rating of content.assessment.goals) {
    if (rating.status && goals.some((g) => g.id === rating.goalId)) {
      await ctx.db.updateTable('episodeGoals').set({ status: rating.status, updatedAt: ctx.now.toISOString() }).where('id', '=', rating.goalId).execute();
    }
  }
}

export const noteSigningHandlers = defineHandlers({
  async 'notes.sign'({ id, revision }, ctx) {
    const row = await noteRowOrThrow(ctx.db, id);
    const names = await userNames(ctx.db, [row.authorId]);
    assertEditableDraft(row, ctx, revision, names.get(row.authorId) ?? 'another user');
    const cx = await chartingContext(ctx.db, ctx.now);
    if (row.dateOfService > cx.today) throw new ApiError('VALIDATION', 'A note for a visit in the future cannot be signed.', { fields: { dateOfService: 'In the future' } });
    const content = parseContent(row.contentJson);
    await assertNoUntouchedCopies(ctx, row, content, cx);
    const episode = await episodeRowOrThrow(ctx.db, row.episodeId);
    const snapshot = await episodeSnapshot(ctx.db, episode.id);
    const problems = signingProblems({ type: row.noteType, content, episode: snapshot });
    const messages = Object.values(problems);
    if (messages.length) {
      throw new ApiError('VALIDATION', `Before signing: ${messages.slice(0, 3).join('; ')}${messages.length > 3 ? ` (and ${messages.length - 3} more)` : ''}.`, { fields: problems });
    }
    const billing = computeBilling({ type: row.noteType, content, diagnoses: snapshot.diagnoses, unitRule: cx.policy.documentation.unitRule });
    const signedAt = ctx.now.toISOString();
    const signed: NoteRow = {
      ...row,
      status: 'signed',
      contentJson: canonicalJson(content),
      billingJson: canonicalJson(billing),
      episodeJson: canonicalJson(snapshot),
      signedAt,
      signedBy: ctx.user.id,
      signedByName: ctx.user.displayName,
      updatedAt: signedAt,
    };
    const contentHash = hashOf(signedPayloadOf(signed));
    await ctx.db
      .updateTable('notes')
      .set({
        status: 'signed',
        contentJson: signed.contentJson,
        billingJson: signed.billingJson,
        billedJson: JSON.stringify(billedOf(billing)),
        episodeJson: signed.episodeJson,
        signedAt,
        signedBy: ctx.user.id,
        signedByName: ctx.user.displayName,
        contentHash,
        revision: row.revision + 1,
        updatedAt: signedAt,
      })
      .where('id', '=', id)
      .execute();
    if (row.noteType === 'progress' || row.noteType === 'discharge') await applyGoalRatings(ctx, episode, content);
    if (row.noteType === 'discharge' && episode.dischargedOn === null && content.discharge.reason) {
      await ctx.db
        .updateTable('episodes')
        .set({ dischargedOn: row.dateOfService, dischargeReason: content.discharge.reason, dischargeSummary: content.discharge.summary, updatedAt: signedAt })
        .where('id', '=', episode.id)
        .execute();
    }
    ctx.audit({ entity: 'note', entityId: id, detail: `patient ${row.patientId}: ${NOTE_TYPE_LABELS[row.noteType]} of ${row.dateOfService} signed, SHA-256 ${contentHash}` });
    return toRecord(ctx.db, await noteRowOrThrow(ctx.db, id), ctx);
  },

  async 'notes.addendum'({ noteId, text }, ctx) {
    const row = await noteRowOrThrow(ctx.db, noteId);
    if (row.status !== 'signed') throw new ApiError('CONFLICT', 'Only a signed note takes addenda: a draft can still be changed directly.');
    const signedAt = ctx.now.toISOString();
    const draft = { id: 0, noteId, authorId: ctx.user.id, authorName: ctx.user.displayName, text, signedAt, contentHash: '' };
    const contentHash = hashOf(addendumPayloadOf(draft, row.contentHash ?? ''));
    await ctx.db.insertInto('noteAddenda').values({ noteId, authorId: ctx.user.id, authorName: ctx.user.displayName, text, signedAt, contentHash }).execute();
    ctx.audit({ entity: 'note', entityId: noteId, detail: `patient ${row.patientId}: addendum signed, SHA-256 ${contentHash}` });
    return toRecord(ctx.db, row, ctx);
  },
});
