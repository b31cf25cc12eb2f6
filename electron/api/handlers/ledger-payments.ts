import { ApiError } from '../../../shared/api/errors';
import { planApplication } from '../../../shared/billing/ledger';
import { PAYMENT_METHOD_LABELS } from '../../../shared/billing/ledger-schemas';
import { defineHandlers } from '../handler';
import { accountOf, ledgerContext, loadLedger, patientOrThrow, settle, type LoadedLedger } from './ledger-rows';

/** The charges a package visit pays: the chosen ones, else the oldest date of service still owing. */
function packageVisitCharges(ledger: LoadedLedger, chosen: readonly number[]) {
  const open = ledger.state.charges.filter((c) => c.openCents > 0 && ledger.charges.find((r) => r.id === c.id)?.source !== 'package');
  if (chosen.length) return open.filter((c) => chosen.includes(c.id));
  const first = open[0];
  return first ? open.filter((c) => c.dateOfService === first.dateOfService) : [];
}

export const ledgerPaymentHandlers = defineHandlers({
  async 'ledger.takePayment'({ patientId, receivedOn, parts, chargeIds }, ctx) {
    await patientOrThrow(ctx.db, patientId);
    const lx = await ledgerContext(ctx.db, ctx.now);
    if (receivedOn > lx.today) throw new ApiError('VALIDATION', 'Date received is in the future', { fields: { receivedOn: 'Date received is in the future' } });
    const ledger0 = await loadLedger(ctx.db, patientId);
    for (const cid of chargeIds) {
      const c = ledger0.state.charges.find((x) => x.id === cid);
      if (!c) throw new ApiError('NOT_FOUND', `There is no open charge with id ${cid} on this patient’s account.`);
    }
    const now = ctx.now.toISOString();
    const paymentIds: number[] = [];
    const said: string[] = [];
    // A package visit pays the visit first; money parts then go to the chosen charges and oldest first.
    const ordered = [...parts.entries()].sort(([, a], [, b]) => Number(b.method === 'package') - Number(a.method === 'package'));
    for (const [i, part] of ordered) {
      const ledger = await loadLedger(ctx.db, patientId);
      let amount = part.amountCents;
      let pay = chargeIds;
      if (part.method === 'package') {
        const pkg = ledger.packages.find((p) => p.row.id === part.packageId);
        if (!pkg) throw new ApiError('VALIDATION', 'Choose one of the patient’s packages', { fields: { [`parts.${i}.packageId`]: 'Choose one of the patient’s packages' } });
        if (pkg.left === 0) throw new ApiError('VALIDATION', `“${pkg.row.name}” has no visits left${pkg.voided ? ' (it was voided)' : ''}`, { fields: { [`parts.${i}.packageId`]: 'No visits left' } });
        const visit = packageVisitCharges(ledger, chargeIds);
        const owed = visit.reduce((s, c) => s + c.openCents, 0);
        if (owed === 0) throw new ApiError('VALIDATION', 'Nothing is owed for a visit: a package pays a visit’s charges once they are made.', { fields: { [`parts.${i}.method`]: 'No visit charges to pay' } });
        amount = owed;
        pay = visit.map((c) => c.id);
      } else if (part.packageId !== undefined) {
        throw new ApiError('VALIDATION', 'Only a package payment names a package', { fields: { [`parts.${i}.packageId`]: 'Only for a package payment' } });
      }
      if (amount === undefined) throw new ApiError('VALIDATION', 'Amount is required', { fields: { [`parts.${i}.amountCents`]: 'Amount is required' } });
      const row = await ctx.db
        .insertInto('payments')
        .values({ patientId, method: part.method, amountCents: amount, receivedOn, reference: part.reference, patientPackageId: part.method === 'package' ? part.packageId! : null, takenBy: ctx.user.id, createdAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const plan = planApplication(ledger.state.charges, amount, pay);
      if (plan.length) await ctx.db.insertInto('paymentApplications').values(plan.map((p) => ({ paymentId: row.id, ...p, createdBy: ctx.user.id, createdAt: now }))).execute();
      paymentIds.push(row.id);
      said.push(`${lx.money(amount)} ${PAYMENT_METHOD_LABELS[part.method].toLowerCase()}${part.reference ? ` (ref ${part.reference})` : ''}`);
    }
    const after = await loadLedger(ctx.db, patientId);
    ctx.audit({
      entity: 'patient',
      entityId: patientId,
      detail: `payment received ${lx.fmt(receivedOn)}: ${said.join(' + ')}; balance ${lx.money(after.state.owingCents)}, credit ${lx.money(after.state.creditCents)}`,
    });
    return { paymentIds: paymentIds.sort((a, b) => a - b), account: await accountOf(ctx.db, patientId, lx.currency, after) };
  },

  async 'ledger.refund'({ paymentId, amountCents, refundedOn, reason }, ctx) {
    const payment = await ctx.db.selectFrom('payments').selectAll().where('id', '=', paymentId).executeTakeFirst();
    if (!payment) throw new ApiError('NOT_FOUND', `There is no payment with id ${paymentId}.`);
    const lx = await ledgerContext(ctx.db, ctx.now);
    if (refundedOn > lx.today) throw new ApiError('VALIDATION', 'Date refunded is in the future', { fields: { refundedOn: 'Date refunded is in the future' } });
    if (payment.method === 'package') throw new ApiError('CONFLICT', 'A package visit is not money paid at the desk: void the package payment to give the visit back.');
    const ledger = await loadLedger(ctx.db, payment.patientId);
    if (ledger.voidOf('payment', paymentId)) throw new ApiError('CONFLICT', 'This payment is void: there is nothing to refund.');
    const state = ledger.state.payments.find((p) => p.id === paymentId)!;
    if (amountCents > state.unappliedCents) {
      const on = state.unappliedCents === 0 ? 'none of it is' : `only ${lx.money(state.unappliedCents)} of it is`;
      throw new ApiError('VALIDATION', `${lx.money(amountCents)} is more than can be refunded: ${on} on account; the rest pays charges (an admin voids a charge to free it).`, {
        fields: { amountCents: `At most ${lx.money(state.unappliedCents)}` },
      });
    }
    await ctx.db.insertInto('refunds').values({ paymentId, amountCents, refundedOn, reason, createdBy: ctx.user.id, createdAt: ctx.now.toISOString() }).execute();
    ctx.audit({ entity: 'patient', entityId: payment.patientId, detail: `refunded ${lx.money(amountCents)} of the ${PAYMENT_METHOD_LABELS[payment.method].toLowerCase()} payment of ${lx.fmt(payment.receivedOn)} on ${lx.fmt(refundedOn)}: ${reason}` });
    return accountOf(ctx.db, payment.patientId, lx.currency);
  },

  async 'ledger.void'({ entity, id, reason }, ctx) {
    const lx = await ledgerContext(ctx.db, ctx.now);
    const patientId = await patientOf(ctx.db, entity, id);
    const ledger = await loadLedger(ctx.db, patientId);
    if (ledger.voidOf(entity, id)) throw new ApiError('CONFLICT', `This ${entity} is already void.`);
    let what: string;
    if (entity === 'charge') {
      const c = ledger.charges.find((x) => x.id === id)!;
      const pkg = c.source === 'package' ? ledger.packages.find((p) => p.row.id === c.patientPackageId) : undefined;
      if (pkg && pkg.used > 0) throw new ApiError('CONFLICT', `${pkg.used} visit${pkg.used === 1 ? '' : 's'} of “${pkg.row.name}” are used: void those package payments first.`);
      what = `charge ${c.code ?? c.description} of ${lx.fmt(c.dateOfService)} (${lx.money(c.amountCents)})`;
    } else if (entity === 'payment') {
      const p = ledger.payments.find((x) => x.id === id)!;
      const refunded = ledger.refunds.filter((r) => r.paymentId === id && !ledger.voidOf('refund', r.id));
      if (refunded.length) throw new ApiError('CONFLICT', `${lx.money(refunded.reduce((s, r) => s + r.amountCents, 0))} of this payment was refunded: void the refund first.`);
      what = `${PAYMENT_METHOD_LABELS[p.method].toLowerCase()} payment of ${lx.fmt(p.receivedOn)} (${lx.money(p.amountCents)})`;
    } else {
      const r = ledger.refunds.find((x) => x.id === id)!;
      if (ledger.voidOf('payment', r.paymentId)) throw new ApiError('CONFLICT', 'The payment this refund came from is void.');
      what = `refund of ${lx.fmt(r.refundedOn)} (${lx.money(r.amountCents)})`;
    }
    const now = ctx.now.toISOString();
    await ctx.db.insertInto('ledgerVoids').values({ entity, entityId: id, reason, voidedBy: ctx.user.id, voidedAt: now }).execute();
    await settle(ctx.db, (await loadLedger(ctx.db, patientId)).state, ctx.user.id, now);
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `voided the ${what}: ${reason}` });
    return accountOf(ctx.db, patientId, lx.currency);
  },
});

async function patientOf(db: Parameters<typeof loadLedger>[0], entity: 'charge' | 'payment' | 'refund', id: number): Promise<number> {
  const row =
    entity === 'charge'
      ? await db.selectFrom('charges').select('patientId').where('id', '=', id).executeTakeFirst()
      : entity === 'payment'
        ? await db.selectFrom('payments').select('patientId').where('id', '=', id).executeTakeFirst()
        : await db.selectFrom('refunds').innerJoin('payments', 'payments.id', 'refunds.paymentId').select('payments.patientId').where('refunds.id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', `There is no ${entity} with id ${id}.`);
  return row.patientId;
}
