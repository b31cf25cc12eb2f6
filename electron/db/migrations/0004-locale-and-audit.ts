import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * The clinic's locale setting (country for postal codes, date order, 12/24-hour clock, first day of
 * the week; existing clinics keep what they showed before: US, month first, 12-hour, Monday) and
 * the indexes the admin's audit-log viewer filters by (who, what, when; the record one exists).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'locale-and-audit',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const STATEMENTS = [
  `alter table clinic add column country text not null default 'US'`,
  `alter table clinic add column date_order text not null default 'MDY' check (date_order in ('MDY', 'DMY', 'YMD'))`,
  `alter table clinic add column time_format text not null default '12h' check (time_format in ('12h', '24h'))`,
  `alter table clinic add column week_starts_on text not null default 'monday' check (week_starts_on in ('monday', 'sunday', 'saturday'))`,
  `create index audit_log_user on audit_log(user_id, id)`,
  `create index audit_log_action on audit_log(action, id)`,
  `create index audit_log_at on audit_log(at)`,
];
