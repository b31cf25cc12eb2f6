import type { Kysely } from 'kysely';
import { PAYMENT_METHOD_LABELS } from '../../../shared/billing/ledger-schemas';
import { patientDisplayName } from '../../../shared/domain/patient';
import type { EndOfDayData, EndOfDayPayment } from '../../../shared/superbill/documents';
import { addDays, localToInstant } from '../../../shared/schedule/clinic-time';
import type { DB } from '../../db/schema';
import { chargeTherapists } from './billing-doc-rows';

const UNAPPLIED = 'Not yet applied (credit on account)';
const NO_THERAPIST = 'No therapist (charged by hand)';

/**
 * A day at the desk: money taken (payments received that day), money given back (refunds that day)
 * and payments voided that day, each signed so the column adds up to the drawer. Package visits
 * drawn down are not money taken and are left out. Each amount is credited to the therapists whose
 * visits it paid for (its applications), the rest to "not yet applied".
 */
export async function loadEndOfDay(db: Kysely<DB>, date: string): Promise<EndOfDayData> {
  const clinic = await db.selectFrom('clinic').selectAll().executeTakeFirstOrThrow();
  const dayStart = localToInstant(date, 0, clinic.timeZone);
  const dayEnd = localToInstant(addDays(date, 1), 0, clinic.timeZone);
  const paymentSelect = db
    .selectFrom('payments as p')
    .innerJoin('patients as pt', 'pt.id', 'p.patientId')
    .innerJoin('users as u', 'u.id', 'p.takenBy')
    .select(['p.id', 'p.method', 'p.amountCents', 'p.reference', 'p.createdAt', 'p.receivedOn', 'pt.legalFirstName', 'pt.legalLastName', 'pt.preferredName', 'pt.mrn', 'u.displayName as takenByName'])
    .where('p.method', '!=', 'package');
  const received = await paymentSelect.where('p.receivedOn', '=', date).orderBy('p.createdAt').orderBy('p.id').execute();
  const refunds = await db
    .selectFrom('refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.paymentId')
    .innerJoin('patients as pt', 'pt.id', 'p.patientId')
    .innerJoin('users as u', 'u.id', 'r.createdBy')
    .select(['r.id', 'r.paymentId', 'r.amountCents', 'r.reason', 'r.createdAt', 'p.method', 'p.reference', 'pt.legalFirstName', 'pt.legalLastName', 'pt.preferredName', 'pt.mrn', 'u.displayName as byName'])
    .where('r.refundedOn', '=', date)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('ledgerVoids as v').select('v.id').where('v.entity', '=', 'refund').whereRef('v.entityId', '=', 'r.id'))))
    .execute();
  const voids = await db
    .selectFrom('ledgerVoids as v')
    .innerJoin('users as u', 'u.id', 'v.voidedBy')
    .select(['v.entityId', 'v.reason', 'v.voidedAt', 'u.displayName as byName'])
    .where('v.entity', '=', 'payment')
    .where('v.voidedAt', '>=', dayStart)
    .where('v.voidedAt', '<', dayEnd)
    .execute();
  const voidedPayments = voids.length ? await paymentSelect.where('p.id', 'in', voids.map((v) => v.entityId)).execute() : [];

  const name = (r: { legalFirstName: string; legalLastName: string }) => patientDisplayName({ ...r, preferredName: null });
  const entries: (EndOfDayPayment & { paymentId: number })[] = [
    ...received.map((p) => ({ id: p.id, paymentId: p.id, receivedAt: p.createdAt, patientName: name(p), mrn: p.mrn, methodLabel: PAYMENT_METHOD_LABELS[p.method], reference: p.reference, amountCents: p.amountCents, receivedBy: p.takenByName, kind: 'payment' as const, reason: null })),
    ...refunds.map((r) => ({ id: r.paymentId, paymentId: r.paymentId, receivedAt: r.createdAt, patientName: name(r), mrn: r.mrn, methodLabel: PAYMENT_METHOD_LABELS[r.method], reference: r.reference, amountCents: -r.amountCents, receivedBy: r.byName, kind: 'refund' as const, reason: r.reason })),
    ...voids.flatMap((v) => {
      const p = voidedPayments.find((x) => x.id === v.entityId);
      return p ? [{ id: p.id, paymentId: p.id, receivedAt: v.voidedAt, patientName: name(p), mrn: p.mrn, methodLabel: PAYMENT_METHOD_LABELS[p.method], reference: p.reference, amountCents: -p.amountCents, receivedBy: v.byName, kind: 'void' as const, reason: v.reason }] : [];
    }),
  ].sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.id - b.id));

  const byMethod = new Map<string, { label: string; count: number; amountCents: number }>();
  for (const e of entries) {
    const m = byMethod.get(e.methodLabel) ?? { label: e.methodLabel, count: 0, amountCents: 0 };
    m.count += 1;
    m.amountCents += e.amountCents;
    byMethod.set(e.methodLabel, m);
  }

  // By therapist: the payment's applications (live ones, and those of a payment voided today, as they stood) over the visits they paid.
  const paymentIds = [...new Set(entries.map((e) => e.paymentId))];
  const applications = paymentIds.length ? await db.selectFrom('paymentApplications').select(['paymentId', 'chargeId', 'amountCents']).where('paymentId', 'in', paymentIds).execute() : [];
  const liveCharges = new Set(
    applications.length
      ? (
          await db
            .selectFrom('charges as c')
            .select(['c.id', 'c.source'])
            .where('c.id', 'in', applications.map((a) => a.chargeId))
            .where((eb) => eb.not(eb.exists(eb.selectFrom('ledgerVoids as v').select('v.id').where('v.entity', '=', 'charge').whereRef('v.entityId', '=', 'c.id'))))
            .execute()
        ).map((c) => c.id)
      : [],
  );
  const therapistOf = await chargeTherapists(db, [...liveCharges]);
  const packageSales = new Set(applications.length ? (await db.selectFrom('charges').select('id').where('source', '=', 'package').where('id', 'in', applications.map((a) => a.chargeId)).execute()).map((c) => c.id) : []);
  const byTherapist = new Map<string, number>();
  const credit = (who: string, cents: number) => byTherapist.set(who, (byTherapist.get(who) ?? 0) + cents);
  for (const e of entries) {
    if (e.kind === 'refund') {
      // A refund gives back money that was on account, never money applied to a visit.
      credit(UNAPPLIED, e.amountCents);
      continue;
    }
    const sign = e.kind === 'void' ? -1 : 1;
    let left = Math.abs(e.amountCents);
    for (const a of applications.filter((x) => x.paymentId === e.paymentId && liveCharges.has(x.chargeId))) {
      const who = packageSales.has(a.chargeId) ? 'Package sales' : (therapistOf.get(a.chargeId)?.name ?? NO_THERAPIST);
      credit(who, sign * a.amountCents);
      left -= a.amountCents;
    }
    if (left !== 0) credit(UNAPPLIED, sign * left);
  }
  const order = (n: string) => (n === UNAPPLIED ? 2 : n === NO_THERAPIST || n === 'Package sales' ? 1 : 0);
  return {
    clinic,
    date,
    entries: entries.map(({ paymentId: _p, ...e }) => e),
    byMethod: [...byMethod.values()].sort((a, b) => a.label.localeCompare(b.label)),
    byTherapist: [...byTherapist].filter(([, cents]) => cents !== 0).map(([n, amountCents]) => ({ name: n, amountCents })).sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name)),
    totalCents: entries.reduce((s, e) => s + e.amountCents, 0),
  };
}
