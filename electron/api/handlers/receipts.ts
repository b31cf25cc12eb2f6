import { ApiError } from '../../../shared/api/errors';
import { PAYMENT_METHOD_LABELS } from '../../../shared/billing/ledger-schemas';
import { patientDisplayName } from '../../../shared/domain/patient';
import { instantToLocal } from '../../../shared/schedule/clinic-time';
import type { ReceiptData } from '../../../shared/superbill/documents';
import { endOfDayCsv } from '../../../shared/superbill/end-of-day-csv';
import { receiptNumber } from '../../print/labels';
import { printPdf } from '../../print/print-pdf';
import { loadClinicFormat } from '../clinic-format';
import { defineHandlers } from '../handler';
import { loadEndOfDay } from './end-of-day-rows';
import { loadLedger } from './ledger-rows';

export const receiptHandlers = defineHandlers({
  async 'receipts.pdf'({ paymentId, paper }, ctx) {
    const payment = await ctx.db.selectFrom('payments').selectAll().where('id', '=', paymentId).executeTakeFirst();
    if (!payment) throw new ApiError('NOT_FOUND', `There is no payment with number ${paymentId} (receipt ${receiptNumber(paymentId)}).`);
    const clinic = await ctx.db.selectFrom('clinic').selectAll().executeTakeFirstOrThrow();
    const patient = await ctx.db.selectFrom('patients').selectAll().where('id', '=', payment.patientId).executeTakeFirstOrThrow();
    const takenBy = await ctx.db.selectFrom('users').select('displayName').where('id', '=', payment.takenBy).executeTakeFirstOrThrow();
    const ledger = await loadLedger(ctx.db, payment.patientId);
    const state = ledger.state.payments.find((p) => p.id === paymentId);
    const voided = ledger.voidOf('payment', paymentId);
    const applied = ledger.applications
      .filter((a) => a.paymentId === paymentId)
      .flatMap((a) => {
        const charge = ledger.charges.find((c) => c.id === a.chargeId);
        return charge && ledger.voidOf('charge', charge.id) === null ? [{ dateOfService: charge.dateOfService, code: charge.code, label: charge.description, amountCents: a.amountCents }] : [];
      });
    const refundedCents = ledger.refunds.filter((r) => r.paymentId === paymentId && ledger.voidOf('refund', r.id) === null).reduce((s, r) => s + r.amountCents, 0);
    const data: ReceiptData = {
      clinic,
      patient: { name: patientDisplayName({ ...patient, preferredName: null }), mrn: patient.mrn },
      payment: {
        id: payment.id,
        receivedOn: payment.receivedOn,
        methodLabel: PAYMENT_METHOD_LABELS[payment.method],
        reference: payment.reference,
        amountCents: payment.amountCents,
        receivedBy: takenBy.displayName,
        refundedCents,
        voided: voided ? { on: instantToLocal(voided.voidedAt, clinic.timeZone).date, reason: voided.reason } : null,
      },
      applied,
      unappliedCents: state?.unappliedCents ?? 0,
      balanceCents: ledger.state.balanceCents,
    };
    const format = await loadClinicFormat(ctx.db);
    const pdf = await printPdf(import('../../print/receipt').then((m) => m.ReceiptPdf), { data, format, printedLabel: `printed ${format.instant(ctx.now.toISOString())} by ${ctx.user.displayName}`, paper });
    ctx.audit({ entity: 'payment', entityId: paymentId, detail: `receipt ${receiptNumber(paymentId)} for patient ${payment.patientId}` });
    return { filename: `receipt-${receiptNumber(paymentId)}.pdf`, pdfBase64: pdf.toString('base64') };
  },

  async 'endOfDay.get'({ date }, ctx) {
    const { clinic: _c, ...day } = await loadEndOfDay(ctx.db, date);
    return day;
  },

  async 'endOfDay.pdf'({ date, paper }, ctx) {
    const data = await loadEndOfDay(ctx.db, date);
    const format = await loadClinicFormat(ctx.db);
    const pdf = await printPdf(import('../../print/end-of-day').then((m) => m.EndOfDayPdf), { data, format, printedLabel: `printed ${format.instant(ctx.now.toISOString())} by ${ctx.user.displayName}`, paper });
    ctx.audit({ entity: 'endOfDay', entityId: date, detail: `${data.entries.length} entries, ${data.totalCents} cents` });
    return { filename: `end-of-day-${date}.pdf`, pdfBase64: pdf.toString('base64') };
  },

  async 'endOfDay.csv'({ date }, ctx) {
    const data = await loadEndOfDay(ctx.db, date);
    const format = await loadClinicFormat(ctx.db);
    ctx.audit({ entity: 'endOfDay', entityId: date, detail: `CSV of ${data.entries.length} entries` });
    return { filename: `end-of-day-${date}.csv`, csv: endOfDayCsv(data, format.time), rows: data.entries.length };
  },
});
