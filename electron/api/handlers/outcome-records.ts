import type { Kysely, Selectable } from 'kysely';
import { GATED_INSTRUMENTS, type GatedInstrument, type OutcomeScorePoint } from '../../../shared/clinical/outcomeGate';
import type { ClinicPolicy } from '../../../shared/clinical/policy';
import { compareForms, outcomeScale, scoreForm, thresholdsText } from '../../../shared/domain/outcomeScoring';
import type { OutcomeAnswers, OutcomeRecord, OutcomeRequest, OutcomeSummary } from '../../../shared/domain/reassessments';
import { INSTRUMENTS, INSTRUMENT_NAMES, outcomeAnswersSchema, outcomeRequestSchema } from '../../../shared/domain/reassessments';
import type { DB, OutcomeRecordsTable } from '../../db/schema';
import type { HandlerContext } from '../context';
import { loadClinicPolicy } from './clinic-policy';
import { checkRecordPlace, validationError } from './reassessment-records';
import { clearStaleDecision } from './red-flag-screens';
import { linkedNote } from './record-notes';

/**
 * Outcome questionnaires: the answers by item number (never the questionnaire's wording), scored
 * by the rules engine when recorded; the score is stored beside the answers so a later change of
 * clinic policy (the ODI's missing-section limit) does not silently rewrite what was reported.
 */
type Row = Selectable<OutcomeRecordsTable>;

export async function toOutcomeRecords(db: Kysely<DB>, rows: readonly Row[], policy: ClinicPolicy): Promise<OutcomeRecord[]> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const replacements = await db.selectFrom('outcomeRecords').select(['id', 'replacesId']).where('replacesId', 'in', ids).execute();
  const replacedBy = new Map(replacements.map((r) => [r.replacesId!, r.id]));
  const users = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', [...new Set(rows.map((r) => r.recordedBy))]).execute();
  return rows.map((r) => {
    const form = outcomeAnswersSchema.parse({ instrument: r.instrument, answers: JSON.parse(r.answersJson) as unknown });
    return {
      id: r.id,
      patientId: r.patientId,
      noteId: r.noteId,
      instrument: r.instrument,
      completedOn: r.completedOn,
      recordedBy: users.find((u) => u.id === r.recordedBy)?.displayName ?? '',
      recordedAt: r.recordedAt,
      form,
      score: r.score,
      scoreText: scoreForm(form, policy).text,
      replacesId: r.replacesId,
      replacedById: replacedBy.get(r.id) ?? null,
    };
  });
}

export async function patientOutcomes(db: Kysely<DB>, patientId: number, policy: ClinicPolicy): Promise<OutcomeRecord[]> {
  const rows = await db.selectFrom('outcomeRecords').selectAll().where('patientId', '=', patientId).orderBy('completedOn', 'desc').orderBy('id', 'desc').execute();
  return toOutcomeRecords(db, rows, policy);
}

/**
 * Each questionnaire's latest form against its first. The baseline is the patient's first form of
 * the instrument until charting (issue #12) brings episodes of care, when it becomes the episode's.
 */
export function outcomeSummaries(records: readonly OutcomeRecord[], policy: ClinicPolicy): OutcomeSummary[] {
  const current = records.filter((r) => r.replacedById === null);
  return INSTRUMENTS.flatMap((instrument) => {
    const forms = current.filter((r) => r.instrument === instrument).sort((a, b) => (a.completedOn < b.completedOn ? -1 : a.completedOn > b.completedOn ? 1 : a.id - b.id));
    const first = forms[0];
    const last = forms.at(-1);
    if (!first || !last) return [];
    const point = (r: OutcomeRecord) => ({ id: r.id, date: r.completedOn, score: r.score, scoreText: r.scoreText });
    const change = first === last ? null : compareForms(first.form, last.form, policy);
    return [
      {
        instrument,
        baseline: point(first),
        latest: point(last),
        change: change && { change: change.change, improvement: change.improvement, direction: change.direction, beyondMdc: change.beyondMdc, meetsMcid: change.meetsMcid, reasons: change.reasons },
        thresholds: thresholdsText(instrument, policy),
        history: forms.map((r) => ({ id: r.id, date: r.completedOn, score: r.score })),
        scale: outcomeScale(instrument, policy),
      },
    ];
  });
}

export async function recordOutcome(ctx: HandlerContext, input: OutcomeRequest): Promise<OutcomeRecord> {
  const parsed = outcomeRequestSchema.safeParse(input);
  if (!parsed.success) throw validationError(`questionnaire`, parsed.error.issues);
  const req = parsed.data;
  const completedOn = await checkRecordPlace(ctx, 'outcomeRecords', req, req.completedOn, 'questionnaire');
  if (req.replacesId !== null) {
    const old = await ctx.db.selectFrom('outcomeRecords').select('instrument').where('id', '=', req.replacesId).executeTakeFirstOrThrow();
    if (old.instrument !== req.form.instrument) throw validationError('questionnaire', [{ path: ['replacesId'], message: `A correction of the ${INSTRUMENT_NAMES[old.instrument]} is the same questionnaire` }]);
  }
  const { policy } = await loadClinicPolicy(ctx.db);
  const form: OutcomeAnswers = req.form;
  const { score, text } = scoreForm(form, policy);
  const row = await ctx.db
    .insertInto('outcomeRecords')
    .values({ patientId: req.patientId, noteId: await linkedNote(ctx.db, req.patientId, req.noteId, completedOn), instrument: form.instrument, completedOn, recordedBy: ctx.user.id, recordedAt: ctx.now.toISOString(), answersJson: JSON.stringify(form.answers), score, replacesId: req.replacesId })
    .returningAll()
    .executeTakeFirstOrThrow();
  // A pain or disability score the weekly review reads makes a reviewed, not yet accepted decision stale.
  if ((GATED_INSTRUMENTS as readonly string[]).includes(form.instrument)) await clearStaleDecision(ctx.db, req.patientId, completedOn, null);
  ctx.audit({ entity: 'patient', entityId: req.patientId, detail: `${INSTRUMENT_NAMES[form.instrument]} ${row.id} (${completedOn}): ${text}${req.replacesId ? `, correcting ${req.replacesId}` : ''}` });
  return (await toOutcomeRecords(ctx.db, [row], policy))[0]!;
}

/**
 * The NPRS and ODI scores the weekly review reads: those of the episode of care the week falls in
 * (from its start, so the first is the episode's baseline) up to the week's last day, corrections
 * applied, unscored forms left out. Without an episode, every form up to that day.
 */
export async function episodeOutcomeScores(db: Kysely<DB>, patientId: number, until: string): Promise<OutcomeScorePoint[]> {
  const episode = await db.selectFrom('episodes').select('startDate').where('patientId', '=', patientId).where('startDate', '<=', until).orderBy('startDate', 'desc').orderBy('id', 'desc').executeTakeFirst();
  let q = db
    .selectFrom('outcomeRecords as o')
    .select(['o.instrument', 'o.completedOn', 'o.score'])
    .where('o.patientId', '=', patientId)
    .where('o.instrument', 'in', [...GATED_INSTRUMENTS])
    .where('o.completedOn', '<=', until)
    .where('o.score', 'is not', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('outcomeRecords as c').select('c.id').whereRef('c.replacesId', '=', 'o.id'))));
  if (episode) q = q.where('o.completedOn', '>=', episode.startDate);
  const rows = await q.orderBy('o.completedOn').orderBy('o.id').execute();
  return rows.map((r) => ({ instrument: r.instrument as GatedInstrument, date: r.completedOn, score: r.score! }));
}
