import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { Diagnosis, Episode, Goal } from '../../../shared/charting/episode';
import type { EpisodeSnapshot } from '../../../shared/charting/note';
import type { NoteType } from '../../../shared/charting/note-content';
import { certificationStatus, progressNoteStatus, type EpisodeVisit } from '../../../shared/clinical/documentation';
import { compiledQuery } from '../../db/compiled-query';
import type { DB, EpisodesTable } from '../../db/schema';
import type { ChartingContext } from './charting-context';

export type EpisodeRow = Selectable<EpisodesTable>;

export const VISIT_KIND: Record<NoteType, EpisodeVisit['kind']> = { initial_evaluation: 'evaluation', progress: 'progress', daily: 'visit', discharge: 'discharge' };

export function parseDiagnoses(json: string | null): Diagnosis[] {
  return json ? (JSON.parse(json) as Diagnosis[]) : [];
}

export async function episodeRowOrThrow(db: Kysely<DB>, id: number): Promise<EpisodeRow> {
  const row = await db.selectFrom('episodes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', `There is no episode of care with id ${id}.`);
  return row;
}

export async function openEpisodeOf(db: Kysely<DB>, patientId: number): Promise<EpisodeRow | undefined> {
  return db.selectFrom('episodes').selectAll().where('patientId', '=', patientId).where('dischargedOn', 'is', null).executeTakeFirst();
}

// Opening a chart lists its episodes with their goals and visits: two compiled queries by patient,
// however many episodes the patient has had (a query per episode grew with the history).
const patientGoals = compiledQuery((db: Kysely<DB>, patientId: number) =>
  db
    .selectFrom('episodeGoals as g')
    .innerJoin('episodes as e', 'e.id', 'g.episodeId')
    .select(['g.episodeId', 'g.id', 'g.term', 'g.description', 'g.targetDate', 'g.status'])
    .where('e.patientId', '=', patientId)
    .where('g.removedAt', 'is', null)
    .orderBy('g.episodeId')
    .orderBy('g.sortOrder')
    .orderBy('g.id'),
);
const patientVisits = compiledQuery((db: Kysely<DB>, patientId: number) =>
  db.selectFrom('notes').select(['episodeId', 'dateOfService', 'noteType']).where('patientId', '=', patientId).where('status', '<>', 'discarded'),
);
const episodeGoals = compiledQuery((db: Kysely<DB>, episodeId: number) =>
  db.selectFrom('episodeGoals').select(['id', 'term', 'description', 'targetDate', 'status']).where('episodeId', '=', episodeId).where('removedAt', 'is', null).orderBy('sortOrder').orderBy('id'),
);

export async function goalsOf(db: Kysely<DB>, episodeIds: readonly number[]): Promise<Map<number, Goal[]>> {
  const out = new Map<number, Goal[]>();
  for (const id of new Set(episodeIds)) out.set(id, await episodeGoals(db, id));
  return out;
}

/** Each listed value grouped by its episode. */
function byEpisode<T extends { episodeId: number }, U>(rows: readonly T[], map: (row: T) => U): Map<number, U[]> {
  const out = new Map<number, U[]>();
  for (const row of rows) {
    let list = out.get(row.episodeId);
    if (!list) out.set(row.episodeId, (list = []));
    list.push(map(row));
  }
  return out;
}

