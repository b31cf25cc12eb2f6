import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { EpisodeInputData } from '../../../shared/charting/episode';
import { certificationProblem } from '../../../shared/clinical/documentation';
import { compiledQuery } from '../../db/compiled-query';
import type { DB } from '../../db/schema';
import { defineHandlers } from '../handler';
import { chartingContext, type ChartingContext } from './charting-context';
import { episodeRowOrThrow, openEpisodeOf, toEpisodes, type EpisodeRow } from './episode-rows';

const patientRow = compiledQuery((db: Kysely<DB>, id: number) => db.selectFrom('patients').select(['id', 'archivedAt']).where('id', '=', id));
/** A chart lists its episodes every time it opens. */
const patientEpisodes = compiledQuery((db: Kysely<DB>, patientId: number) =>
  db.selectFrom('episodes').selectAll().where('patientId', '=', patientId).orderBy('startDate', 'desc').orderBy('id', 'desc'),
);

async function patientOrThrow(db: Kysely<DB>, id: number) {
  const [row] = await patientRow(db, id);
  if (!row) throw new ApiError('NOT_FOUND', `There is no patient with id ${id}.`);
  return row;
}

/** Rules that need the clinic's calendar and words: no future onset or referral, and at most 90 certified days. */
function checkEpisodeDates(input: EpisodeInputData, cx: ChartingContext) {
  const fields: Record<string, string> = {};
  if (input.onsetDate && input.onsetDate > cx.today) fields['episode.onsetDate'] = 'Onset date is in the future';
  if (input.referral.date && input.referral.date > cx.today) fields['episode.referral.date'] = 'Referral date is in the future';
  const { certStart, certEnd } = input.planOfCare;
  if ((certStart === null) !== (certEnd === null)) fields['episode.planOfCare.certEnd'] = 'Give both certification dates, or neither';
  else if (certStart && certEnd) {
    const problem = certificationProblem(certStart, certEnd, cx.fmt);
    if (problem) fields['episode.planOfCare.certEnd'] = problem;
  }
  const first = Object.values(fields)[0];
  if (first) throw new ApiError('VALIDATION', first, { fields });
}

async function saveGoals(db: Kysely<DB>, episodeId: number, goals: EpisodeInputData['goals'], now: string) {
  const existing = await db.selectFrom('episodeGoals').select('id').where('episodeId', '=', episodeId).where('removedAt', 'is', null).execute();
  const kept = new Set<number>();
  for (const [i, g] of goals.entries()) {
    if (g.id !== undefined) {
      if (!existing.some((e) => e.id === g.id)) throw new ApiError('VALIDATION', 'A goal does not belong to this episode.', { fields: { [`episode.goals.${i}`]: 'Not a goal of this episode' } });
      kept.add(g.id);
      await db.updateTable('episodeGoals').set({ term: g.term, description: g.description, targetDate: g.targetDate, status: g.status, sortOrder: i, updatedAt: now }).where('id', '=', g.id).execute();
    } else {
      await db.insertInto('episodeGoals').values({ episodeId, term: g.term, description: g.description, targetDate: g.targetDate, status: g.status, sortOrder: i, removedAt: null, createdAt: now, updatedAt: now }).execute();
    }
  }
  // A goal left out is removed from the episode, not deleted: signed notes may have rated it.
  for (const e of existing) if (!kept.has(e.id)) await db.updateTable('episodeGoals').set({ removedAt: now, updatedAt: now }).where('id', '=', e.id).execute();
}

function physicianContactColumns(r: EpisodeInputData['referral']) {
  const a = r.type === 'physician' ? r.physicianAddress : null;
  const physician = r.type === 'physician';
  return {
    referralAddressLine1: a?.line1 ?? null,
    referralAddressLine2: a?.line2 ?? null,
    referralCity: a?.city ?? null,
    referralRegion: a?.region ?? null,
    referralPostalCode: a?.postalCode ?? null,
    referralPhone: physician ? r.physicianPhone : null,
    referralFax: physician ? r.physicianFax : null,
  };
}

