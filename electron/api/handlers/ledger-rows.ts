import type { Kysely } from 'kysely';
import { ledgerState, planSettlement, type LedgerState } from '../../../shared/billing/ledger';
import type { Account, Balance } from '../../../shared/billing/ledger-schemas';
import { billedSchema } from '../../../shared/charting/billing-lines';
import { NOTE_TYPE_LABELS } from '../../../shared/charting/note-content';
import { CURRENCY_BY_COUNTRY, formatMoney } from '../../../shared/format/money';
import { ApiError } from '../../../shared/api/errors';
import { compiledQuery } from '../../db/compiled-query';
import type { DB } from '../../db/schema';
import { chartingContext, userNames, type ChartingContext } from './charting-context';

/** What ledger handlers need from the clinic: today and dates in its words, and money in its currency. */
export interface LedgerContext extends ChartingContext {
  currency: string;
  money: (cents: number) => string;
}

export async function ledgerContext(db: Kysely<DB>, now: Date): Promise<LedgerContext> {
  const cx = await chartingContext(db, now);
  const clinic = await db.selectFrom('clinic').select('country').executeTakeFirst();
  const currency = CURRENCY_BY_COUNTRY[clinic?.country ?? 'US'];
  return { ...cx, currency, money: (c) => formatMoney(c, cx.locale, currency) };
}

const patientMrn = compiledQuery((db: Kysely<DB>, id: number) => db.selectFrom('patients').select(['id', 'mrn']).where('id', '=', id));

export async function patientOrThrow(db: Kysely<DB>, id: number) {
  const [row] = await patientMrn(db, id);
  if (!row) throw new ApiError('NOT_FOUND', `There is no patient with id ${id}.`);
  return row;
}

