import type { Kysely } from 'kysely';
import { addDays, daysBetween } from '../../shared/clinical/calendar';
import type { MeasureEntry, OutcomeAnswersInput } from '../../shared/domain/reassessments';
import { localToInstant } from '../../shared/schedule/clinic-time';
import type { Dispatch } from '../api/dispatcher';
import type { DB } from '../db/schema';
import { must } from './demo-api';

interface Ctx {
  dispatch: Dispatch;
  db: Kysely<DB>;
  setNow(date: Date): Promise<void>;
  /** A session per therapist id (each records at their own visits). */
  sessions: Map<number, string>;
  today: string;
  timeZone: string;
  /** Patients with a run-walk plan. */
  runners: readonly number[];
}

export interface DemoReassessmentResult {
  reassessments: number;
  questionnaires: number;
  /** The runner whose findings do not improve (and whose plan has not moved). */
  notImproving: number | null;
}

/** One time point of a patient's story: the battery's readings and the questionnaires' answers. */
interface Reading {
  hip: number;
  knee: number;
  slr: [number, number];
  flexor: number;
  extensor: number;
  bridge: [number, number];
  nprs: number;
  /** ODI section scores (0–5), in the instrument's order. */
  odi: number[];
  psfs: number[] | null;
}

const ODI_KEYS = ['painIntensity', 'personalCare', 'lifting', 'walking', 'sitting', 'standing', 'sleeping', 'sexLife', 'socialLife', 'travelling'] as const;
const PSFS_ACTIVITIES = ['Running 5 km without stopping', 'Sitting through a work meeting', 'Lifting a toddler from the floor'];

/**
 * The patients with a run-walk plan get a baseline battery and questionnaires at the start of their
 * episode of care and a follow-up about four weeks later (when that day has come), each recorded
 * through the API by the therapist of that day's visit and so linked to its note. Most improve: the
 * Thomas hip angle passes from within measurement error of the cut-off to normal, the hamstrings
 * lengthen, the holds last longer, pain and the ODI fall beyond their minimal important change. The
 * runner whose plan has moved least does not: the hip angle worsens past the cut-off, so the gate
 * holds the week still waiting for review, and pain and the ODI stay where they were.
 */
export async function createDemoReassessments(c: Ctx): Promise<DemoReassessmentResult> {
  const result: DemoReassessmentResult = { reassessments: 0, questionnaires: 0, notImproving: null };
  const stories: { patientId: number; start: string; followUp: string | null; movedSinceFollowUp: number }[] = [];
  for (const patientId of c.runners) {
    const episode = await c.db.selectFrom('episodes').select(['startDate']).where('patientId', '=', patientId).where('dischargedOn', 'is', null).orderBy('startDate', 'desc').executeTakeFirst();
    if (!episode) continue;
    const followUp = await followUpDate(c, patientId, episode.startDate);
    // How often the plan stepped up after the follow-up: a finding that holds must not contradict a progression.
    const weeks = await c.db
      .selectFrom('planWeeks as w')
      .innerJoin('runPlans as p', 'p.id', 'w.planId')
      .select(['w.weekStart', 'w.engineDecision', 'w.overrideDecision'])
      .where('p.patientId', '=', patientId)
      .execute();
    const moved = weeks.filter((w) => followUp !== null && addDays(w.weekStart, 6) >= followUp && (w.overrideDecision ?? w.engineDecision) === 'progress').length;
    stories.push({ patientId, start: episode.startDate, followUp, movedSinceFollowUp: moved });
  }
  const withFollowUp = stories.filter((s) => s.followUp !== null);
  const stuck = withFollowUp.length > 1 ? [...withFollowUp].sort((a, b) => a.movedSinceFollowUp - b.movedSinceFollowUp || a.patientId - b.patientId)[0]! : null;
  result.notImproving = stuck?.patientId ?? null;

  for (const [n, s] of stories.entries()) {
    const improving = s.patientId !== result.notImproving;
    const psfs = !improving || n % 2 === 0;
    const [before, after] = improving ? improvingStory(n, psfs) : stuckStory(n);
    await record(c, s.patientId, s.start, before, result);
    if (s.followUp) await record(c, s.patientId, s.followUp, after, result);
  }
  return result;
}

/** The visit nearest four weeks after the episode began (within four days), else that day itself; null while it is still to come. */
async function followUpDate(c: Ctx, patientId: number, start: string): Promise<string | null> {
  const target = addDays(start, 28);
  const notes = await c.db
    .selectFrom('notes')
    .select('dateOfService')
    .where('patientId', '=', patientId)
    .where('status', '!=', 'discarded')
    .where('dateOfService', '>=', addDays(target, -4))
    .where('dateOfService', '<=', addDays(target, 4))
    .execute();
  const nearest = notes.map((x) => x.dateOfService).sort((a, b) => Math.abs(daysBetween(target, a)) - Math.abs(daysBetween(target, b)) || (a < b ? -1 : 1))[0];
  const date = nearest ?? target;
  return date <= c.today ? date : null;
}

