import type { Kysely } from 'kysely';
import { episodeSnapshotSchema } from '../../../shared/charting/note';
import { diagnosisSchema } from '../../../shared/charting/episode';
import { ApiError } from '../../../shared/api/errors';
import { patientDisplayName, SEX_LABELS } from '../../../shared/domain/patient';
import { unifyDiagnoses, type LetteredDiagnosis } from '../../../shared/superbill/assemble';
import { OFFICE_PLACE_OF_SERVICE, type SuperbillData } from '../../../shared/superbill/superbill';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { loadLedger } from './ledger-rows';

const stringList = z.array(z.string());
const parseList = (json: string) => stringList.parse(JSON.parse(json));

/**
 * Who rendered each charge: the therapist who signed its note (or wrote it), else the therapist of
 * its appointment. A charge made by hand with neither has no rendering therapist.
 */
export async function chargeTherapists(db: Kysely<DB>, chargeIds: readonly number[]): Promise<Map<number, { id: number; name: string } | null>> {
  const out = new Map<number, { id: number; name: string } | null>();
  if (!chargeIds.length) return out;
  const rows = await db
    .selectFrom('charges as c')
    .leftJoin('notes as n', 'n.id', 'c.noteId')
    .leftJoin('appointments as a', 'a.id', 'c.appointmentId')
    .select(['c.id', 'n.signedBy', 'n.authorId', 'a.therapistId'])
    .where('c.id', 'in', chargeIds)
    .execute();
  const userIds = [...new Set(rows.map((r) => r.signedBy ?? r.authorId ?? r.therapistId).filter((x): x is number => x !== null))];
  const users = userIds.length ? await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', userIds).execute() : [];
  for (const r of rows) {
    const id = r.signedBy ?? r.authorId ?? r.therapistId;
    const u = users.find((x) => x.id === id);
    out.set(r.id, u ? { id: u.id, name: u.displayName } : null);
  }
  return out;
}

/** The episode's diagnoses on a date: the one open then (started on or before it, not yet discharged). */
async function episodeOn(db: Kysely<DB>, patientId: number, date: string) {
  return db
    .selectFrom('episodes')
    .selectAll()
    .where('patientId', '=', patientId)
    .where('startDate', '<=', date)
    .where((eb) => eb.or([eb('dischargedOn', 'is', null), eb('dischargedOn', '>=', date)]))
    .orderBy('startDate', 'desc')
    .executeTakeFirst();
}

/**
 * Everything a superbill for a patient and date range prints, read from the ledger (live charges
 * for services, what was paid on them), the signed notes' episodes (diagnoses as signed) and the
 * settings (clinic, therapists). Nothing is checked here: superbillProblems() does that.
 */
export async function loadSuperbill(db: Kysely<DB>, patientId: number, from: string, to: string): Promise<{ data: SuperbillData; medicarePartBPrimary: boolean }> {
  const patient = await db.selectFrom('patients').selectAll().where('id', '=', patientId).executeTakeFirst();
  if (!patient) throw new ApiError('NOT_FOUND', `There is no patient with id ${patientId}.`);
  const clinic = await db.selectFrom('clinic').selectAll().executeTakeFirstOrThrow();
  const ledger = await loadLedger(db, patientId);
  const paid = new Map(ledger.state.charges.map((c) => [c.id, c.paidCents]));
  // Services only: a package sale is not a visit (its visits are charged, and paid from it, one by one).
  const charges = ledger.charges.filter((c) => c.source !== 'package' && c.dateOfService >= from && c.dateOfService <= to && ledger.voidOf('charge', c.id) === null);
  const therapistOf = await chargeTherapists(db, charges.map((c) => c.id));
  const noteIds = [...new Set(charges.map((c) => c.noteId).filter((x): x is number => x !== null))];
  const notes = noteIds.length ? await db.selectFrom('notes').select(['id', 'episodeJson', 'episodeId']).where('id', 'in', noteIds).execute() : [];

  let referring: SuperbillData['referring'] = null;
  const perLine: { diagnoses: LetteredDiagnosis[]; pointers: string[] }[] = [];
  for (const c of charges) {
    const note = notes.find((n) => n.id === c.noteId);
    let diagnoses: LetteredDiagnosis[] = [];
    let referral: { type: string; physicianName: string | null; physicianNpi: string | null } | null = null;
    if (note?.episodeJson) {
      const snapshot = episodeSnapshotSchema.parse(JSON.parse(note.episodeJson));
      diagnoses = snapshot.diagnoses;
      referral = snapshot.referral;
    } else {
      const episode = await episodeOn(db, patientId, c.dateOfService);
      if (episode) {
        diagnoses = z.array(diagnosisSchema).parse(JSON.parse(episode.diagnosesJson));
        referral = { type: episode.referralType, physicianName: episode.referralName, physicianNpi: episode.referralNpi };
      }
    }
    if (referral?.type === 'physician' && referral.physicianName) referring = { name: referral.physicianName, npi: referral.physicianNpi };
    perLine.push({ diagnoses, pointers: parseList(c.pointersJson) });
  }
  const { diagnoses, pointers } = unifyDiagnoses(perLine);
  const therapistIds = [...new Set([...therapistOf.values()].filter((t) => t !== null).map((t) => t!.id))];
  const therapists = therapistIds.length ? await db.selectFrom('users').select(['id', 'displayName', 'npi', 'credentials']).where('id', 'in', therapistIds).orderBy('displayName').execute() : [];
  const lines = charges.map((c, i) => ({
    dateOfService: c.dateOfService,
    code: c.code ?? '',
    label: c.description,
    modifiers: parseList(c.modifiersJson),
    pointers: pointers[i]!,
    units: c.units,
    chargeCents: c.amountCents,
    therapistId: therapistOf.get(c.id)?.id ?? null,
    manual: c.source === 'manual',
  }));
  const chargesCents = lines.reduce((a, l) => a + l.chargeCents, 0);
  const paidCents = charges.reduce((a, c) => a + (paid.get(c.id) ?? 0), 0);
  return {
    medicarePartBPrimary: patient.medicareBeneficiary === 1,
    data: {
      from,
      to,
      clinic,
      patient: {
        name: patientDisplayName({ ...patient, preferredName: null }),
        mrn: patient.mrn,
        dateOfBirth: patient.dateOfBirth,
        sex: SEX_LABELS[patient.sex],
        addressLine1: patient.addressLine1,
        addressLine2: patient.addressLine2,
        city: patient.city,
        region: patient.region,
        postalCode: patient.postalCode,
        insurerName: patient.insurerName,
        insurerMemberId: patient.insurerMemberId,
        insurerGroupId: patient.insurerGroupId,
      },
      referring,
      placeOfService: OFFICE_PLACE_OF_SERVICE,
      diagnoses,
      lines,
      therapists: therapists.map((t) => ({ id: t.id, name: t.displayName, npi: t.npi, credentials: t.credentials })),
      totals: { chargesCents, paidCents, balanceCents: chargesCents - paidCents },
    },
  };
}
