import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { formatMrn } from '../../../shared/domain/identifiers';
import { postalCodeProblem } from '../../../shared/domain/postal';
import type { Patient, PatientFields } from '../../../shared/domain/patient';
import type { Country } from '../../../shared/domain/locale';
import { todayIn } from '../../../shared/util/dates';
import { digitsOnly, foldForSearch } from '../../../shared/util/text';
import { compiledQuery } from '../../db/compiled-query';
import type { DB, PatientsTable } from '../../db/schema';
import { clinicSettings } from '../clinic-settings';
import { defineHandlers } from '../handler';
import { listPatients } from './patient-list';

/** The row's search keys, which the record does not show. */
const SEARCH_COLUMNS: ReadonlySet<string> = new Set<keyof PatientsTable>(['firstNameKey', 'lastNameKey', 'phoneDigits']);

export function toPatient(row: Selectable<PatientsTable>): Patient {
  // A loop, not `{ a, b, ...rest } = row`: V8 copies a rest of ~40 columns several times slower, and every chart opened makes one.
  const record: Record<string, unknown> = {};
  for (const key in row) if (!SEARCH_COLUMNS.has(key)) record[key] = row[key as keyof typeof row];
  record.medicareBeneficiary = row.medicareBeneficiary === 1;
  // The compiler still checks that the row's other columns are what a Patient holds.
  return record as unknown as Omit<Selectable<PatientsTable>, 'firstNameKey' | 'lastNameKey' | 'phoneDigits' | 'medicareBeneficiary' | 'referralSource'> & Pick<Patient, 'medicareBeneficiary' | 'referralSource'>;
}

/** A patient's record: every chart opened reads it, compiled once. */
const patientRecord = compiledQuery((db: Kysely<DB>, id: number) => db.selectFrom('patients').selectAll().where('id', '=', id));

async function patientOrThrow(db: Kysely<DB>, id: number) {
  const [row] = await patientRecord(db, id);
  if (!row) throw new ApiError('NOT_FOUND', `There is no patient with id ${id}.`);
  return row;
}

/** Rules that need the clinic: a date of birth cannot be after today there; a postal code is one of its country's. */
export function clinicProblem(fields: PatientFields, clinic: { country: Country }, today: string): { field: keyof PatientFields; message: string } | null {
  const postal = postalCodeProblem(fields.postalCode, clinic.country);
  if (postal) return { field: 'postalCode', message: postal };
  if (fields.dateOfBirth > today) return { field: 'dateOfBirth', message: 'Date of birth is in the future' };
  if (fields.dateOfBirth < '1900-01-01') return { field: 'dateOfBirth', message: 'Date of birth is before 1900' };
  return null;
}

async function checkDates(db: Kysely<DB>, fields: PatientFields, now: Date) {
  const clinic = await db.selectFrom('clinic').select(['timeZone', 'country']).executeTakeFirstOrThrow();
  const problem = clinicProblem(fields, clinic, todayIn(clinic.timeZone, now));
  if (problem) throw new ApiError('VALIDATION', problem.message, { fields: { [problem.field]: problem.message } });
}

/** What a new patient's row holds besides the fields: the folded names and phone digits search uses. */
export function columns(fields: PatientFields) {
  return {
    ...fields,
    firstNameKey: foldForSearch(fields.legalFirstName),
    lastNameKey: foldForSearch(fields.legalLastName),
    phoneDigits: fields.phone ? digitsOnly(fields.phone) : null,
    medicareBeneficiary: fields.medicareBeneficiary ? 1 : 0,
  };
}

export const patientHandlers = defineHandlers({
  async 'patients.list'(input, ctx) {
    // The session lookup has read the clinic's settings already (clinic-settings.ts): no statement of its own.
    const clinic = await clinicSettings(ctx.db);
    const { total, capped, rows } = await listPatients(ctx.db, { ...input, dateOrder: clinic?.dateOrder ?? 'MDY' });
    // A new search is a look into the patient index: record it (not every scrolled page).
    if (input.offset === 0 && input.query.trim() !== '') ctx.audit({ action: 'patients.search', entity: 'patient', detail: `search "${input.query.trim()}"` });
    return { total, capped, rows };
  },

  async 'patients.get'({ id }, ctx) {
    const row = await patientOrThrow(ctx.db, id);
    ctx.audit({ entity: 'patient', entityId: id, detail: 'record opened' });
    return toPatient(row);
  },

  async 'patients.create'({ confirmDuplicate, ...fields }, ctx) {
    await checkDates(ctx.db, fields, ctx.now);
    const cols = columns(fields);
    if (!confirmDuplicate) {
      const twin = await ctx.db
        .selectFrom('patients')
        .select(['id', 'mrn'])
        .where('lastNameKey', '=', cols.lastNameKey)
        .where('firstNameKey', '=', cols.firstNameKey)
        .where('dateOfBirth', '=', fields.dateOfBirth)
        .executeTakeFirst();
      if (twin) {
        throw new ApiError('CONFLICT', `A patient with this name and date of birth already exists (MRN ${twin.mrn}). Check it is not the same person, then confirm to create another.`, {
          fields: { _duplicate: twin.mrn, _duplicateId: String(twin.id) },
        });
      }
    }
    const counter = await ctx.db
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', 'mrn')
      .returning('value')
      .executeTakeFirstOrThrow();
    const now = ctx.now.toISOString();
    const row = await ctx.db
      .insertInto('patients')
      .values({ ...cols, mrn: formatMrn(counter.value), archivedAt: null, createdAt: now, updatedAt: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'patient', entityId: row.id, detail: `registered ${row.mrn}` });
    return toPatient(row);
  },

  async 'patients.update'({ id, expectedUpdatedAt, patient }, ctx) {
    const before = await patientOrThrow(ctx.db, id);
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== before.updatedAt) {
      throw new ApiError('CONFLICT', 'Someone else changed this patient while you were editing. Reload to see their changes, then edit again.');
    }
    await checkDates(ctx.db, patient, ctx.now);
    const cols = columns(patient);
    const changed = (Object.keys(patient) as (keyof PatientFields)[]).filter((k) => {
      if (patient[k] === undefined) return false;
      const old = k === 'medicareBeneficiary' ? before.medicareBeneficiary === 1 : before[k];
      return old !== patient[k];
    });
    // Same millisecond as the last write still counts as a new version for optimistic locking.
    const stamp = ctx.now.toISOString() > before.updatedAt ? ctx.now.toISOString() : new Date(Date.parse(before.updatedAt) + 1).toISOString();
    const row = await ctx.db
      .updateTable('patients')
      .set({ ...cols, updatedAt: stamp })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'patient', entityId: id, detail: changed.length ? `changed ${changed.join(', ')}` : 'saved without changes' });
    return toPatient(row);
  },

  async 'patients.setArchived'({ id, archived }, ctx) {
    const before = await patientOrThrow(ctx.db, id);
    const row = await ctx.db
      .updateTable('patients')
      .set({ archivedAt: archived ? (before.archivedAt ?? ctx.now.toISOString()) : null, updatedAt: ctx.now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'patient', entityId: id, detail: archived ? 'archived' : 'unarchived' });
    return toPatient(row);
  },
});
