import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * The red-flag screen (issue #10): one record per time the screen was asked — at plan start, at a
 * weekly check-in, or in a visit note — with the date, who asked, each answer yes or no, the
 * therapist's acknowledgement of an urgent alert, and corrections (a new screen that replaces an
 * earlier one; both are kept). The weekly check-in's four running symptoms, stored until now as a
 * comma-separated list on the plan week, are carried over as check-in screens that asked only
 * those four, and the old column goes.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'red-flag-screens',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
    await carryOverCheckIns(db);
    await sql.raw('alter table plan_weeks drop column red_flags').execute(db);
  },
};

const STATEMENTS = [
  `create table red_flag_screens (
    id integer primary key,
    patient_id integer not null references patients(id),
    context text not null check (context in ('plan-start', 'check-in', 'visit-note')),
    plan_id integer references run_plans(id),
    plan_week_id integer references plan_weeks(id),
    -- The visit note it belongs to (the notes table comes with charting, which may add the reference).
    note_id integer,
    asked_on text not null,
    -- Null only for check-ins carried over from before this migration (who asked was not recorded).
    asked_by integer references users(id),
    recorded_at text not null,
    note text,
    replaces_id integer references red_flag_screens(id),
    acknowledged_by integer references users(id),
    acknowledged_at text,
    check ((context = 'check-in') = (plan_week_id is not null)),
    check (context <> 'visit-note' or note_id is not null),
    check ((acknowledged_by is null) = (acknowledged_at is null))
  )`,
  `create index red_flag_screens_patient on red_flag_screens(patient_id, asked_on)`,
  `create index red_flag_screens_week on red_flag_screens(plan_week_id) where plan_week_id is not null`,
  // A screen is corrected at most once; a later correction replaces the correction.
  `create unique index red_flag_screens_replaces on red_flag_screens(replaces_id) where replaces_id is not null`,
  `create table red_flag_answers (
    screen_id integer not null references red_flag_screens(id),
    flag text not null,
    answer text not null check (answer in ('yes', 'no')),
    physician_assessed integer not null default 0 check (physician_assessed in (0, 1)),
    primary key (screen_id, flag),
    check (physician_assessed = 0 or answer = 'yes')
  )`,
];

const LEGACY_FLAGS = ['restOrNightPain', 'newLegSymptoms', 'swelling', 'limp'] as const;

/** Rows come back camelCased (the connection's CamelCasePlugin also maps raw queries' results). */
interface LegacyWeek {
  id: number;
  planId: number;
  patientId: number;
  weekStart: string;
  redFlags: string;
  decidedAt: string | null;
}

/** Each check-in that recorded a running symptom becomes a screen of the four questions it asked. */
async function carryOverCheckIns(db: Kysely<unknown>) {
  const weeks = (
    await sql<LegacyWeek>`select w.id, w.plan_id, p.patient_id, w.week_start, w.red_flags, w.decided_at
      from plan_weeks w join run_plans p on p.id = w.plan_id where w.red_flags <> '' order by w.id`.execute(db)
  ).rows;
  for (const w of weeks) {
    const ticked = w.redFlags.split(',');
    const recordedAt = w.decidedAt ?? `${w.weekStart}T12:00:00.000Z`;
    const inserted = await sql<{ id: number }>`insert into red_flag_screens (patient_id, context, plan_id, plan_week_id, asked_on, recorded_at, note)
      values (${w.patientId}, 'check-in', ${w.planId}, ${w.id}, ${w.weekStart}, ${recordedAt},
        'Carried over from the weekly check-in before the full screen: only the four running symptoms were asked.') returning id`.execute(db);
    const screenId = inserted.rows[0]!.id;
    for (const flag of LEGACY_FLAGS)
      await sql`insert into red_flag_answers (screen_id, flag, answer) values (${screenId}, ${flag}, ${ticked.includes(flag) ? 'yes' : 'no'})`.execute(db);
  }
}
