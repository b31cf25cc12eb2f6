import { ApiError } from '../../../shared/api/errors';
import { checkKioskAnswers, KIOSK_WORDING, kioskAnswersSchema, kioskForm, type KioskAnswers } from '../../../shared/domain/kiosk';
import { INSTRUMENT_NAMES } from '../../../shared/domain/reassessments';
import { dummyPasswordHash, verifyPassword } from '../../auth/passwords';
import { hashToken, newToken } from '../../auth/tokens';
import { writeAudit } from '../audit-writer';
import type { HandlerContext, KioskScope } from '../context';
import { defineHandlers } from '../handler';
import { endSession, idleLockMinutes, requireSession, startSession } from '../sessions';
import { checkPasswordOrThrow } from './auth-checks';
import { recordOutcome } from './outcome-records';
import { todaysNote } from './record-notes';
import { toSessionUser } from './users';

/** A questionnaire takes minutes; a kiosk forgotten on the desk ends by itself. */
export const KIOSK_HOURS = 2;

function scopeOf(ctx: HandlerContext): KioskScope {
  const kiosk = ctx.session?.kiosk;
  // The dispatcher lets only kiosk sessions reach these handlers; this is the handler's own guard.
  if (!kiosk) throw new ApiError('FORBIDDEN', 'Only a screen handed to a patient can do this.');
  return kiosk;
}

async function kioskRow(ctx: HandlerContext, kiosk: KioskScope) {
  return ctx.db.selectFrom('patientKiosks').selectAll().where('id', '=', kiosk.kioskId).executeTakeFirstOrThrow();
}

function checkedAnswers(instrument: KioskScope['instrument'], answers: KioskAnswers): KioskAnswers {
  const problems = checkKioskAnswers(instrument, answers);
  const first = Object.values(problems)[0];
  if (first) throw new ApiError('VALIDATION', first, { fields: Object.fromEntries(Object.entries(problems).map(([k, v]) => [`answers.${k}`, v])) });
  return answers;
}

async function saveAnswers(ctx: HandlerContext, kiosk: KioskScope, answers: KioskAnswers) {
  const row = await kioskRow(ctx, kiosk);
  if (row.outcomeRecordId !== null) throw new ApiError('CONFLICT', 'This questionnaire is finished: please hand the screen back.');
  const savedAt = ctx.now.toISOString();
  await ctx.db.updateTable('patientKiosks').set({ answersJson: JSON.stringify(checkedAnswers(kiosk.instrument, answers)), savedAt }).where('id', '=', kiosk.kioskId).execute();
  return { row, savedAt };
}