function episodeColumns(input: EpisodeInputData) {
  return {
    referralType: input.referral.type,
    referralName: input.referral.type === 'physician' ? input.referral.physicianName : null,
    referralNpi: input.referral.type === 'physician' ? input.referral.physicianNpi : null,
    referralDate: input.referral.date,
    ...physicianContactColumns(input.referral),
    onsetDate: input.onsetDate,
    mechanism: input.mechanism,
    diagnosesJson: JSON.stringify(input.diagnoses),
    visitsPerWeek: input.planOfCare.visitsPerWeek,
    weeks: input.planOfCare.weeks,
    certStart: input.planOfCare.certStart,
    certEnd: input.planOfCare.certEnd,
  };
}

export const episodeHandlers = defineHandlers({
  async 'episodes.list'({ patientId }, ctx) {
    await patientOrThrow(ctx.db, patientId);
    const cx = await chartingContext(ctx.db, ctx.now);
    const rows = await patientEpisodes(ctx.db, patientId);
    // The open episode first, then the older ones newest first.
    rows.sort((a, b) => Number(a.dischargedOn !== null) - Number(b.dischargedOn !== null));
    ctx.audit({ entity: 'patient', entityId: patientId, detail: 'episodes of care opened' });
    return { episodes: await toEpisodes(ctx.db, rows, cx) };
  },

  async 'episodes.save'({ id, patientId, expectedUpdatedAt, episode }, ctx) {
    await patientOrThrow(ctx.db, patientId);
    const cx = await chartingContext(ctx.db, ctx.now);
    checkEpisodeDates(episode, cx);
    const now = ctx.now.toISOString();
    let row: EpisodeRow;
    if (id === undefined) {
      const open = await openEpisodeOf(ctx.db, patientId);
      if (open) throw new ApiError('CONFLICT', `This patient already has an open episode of care (since ${cx.fmt(open.startDate)}): discharge it before opening another.`);
      row = await ctx.db
        .insertInto('episodes')
        .values({ patientId, startDate: cx.today, ...episodeColumns(episode), dischargedOn: null, dischargeReason: null, dischargeSummary: null, createdBy: ctx.user.id, createdAt: now, updatedAt: now })
        .returningAll()
        .executeTakeFirstOrThrow();
    } else {
      const existing = await episodeRowOrThrow(ctx.db, id);
      if (existing.patientId !== patientId) throw new ApiError('NOT_FOUND', `There is no episode of care with id ${id} for this patient.`);
      if (existing.dischargedOn !== null) throw new ApiError('CONFLICT', `This episode was discharged on ${cx.fmt(existing.dischargedOn)} and can no longer change.`);
      if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== existing.updatedAt) {
        throw new ApiError('CONFLICT', 'Someone else changed this episode since you opened it: reload to see their changes.');
      }
      row = await ctx.db.updateTable('episodes').set({ ...episodeColumns(episode), updatedAt: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    }
    await saveGoals(ctx.db, row.id, episode.goals, now);
    ctx.audit({
      entity: 'patient',
      entityId: patientId,
      detail: `episode ${row.id} ${id === undefined ? 'opened' : 'changed'}: ${episode.diagnoses.map((d) => d.code).join(', ') || 'no diagnoses'}; ${episode.goals.length} goals`,
    });
    const [record] = await toEpisodes(ctx.db, [row], cx);
    return record!;
  },

  async 'episodes.discharge'({ id, discharge }, ctx) {
    const row = await episodeRowOrThrow(ctx.db, id);
    const cx = await chartingContext(ctx.db, ctx.now);
    if (row.dischargedOn !== null) throw new ApiError('CONFLICT', `This episode was already discharged on ${cx.fmt(row.dischargedOn)}.`);
    if (discharge.date > cx.today) throw new ApiError('VALIDATION', 'Discharge date is in the future', { fields: { 'discharge.date': 'Discharge date is in the future' } });
    if (discharge.date < row.startDate) {
      throw new ApiError('VALIDATION', `Discharge date is before the episode began (${cx.fmt(row.startDate)})`, { fields: { 'discharge.date': 'Before the episode began' } });
    }
    const updated = await ctx.db
      .updateTable('episodes')
      .set({ dischargedOn: discharge.date, dischargeReason: discharge.reason, dischargeSummary: discharge.summary, updatedAt: ctx.now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'patient', entityId: row.patientId, detail: `episode ${id} discharged ${discharge.date} (${discharge.reason})` });
    const [record] = await toEpisodes(ctx.db, [updated], cx);
    return record!;
  },
});
