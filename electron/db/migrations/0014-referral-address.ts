import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/**
 * Where the referring physician is reached (issue #13, point 7): a progress report addressed to the
 * physician is a letter, so the episode keeps the practice's postal address next to the name and NPI,
 * and the phone and fax a clinic uses to send a report or ask a question.
 *
 * All optional: a self-referred episode has none, and a referral typed in before this migration keeps
 * working. The API takes the address whole or not at all (street, city and postal code together);
 * here only the shapes are held.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'referral-address',
  async up(db: Kysely<unknown>) {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};

const text = (column: string, max: number) => `alter table episodes add column ${column} text check (${column} is null or length(${column}) between 1 and ${max})`;

const STATEMENTS = [
  text('referral_address_line1', 120),
  text('referral_address_line2', 120),
  text('referral_city', 80),
  text('referral_region', 80),
  text('referral_postal_code', 20),
  text('referral_phone', 40),
  text('referral_fax', 40),
];
