import type { Kysely } from 'kysely';
import type { ProgramVersion, ProgramSuggestionView } from '../../shared/api/programs';
import { addDays } from '../../shared/clinical/calendar';
import { getSeededExercise } from '../../shared/clinical/library';
import type { ProgramItemInput } from '../../shared/program/program-item';
import { localToInstant } from '../../shared/schedule/clinic-time';
import type { Dispatch } from '../api/dispatcher';
import type { DB } from '../db/schema';
import { must } from './demo-api';

interface Ctx {
  dispatch: Dispatch;
  db: Kysely<DB>;
  setNow(date: Date): Promise<void>;
  /** A session per therapist id. */
  sessions: Map<number, string>;
  today: string;
  timeZone: string;
  /** The runner whose findings did not improve (its program waits for the pending review). */
  notImproving: number | null;
}

/** The standard exercises a runner with low back pain starts with, three sets taken in turn. */
const STANDARD: readonly (readonly string[])[] = [
  ['glute-bridge', 'open-book', 'calf-raise'],
  ['side-bridge-knees', 'cat-camel', 'clamshell'],
  ['bird-dog', 'hip-hinge-dowel', 'single-leg-balance'],
];

const standard = (key: string): ProgramItemInput => ({ exerciseKey: key, dosage: getSeededExercise(key).dosage, instructions: null, reason: null });
const suggested = (s: ProgramSuggestionView): ProgramItemInput => ({ exerciseKey: s.exerciseKey, dosage: s.dosage, instructions: null, reason: s.reason });
const asInput = (v: ProgramVersion): ProgramItemInput[] => v.items.map((i) => ({ exerciseKey: i.exerciseKey, dosage: i.dosage, instructions: i.instructions, reason: i.reason }));

/**
 * Every patient with a run-walk plan gets a home program through the API: version 1 on the day the
 * plan and the baseline battery are both in (what the mobility gates suggest then, and a standard set),
 * saved by the therapist who evaluated them. Those reassessed about four weeks later get version 2 that
 * day: the suggestions of the follow-up added and the first standard exercise swapped for its harder
 * version. The runner who did not improve instead got a lighter dose two weeks in; the hip-flexor
 * stretch the follow-up now calls for waits for the therapist at the pending review.
 */
export async function createDemoPrograms(c: Ctx): Promise<{ programs: number; versions: number }> {
  const plans = await c.db.selectFrom('runPlans').select(['patientId', 'startDate']).orderBy('patientId').execute();
  let programs = 0;
  let versions = 0;
  for (const [n, plan] of plans.entries()) {
    const evaluation = await c.db.selectFrom('notes').select('authorId').where('patientId', '=', plan.patientId).where('noteType', '=', 'initial_evaluation').orderBy('dateOfService', 'desc').executeTakeFirst();
    const session = evaluation ? c.sessions.get(evaluation.authorId) : [...c.sessions.values()][0];
    if (!session) continue;
    const assessed = await c.db.selectFrom('reassessments').select('assessedOn').where('patientId', '=', plan.patientId).where('replacesId', 'is', null).orderBy('assessedOn').execute();
    const baseline = assessed[0]?.assessedOn ?? plan.startDate;
    const first = baseline > plan.startDate ? baseline : plan.startDate;
    if (first >= c.today) continue;
    const call = <T>(channel: string, input: unknown, what: string) => must<T>(c.dispatch({ channel, input, sessionToken: session, transport: 'cli' }), what);
    const at = (date: string, minute: number) => c.setNow(new Date(localToInstant(date, minute, c.timeZone)));
    const suggestionsOn = async (date: string) => {
      await at(date, 18 * 60);
      return (await call<{ suggestions: ProgramSuggestionView[] }>('programs.suggestions', { patientId: plan.patientId }, 'program suggestions')).suggestions.filter((s) => !s.archived);
    };
    const save = (expectedVersion: number, items: ProgramItemInput[], comment: string | null) =>
      call<{ current: ProgramVersion }>('programs.save', { patientId: plan.patientId, expectedVersion, items, comment }, 'home program');

    const set = STANDARD[n % STANDARD.length]!;
    const fromGates = (await suggestionsOn(first)).map(suggested);
    const v1 = await save(0, [...fromGates, ...set.filter((k) => !fromGates.some((s) => s.exerciseKey === k)).map(standard)], 'Home program at the start of the run-walk plan');
    programs++;
    versions++;

    const followUp = assessed.length > 1 ? assessed.at(-1)!.assessedOn : null;
    if (plan.patientId === c.notImproving) {
      const lighter = addDays(first, 14);
      if (lighter >= c.today) continue;
      await at(lighter, 18 * 60 + 10);
      const items = asInput(v1.current).map((i) => (i.dosage.kind === 'reps' ? { ...i, dosage: { ...i.dosage, sets: 1 } } : i));
      await save(1, items, 'One set each while the back settles');
      versions++;
    } else if (followUp && followUp > first && followUp < c.today) {
      const items = asInput(v1.current);
      for (const s of await suggestionsOn(followUp)) if (!items.some((i) => i.exerciseKey === s.exerciseKey)) items.push(suggested(s));
      const harder = getSeededExercise(set[0]!).harder.find((k) => !items.some((i) => i.exerciseKey === k));
      const at0 = items.findIndex((i) => i.exerciseKey === set[0]);
      if (harder && at0 >= 0) items[at0] = { ...standard(harder), reason: `Progressed from ${getSeededExercise(set[0]!).title.toLowerCase()}` };
      await save(1, items, 'After the four-week reassessment');
      versions++;
    }
  }
  return { programs, versions };
}