export const kioskHandlers = defineHandlers({
  async 'kiosk.start'({ patientId, instrument, noteId }, ctx) {
    const session = requireSession(ctx.session);
    const patient = await ctx.db.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
    if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
    const note = await todaysNote(ctx, patientId, noteId);
    // Answers given earlier today and never finished (the screen was handed back half-way) come back.
    const dayStart = new Date(ctx.now.getTime() - 24 * 3_600_000).toISOString();
    const unfinished = await ctx.db
      .selectFrom('patientKiosks')
      .select(['id', 'answersJson'])
      .where('patientId', '=', patientId)
      .where('instrument', '=', instrument)
      .where('outcomeRecordId', 'is', null)
      .where('startedAt', '>=', dayStart)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    await ctx.db.updateTable('patientKiosks').set({ endedAt: ctx.now.toISOString() }).where('patientId', '=', patientId).where('instrument', '=', instrument).where('endedAt', 'is', null).execute();
    const token = newToken();
    const row = await ctx.db
      .insertInto('patientKiosks')
      .values({
        tokenHash: hashToken(token),
        patientId,
        instrument,
        noteId: note,
        handedBy: ctx.user.id,
        staffSessionId: session.id,
        startedAt: ctx.now.toISOString(),
        expiresAt: new Date(ctx.now.getTime() + KIOSK_HOURS * 3_600_000).toISOString(),
        answersJson: unfinished?.answersJson ?? '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The staff session is locked while the patient holds the screen: its token is of no use without a password.
    if (session.id > 0) await ctx.db.updateTable('sessions').set({ locked: 1 }).where('id', '=', session.id).execute();
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `${INSTRUMENT_NAMES[instrument]} handed to the patient (kiosk ${row.id}${unfinished ? `, answers of kiosk ${unfinished.id} carried over` : ''})` });
    return { kioskToken: token, handedBy: ctx.user.displayName, handedByUsername: ctx.user.username };
  },

  async 'kiosk.form'(_input, ctx) {
    const kiosk = scopeOf(ctx);
    const row = await kioskRow(ctx, kiosk);
    const patient = await ctx.db.selectFrom('patients').select(['legalFirstName', 'preferredName']).where('id', '=', kiosk.patientId).executeTakeFirstOrThrow();
    const clinic = await ctx.db.selectFrom('clinic').select('name').executeTakeFirstOrThrow();
    const saved = kioskAnswersSchema.safeParse(JSON.parse(row.answersJson));
    return {
      firstName: patient.preferredName ?? patient.legalFirstName,
      clinicName: clinic.name,
      instrument: kiosk.instrument,
      wording: KIOSK_WORDING[kiosk.instrument],
      answers: saved.success ? saved.data : {},
      savedAt: row.savedAt,
      finished: row.outcomeRecordId !== null,
      handedBy: kiosk.handedBy.displayName,
      handedByUsername: kiosk.handedBy.username,
    };
  },

  async 'kiosk.saveAnswers'({ answers }, ctx) {
    const kiosk = scopeOf(ctx);
    const { savedAt } = await saveAnswers(ctx, kiosk, answers);
    ctx.audit({ entity: 'patient', entityId: kiosk.patientId, detail: `answers saved (kiosk ${kiosk.kioskId}, ${Object.values(answers).filter((v) => v !== null && v !== '').length} given)` });
    return { savedAt };
  },

  async 'kiosk.finish'({ answers }, ctx) {
    const kiosk = scopeOf(ctx);
    const { row } = await saveAnswers(ctx, kiosk, answers);
    const built = kioskForm(kiosk.instrument, answers);
    if ('missing' in built) {
      const first = Object.values(built.missing)[0]!;
      throw new ApiError('VALIDATION', first, { fields: Object.fromEntries(Object.entries(built.missing).map(([k, v]) => [`answers.${k}`, v])) });
    }
    // Recorded as the staff member who handed it over; the audit row says the patient filled it in.
    const record = await recordOutcome({ ...ctx, user: kiosk.handedBy }, { patientId: kiosk.patientId, noteId: row.noteId, form: built.form });
    await ctx.db.updateTable('patientKiosks').set({ outcomeRecordId: record.id }).where('id', '=', kiosk.kioskId).execute();
    return { finished: true as const };
  },

  async 'kiosk.handBack'({ username, password }, ctx) {
    const kiosk = scopeOf(ctx);
    const user = await ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    if (!user) {
      await verifyPassword(password, await dummyPasswordHash()); // same time as a real check
      await writeAudit(ctx.db, ctx.now, null, { action: 'kiosk.handBack.failed', detail: `unknown username "${username.slice(0, 40)}"` });
      throw new ApiError('UNAUTHENTICATED', 'Username or password is wrong.', { commit: true, fields: { password: 'Username or password is wrong' } });
    }
    await checkPasswordOrThrow(ctx.db, user, password, ctx.now, 'kiosk.handBack');
    const row = await kioskRow(ctx, kiosk);
    await ctx.db.updateTable('patientKiosks').set({ endedAt: ctx.now.toISOString() }).where('id', '=', kiosk.kioskId).execute();
    // The locked session it came from ends; whoever took the screen back starts their own.
    await endSession(ctx.db, row.staffSessionId, ctx.now);
    const sessionToken = await startSession(ctx.db, user.id, ctx.now);
    ctx.audit({ entity: 'patient', entityId: kiosk.patientId, actor: toSessionUser(user), detail: `screen handed back to ${user.displayName} (kiosk ${kiosk.kioskId}${row.outcomeRecordId ? ', finished' : ', not finished: answers kept'})` });
    return { sessionToken, user: toSessionUser(user), idleLockMinutes: await idleLockMinutes(ctx.db) };
  },
});