function improvingStory(n: number, psfs: boolean): [Reading, Reading] {
  const v = n % 3;
  return [
    // Hip angle within the goniometer's 5° error of the cut-off: reported, not a gate (the plan progressed).
    { hip: 4 + (v % 2), knee: 61 + v, slr: [66 + v, 70 - v], flexor: 42 + 5 * v, extensor: 58 + 6 * v, bridge: [31 + v, 27 + v], nprs: 5 + (v % 2), odi: [2, 1, 2, 2, 2, 2, 2, 1, 1, 1], psfs: psfs ? [3, 4, 5] : null },
    { hip: -3 - v, knee: 72 + v, slr: [76 + v, 79 - v], flexor: 66 + 5 * v, extensor: 92 + 6 * v, bridge: [49 + v, 46 + v], nprs: 2 - (v % 2), odi: [1, 0, 2, 1, 1, 1, 1, 0, 1, 0], psfs: psfs ? [7, 7, 8] : null },
  ];
}

function stuckStory(n: number): [Reading, Reading] {
  const v = n % 2;
  return [
    { hip: 4, knee: 62 + v, slr: [62, 64], flexor: 40, extensor: 55, bridge: [28, 25], nprs: 5, odi: [2, 1, 2, 2, 2, 2, 2, 1, 2, 1], psfs: [3, 4, 4] },
    // Worse by the 5° detectable change and now past the cut-off beyond the goniometer's error: the gate holds.
    { hip: 10, knee: 61 + v, slr: [61, 64], flexor: 43, extensor: 57, bridge: [29, 24], nprs: 5, odi: [2, 1, 2, 2, 2, 2, 2, 1, 1, 1], psfs: [3, 4, 5] },
  ];
}

async function record(c: Ctx, patientId: number, date: string, r: Reading, result: DemoReassessmentResult): Promise<void> {
  // Recorded by the therapist of that day's visit note (the evaluating therapist when there is none).
  const note =
    (await c.db.selectFrom('notes').select('authorId').where('patientId', '=', patientId).where('dateOfService', '=', date).where('status', '!=', 'discarded').executeTakeFirst()) ??
    (await c.db.selectFrom('notes').select('authorId').where('patientId', '=', patientId).where('noteType', '=', 'initial_evaluation').orderBy('dateOfService', 'desc').executeTakeFirst());
  const session = note ? c.sessions.get(note.authorId) : undefined;
  if (!session) return;
  await c.setNow(new Date(localToInstant(date, 17 * 60 + 30, c.timeZone)));
  const call = <T>(channel: string, input: unknown, what: string) => must<T>(c.dispatch({ channel, input, sessionToken: session, transport: 'cli' }), what);
  const sided = (code: MeasureEntry['code'], [left, right]: [number, number], device: MeasureEntry['device']): MeasureEntry[] => [
    { code, side: 'left', value: left, device },
    { code, side: 'right', value: right, device },
  ];
  const measures: MeasureEntry[] = [
    ...sided('thomas_hip_angle', [r.hip, r.hip - 2], 'goniometer'),
    ...sided('thomas_knee_angle', [r.knee, r.knee + 3], 'goniometer'),
    ...sided('slr', r.slr, 'inclinometer'),
    { code: 'prone_instability', side: 'none', value: 'negative', device: 'visual' },
    { code: 'mcgill_flexor', side: 'none', value: r.flexor, device: 'stopwatch' },
    { code: 'biering_sorensen', side: 'none', value: r.extensor, device: 'stopwatch' },
    ...sided('side_bridge', r.bridge, 'stopwatch'),
  ];
  await call('reassessments.record', { patientId, assessedOn: date, measures }, 'reassessment');
  result.reassessments++;
  const forms: OutcomeAnswersInput[] = [
    { instrument: 'nprs', answers: { score: r.nprs } },
    { instrument: 'odi', answers: { sections: Object.fromEntries(ODI_KEYS.map((k, i) => [k, r.odi[i]!])) } },
    ...(r.psfs ? [{ instrument: 'psfs' as const, answers: { activities: r.psfs.map((score, i) => ({ name: PSFS_ACTIVITIES[i]!, score })) } }] : []),
  ];
  for (const form of forms) {
    await call('outcomes.record', { patientId, completedOn: date, form }, `${form.instrument} questionnaire`);
    result.questionnaires++;
  }
}
