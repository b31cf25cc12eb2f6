import { ApiError } from '../../../shared/api/errors';
import { VISIT_FEE_CODE } from '../../../shared/billing/ledger-schemas';
import { billedSchema } from '../../../shared/charting/billing-lines';
import { findCpt } from '../../../shared/clinical/billing/cpt';
import { defineHandlers } from '../handler';
import { checkFeeCode, codeLabel } from './ledger-fees';
import { accountOf, balanceOf, feeOn, ledgerContext, loadLedger, patientOrThrow, settle } from './ledger-rows';

/** Splits a flat fee over lines by their units, to the cent; the first line takes the odd cents. */
export function splitByUnits(totalCents: number, units: readonly number[]): number[] {
  const all = units.reduce((a, b) => a + b, 0);
  const shares = units.map((u) => Math.floor((totalCents * u) / all));
  shares[0]! += totalCents - shares.reduce((a, b) => a + b, 0);
  return shares;
}

const newChargeIds = (before: readonly { id: number }[], after: readonly { id: number }[]) => {
  const old = new Set(before.map((c) => c.id));
  return after.filter((c) => !old.has(c.id));
};

export const ledgerChargeHandlers = defineHandlers({
  async 'ledger.account'({ patientId }, ctx) {
    await patientOrThrow(ctx.db, patientId);
    const lx = await ledgerContext(ctx.db, ctx.now);
    ctx.audit({ entity: 'patient', entityId: patientId, detail: 'account opened' });
    return accountOf(ctx.db, patientId, lx.currency);
  },

  async 'ledger.balance'({ patientId }, ctx) {
    await patientOrThrow(ctx.db, patientId);
    const lx = await ledgerContext(ctx.db, ctx.now);
    return balanceOf(await loadLedger(ctx.db, patientId), lx.currency);
  },

  async 'ledger.chargeNote'({ noteId, pricing }, ctx) {
    const note = await ctx.db.selectFrom('notes').select(['id', 'patientId', 'appointmentId', 'status', 'dateOfService', 'billedJson']).where('id', '=', noteId).executeTakeFirst();
    if (!note) throw new ApiError('NOT_FOUND', `There is no note with id ${noteId}.`);
    const lx = await ledgerContext(ctx.db, ctx.now);
    if (note.status !== 'signed') throw new ApiError('CONFLICT', 'This note is not signed yet: charge the visit by hand, marked so, or wait for the therapist to sign.');
    const billed = billedSchema.parse(JSON.parse(note.billedJson ?? '{"totalUnits":0,"lines":[]}'));
    if (!billed.lines.length) throw new ApiError('VALIDATION', `The note of ${lx.fmt(note.dateOfService)} bills no units: charge the visit by hand if it is to be charged.`);
    const before = await loadLedger(ctx.db, note.patientId);
    const existing = before.charges.find((c) => c.noteId === noteId && before.voidOf('charge', c.id) === null);
    if (existing) throw new ApiError('CONFLICT', `The note of ${lx.fmt(note.dateOfService)} is already charged: void its charges first to charge it again.`);

    let amounts: number[];
    if (pricing === 'visit') {
      const fee = await feeOn(ctx.db, VISIT_FEE_CODE, note.dateOfService);
      if (fee === null) throw new ApiError('VALIDATION', `No self-pay visit fee is set for ${lx.fmt(note.dateOfService)}: an admin sets it in Settings → Fees.`);
      amounts = splitByUnits(fee, billed.lines.map((l) => l.units));
    } else {
      const fees = await Promise.all(billed.lines.map((l) => feeOn(ctx.db, l.code, note.dateOfService)));
      const missing = billed.lines.filter((_, i) => fees[i] === null).map((l) => l.code);
      if (missing.length) {
        throw new ApiError('VALIDATION', `No fee is set for ${missing.join(', ')} on ${lx.fmt(note.dateOfService)}: an admin sets it in Settings → Fees, or charge the self-pay visit fee.`);
      }
      // Timed codes are priced per unit; an evaluation bills one unit at its fee.
      amounts = billed.lines.map((l, i) => fees[i]! * (findCpt(l.code)?.timed ? l.units : 1));
    }
    const now = ctx.now.toISOString();
    await ctx.db
      .insertInto('charges')
      .values(
        billed.lines.map((l, i) => ({
          patientId: note.patientId,
          dateOfService: note.dateOfService,
          source: 'note' as const,
          noteId,
          appointmentId: note.appointmentId,
          patientPackageId: null,
          code: l.code,
          description: codeLabel(l.code),
          modifiersJson: JSON.stringify(l.modifiers),
          pointersJson: JSON.stringify(l.pointers),
          units: l.units,
          amountCents: amounts[i]!,
          createdBy: ctx.user.id,
          createdAt: now,
        })),
      )
      .execute();
    await settle(ctx.db, (await loadLedger(ctx.db, note.patientId)).state, ctx.user.id, now);
    const after = await loadLedger(ctx.db, note.patientId);
    const added = newChargeIds(before.charges, after.charges);
    const total = amounts.reduce((a, b) => a + b, 0);
    ctx.audit({
      entity: 'patient',
      entityId: note.patientId,
      detail: `charged the note of ${lx.fmt(note.dateOfService)}${pricing === 'visit' ? ' at the self-pay visit fee' : ''}: ${billed.lines.map((l, i) => `${l.code}×${l.units} ${lx.money(amounts[i]!)}`).join(', ')}; total ${lx.money(total)}`,
    });
    const account = await accountOf(ctx.db, note.patientId, lx.currency, after);
    return { charges: account.charges.filter((c) => added.some((a) => a.id === c.id)), account };
  },

  async 'ledger.chargeManual'({ patientId, dateOfService, code: raw, units, amountCents, description, appointmentId }, ctx) {
    await patientOrThrow(ctx.db, patientId);
    const code = checkFeeCode(raw);
    const lx = await ledgerContext(ctx.db, ctx.now);
    if (dateOfService > lx.today) throw new ApiError('VALIDATION', 'Date of service is in the future', { fields: { dateOfService: 'Date of service is in the future' } });
    if (appointmentId !== undefined) {
      const appt = await ctx.db.selectFrom('appointments').select('patientId').where('id', '=', appointmentId).executeTakeFirst();
      if (!appt || appt.patientId !== patientId) throw new ApiError('NOT_FOUND', `There is no appointment with id ${appointmentId} for this patient.`);
    }
    const timed = findCpt(code)?.timed ?? false;
    if (!timed && units !== 1) throw new ApiError('VALIDATION', `${codeLabel(code)} is charged once per visit, not by units`, { fields: { units: 'One per visit' } });
    let amount = amountCents;
    if (amount === undefined) {
      const fee = await feeOn(ctx.db, code, dateOfService);
      if (fee === null) throw new ApiError('VALIDATION', `No fee is set for ${code} on ${lx.fmt(dateOfService)}: give the amount, or an admin sets the fee in Settings → Fees.`, { fields: { amountCents: 'No fee set: give the amount' } });
      amount = fee * units;
    }
    const now = ctx.now.toISOString();
    const before = await loadLedger(ctx.db, patientId);
    await ctx.db
      .insertInto('charges')
      .values({
        patientId,
        dateOfService,
        source: 'manual',
        noteId: null,
        appointmentId: appointmentId ?? null,
        patientPackageId: null,
        code,
        description: description ?? codeLabel(code),
        // GP on every PT line (clinical.md §5.2); diagnosis pointers come only with a signed note.
        modifiersJson: JSON.stringify(code === VISIT_FEE_CODE ? [] : ['GP']),
        pointersJson: '[]',
        units,
        amountCents: amount,
        createdBy: ctx.user.id,
        createdAt: now,
      })
      .execute();
    await settle(ctx.db, (await loadLedger(ctx.db, patientId)).state, ctx.user.id, now);
    const after = await loadLedger(ctx.db, patientId);
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `charged by hand (no signed note) for ${lx.fmt(dateOfService)}: ${code}×${units} ${lx.money(amount)}` });
    const account = await accountOf(ctx.db, patientId, lx.currency, after);
    const added = newChargeIds(before.charges, after.charges);
    return { charges: account.charges.filter((c) => added.some((a) => a.id === c.id)), account };
  },

  async 'ledger.sellPackage'({ patientId, packageTypeId, soldOn }, ctx) {
    await patientOrThrow(ctx.db, patientId);
    const lx = await ledgerContext(ctx.db, ctx.now);
    const type = await ctx.db.selectFrom('packageTypes').selectAll().where('id', '=', packageTypeId).executeTakeFirst();
    if (!type) throw new ApiError('NOT_FOUND', `There is no package type with id ${packageTypeId}.`);
    if (type.active !== 1) throw new ApiError('CONFLICT', `“${type.name}” is no longer offered.`);
    if (soldOn > lx.today) throw new ApiError('VALIDATION', 'Date sold is in the future', { fields: { soldOn: 'Date sold is in the future' } });
    const now = ctx.now.toISOString();
    const pkg = await ctx.db
      .insertInto('patientPackages')
      .values({ patientId, packageTypeId, name: type.name, visits: type.visits, priceCents: type.priceCents, soldOn, createdBy: ctx.user.id, createdAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('charges')
      .values({
        patientId,
        dateOfService: soldOn,
        source: 'package',
        noteId: null,
        appointmentId: null,
        patientPackageId: pkg.id,
        code: null,
        description: `${type.name} (${type.visits} prepaid visits)`,
        units: 1,
        amountCents: type.priceCents,
        createdBy: ctx.user.id,
        createdAt: now,
      })
      .execute();
    const after = await loadLedger(ctx.db, patientId);
    await settle(ctx.db, after.state, ctx.user.id, now);
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `sold “${type.name}”: ${type.visits} visits for ${lx.money(type.priceCents)}` });
    return { packageId: pkg.id, account: await accountOf(ctx.db, patientId, lx.currency) };
  },
});