/** The episodes as records, with their goals, visit counts and what is due on the open ones. */
export async function toEpisodes(db: Kysely<DB>, rows: readonly EpisodeRow[], cx: ChartingContext): Promise<Episode[]> {
  const goals = new Map<number, Goal[]>();
  const visitsOf = new Map<number, EpisodeVisit[]>();
  for (const patientId of new Set(rows.map((r) => r.patientId))) {
    for (const [id, list] of byEpisode(await patientGoals(db, patientId), ({ id, term, description, targetDate, status }): Goal => ({ id, term, description, targetDate, status }))) goals.set(id, list);
    for (const [id, list] of byEpisode(await patientVisits(db, patientId), (v): EpisodeVisit => ({ date: v.dateOfService, kind: VISIT_KIND[v.noteType] }))) visitsOf.set(id, list);
  }
  return rows.map((row) => {
    const visits = visitsOf.get(row.id) ?? [];
    const due: Episode['due'] = [];
    if (row.dischargedOn === null) {
      for (const r of progressNoteStatus({ visits, today: cx.today, policy: cx.policy, fmt: cx.fmt }).reasons) due.push({ ruleId: r.ruleId, sentence: r.sentence, kind: 'progress-note' });
      if (row.certEnd) for (const r of certificationStatus({ certEnd: row.certEnd, today: cx.today, policy: cx.policy, fmt: cx.fmt }).reasons) due.push({ ruleId: r.ruleId, sentence: r.sentence, kind: 'recertify' });
    }
    return {
      id: row.id,
      patientId: row.patientId,
      status: row.dischargedOn === null ? 'open' : 'discharged',
      startDate: row.startDate,
      referral: {
        type: row.referralType,
        physicianName: row.referralName,
        physicianNpi: row.referralNpi,
        date: row.referralDate,
        physicianAddress:
          row.referralAddressLine1 && row.referralCity && row.referralPostalCode
            ? { line1: row.referralAddressLine1, line2: row.referralAddressLine2, city: row.referralCity, region: row.referralRegion, postalCode: row.referralPostalCode }
            : null,
        physicianPhone: row.referralPhone,
        physicianFax: row.referralFax,
      },
      onsetDate: row.onsetDate,
      mechanism: row.mechanism,
      diagnoses: parseDiagnoses(row.diagnosesJson),
      goals: goals.get(row.id) ?? [],
      planOfCare: { visitsPerWeek: row.visitsPerWeek, weeks: row.weeks, certStart: row.certStart, certEnd: row.certEnd },
      discharge:
        row.dischargedOn && row.dischargeReason && row.dischargeSummary !== null
          ? { date: row.dischargedOn, reason: row.dischargeReason as NonNullable<Episode['discharge']>['reason'], summary: row.dischargeSummary }
          : null,
      visits: visits.length,
      due,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}

/** A new, empty episode (the initial evaluation fills it in). */
export async function createEpisode(db: Kysely<DB>, patientId: number, startDate: string, userId: number, now: Date): Promise<EpisodeRow> {
  const at = now.toISOString();
  return db
    .insertInto('episodes')
    .values({ patientId, startDate, referralType: 'self', referralName: null, referralNpi: null, referralDate: null, referralAddressLine1: null, referralAddressLine2: null, referralCity: null, referralRegion: null, referralPostalCode: null, referralPhone: null, referralFax: null, onsetDate: null, mechanism: null, visitsPerWeek: null, weeks: null, certStart: null, certEnd: null, dischargedOn: null, dischargeReason: null, dischargeSummary: null, createdBy: userId, createdAt: at, updatedAt: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The episode as a note shows it and a signature freezes it: diagnoses, goals, plan of care, referral and onset. */
export async function episodeSnapshot(db: Kysely<DB>, episodeId: number): Promise<EpisodeSnapshot> {
  const row = await episodeRowOrThrow(db, episodeId);
  const goals = (await goalsOf(db, [row.id])).get(row.id) ?? [];
  return {
    startDate: row.startDate,
    referral: { type: row.referralType, physicianName: row.referralName, physicianNpi: row.referralNpi, date: row.referralDate },
    onsetDate: row.onsetDate,
    mechanism: row.mechanism,
    diagnoses: parseDiagnoses(row.diagnosesJson),
    goals,
    planOfCare: { visitsPerWeek: row.visitsPerWeek, weeks: row.weeks, certStart: row.certStart, certEnd: row.certEnd },
  };
}