/** The fee in force for a code on a date: the latest effective date on or before it, the newest entry of that date. */
export async function feeOn(db: Kysely<DB>, code: string, date: string): Promise<number | null> {
  const row = await db.selectFrom('feeSchedule').select('feeCents').where('code', '=', code).where('effectiveFrom', '<=', date).orderBy('effectiveFrom', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return row?.feeCents ?? null;
}

/** Every row of a patient's ledger, with which of them are void. */
export async function loadLedger(db: Kysely<DB>, patientId: number) {
  const charges = await db.selectFrom('charges').selectAll().where('patientId', '=', patientId).orderBy('dateOfService').orderBy('id').execute();
  const payments = await db.selectFrom('payments').selectAll().where('patientId', '=', patientId).orderBy('receivedOn').orderBy('id').execute();
  const applications = await db
    .selectFrom('paymentApplications')
    .innerJoin('payments', 'payments.id', 'paymentApplications.paymentId')
    .select(['paymentApplications.paymentId', 'paymentApplications.chargeId', 'paymentApplications.amountCents'])
    .where('payments.patientId', '=', patientId)
    .orderBy('paymentApplications.id')
    .execute();
  const refunds = await db
    .selectFrom('refunds')
    .innerJoin('payments', 'payments.id', 'refunds.paymentId')
    .selectAll('refunds')
    .where('payments.patientId', '=', patientId)
    .orderBy('refunds.id')
    .execute();
  const packages = await db.selectFrom('patientPackages').selectAll().where('patientId', '=', patientId).orderBy('soldOn').orderBy('id').execute();
  const ids = { charge: charges.map((c) => c.id), payment: payments.map((p) => p.id), refund: refunds.map((r) => r.id) };
  const voidRows = [];
  for (const entity of ['charge', 'payment', 'refund'] as const) {
    if (ids[entity].length) voidRows.push(...(await db.selectFrom('ledgerVoids').selectAll().where('entity', '=', entity).where('entityId', 'in', ids[entity]).execute()));
  }
  const voids = new Map(voidRows.map((v) => [`${v.entity}:${v.entityId}`, v]));
  const voidOf = (entity: keyof typeof ids, id: number) => voids.get(`${entity}:${id}`) ?? null;
  const state = ledgerState({
    charges: charges.map((c) => ({ id: c.id, dateOfService: c.dateOfService, amountCents: c.amountCents, voided: voidOf('charge', c.id) !== null })),
    payments: payments.map((p) => ({ id: p.id, receivedOn: p.receivedOn, amountCents: p.amountCents, voided: voidOf('payment', p.id) !== null })),
    applications,
    refunds: refunds.map((r) => ({ id: r.id, paymentId: r.paymentId, amountCents: r.amountCents, voided: voidOf('refund', r.id) !== null })),
  });
  // A package is void when its sale is; its visits used are its live package payments.
  const packageState = packages.map((p) => {
    const sale = charges.find((c) => c.source === 'package' && c.patientPackageId === p.id);
    const voided = sale ? voidOf('charge', sale.id) !== null : false;
    const used = payments.filter((x) => x.patientPackageId === p.id && voidOf('payment', x.id) === null).length;
    return { row: p, voided, used, left: voided ? 0 : Math.max(0, p.visits - used) };
  });
  return { charges, payments, applications, refunds, packages: packageState, voidOf, voidRows, state };
}
export type LoadedLedger = Awaited<ReturnType<typeof loadLedger>>;

/**
 * Applies money on account to open charges (oldest payment to oldest charge) so credit never sits
 * beside a debt; returns the rows written. Runs after every change that frees money or adds a debt.
 */
export async function settle(db: Kysely<DB>, state: LedgerState, userId: number, now: string): Promise<number> {
  const rows = planSettlement(state);
  if (rows.length) await db.insertInto('paymentApplications').values(rows.map((r) => ({ ...r, createdBy: userId, createdAt: now }))).execute();
  return rows.length;
}

export function balanceOf(ledger: LoadedLedger, currency: string): Balance {
  const { owingCents, creditCents, balanceCents } = ledger.state;
  return { currency, owingCents, creditCents, balanceCents, packageVisitsLeft: ledger.packages.reduce((s, p) => s + p.left, 0) };
}

/** Signed notes of the patient with billed lines and no live charge. */
async function unchargedNotes(db: Kysely<DB>, patientId: number, ledger: LoadedLedger) {
  const charged = new Set(ledger.charges.filter((c) => c.noteId !== null && ledger.voidOf('charge', c.id) === null).map((c) => c.noteId));
  const notes = await db
    .selectFrom('notes')
    .select(['id', 'dateOfService', 'noteType', 'billedJson', 'signedByName'])
    .where('patientId', '=', patientId)
    .where('status', '=', 'signed')
    .orderBy('dateOfService')
    .orderBy('id')
    .execute();
  return notes
    .filter((n) => !charged.has(n.id))
    .map((n) => ({ n, billed: billedSchema.safeParse(JSON.parse(n.billedJson ?? 'null')) }))
    .filter(({ billed }) => billed.success && billed.data.lines.length > 0)
    .map(({ n, billed }) => ({
      noteId: n.id,
      dateOfService: n.dateOfService,
      noteType: NOTE_TYPE_LABELS[n.noteType],
      therapistName: n.signedByName ?? '',
      lines: billed.data!.lines.map(({ code, units, modifiers, pointers }) => ({ code, units, modifiers, pointers })),
    }));
}

/** The account as the chart's Billing tab shows it. */
export async function accountOf(db: Kysely<DB>, patientId: number, currency: string, loaded?: LoadedLedger): Promise<Account> {
  const ledger = loaded ?? (await loadLedger(db, patientId));
  const names = await userNames(db, [...ledger.charges.map((c) => c.createdBy), ...ledger.payments.map((p) => p.takenBy), ...ledger.refunds.map((r) => r.createdBy), ...ledger.voidRows.map((v) => v.voidedBy)]);
  const nameOf = (id: number) => names.get(id) ?? 'Unknown user';
  const voidInfo = (entity: 'charge' | 'payment' | 'refund', id: number) => {
    const v = ledger.voidOf(entity, id);
    return v ? { reason: v.reason, byName: nameOf(v.voidedBy), at: v.voidedAt } : null;
  };
  const chargeState = new Map(ledger.state.charges.map((c) => [c.id, c]));
  const paymentState = new Map(ledger.state.payments.map((p) => [p.id, p]));
  const packageNames = new Map(ledger.packages.map((p) => [p.row.id, p.row.name]));
  return {
    patientId,
    ...balanceOf(ledger, currency),
    charges: ledger.charges.map((c) => ({
      id: c.id,
      dateOfService: c.dateOfService,
      source: c.source,
      noteId: c.noteId,
      code: c.code,
      description: c.description,
      modifiers: JSON.parse(c.modifiersJson) as string[],
      pointers: JSON.parse(c.pointersJson) as string[],
      units: c.units,
      amountCents: c.amountCents,
      paidCents: chargeState.get(c.id)?.paidCents ?? 0,
      openCents: chargeState.get(c.id)?.openCents ?? 0,
      createdByName: nameOf(c.createdBy),
      createdAt: c.createdAt,
      voided: voidInfo('charge', c.id),
    })),
    payments: ledger.payments.map((p) => {
      const s = paymentState.get(p.id);
      const live = s !== undefined;
      return {
        id: p.id,
        method: p.method,
        amountCents: p.amountCents,
        receivedOn: p.receivedOn,
        reference: p.reference,
        packageName: p.patientPackageId === null ? null : (packageNames.get(p.patientPackageId) ?? null),
        appliedCents: s?.appliedCents ?? 0,
        refundedCents: s?.refundedCents ?? 0,
        unappliedCents: s?.unappliedCents ?? 0,
        appliedTo: live ? ledger.applications.filter((a) => a.paymentId === p.id && chargeState.has(a.chargeId)).map(({ chargeId, amountCents }) => ({ chargeId, amountCents })) : [],
        refunds: ledger.refunds
          .filter((r) => r.paymentId === p.id)
          .map((r) => ({ id: r.id, amountCents: r.amountCents, refundedOn: r.refundedOn, reason: r.reason, byName: nameOf(r.createdBy), voided: voidInfo('refund', r.id) })),
        takenByName: nameOf(p.takenBy),
        createdAt: p.createdAt,
        voided: voidInfo('payment', p.id),
      };
    }),
    packages: ledger.packages.map((p) => ({ id: p.row.id, name: p.row.name, visits: p.row.visits, used: p.used, left: p.left, priceCents: p.row.priceCents, soldOn: p.row.soldOn, voided: p.voided })),
    unchargedNotes: await unchargedNotes(db, patientId, ledger),
  };
}
