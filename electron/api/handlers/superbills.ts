import { ApiError } from '../../../shared/api/errors';
import { ABN_REMINDER, MEDICARE_SUPERBILL_REFUSAL } from '../../../shared/superbill/medicare';
import { superbillProblems } from '../../../shared/superbill/superbill';
import { printPdf } from '../../print/print-pdf';
import { loadClinicFormat } from '../clinic-format';
import { defineHandlers } from '../handler';
import { loadSuperbill } from './billing-doc-rows';

// Đ/đ have no decomposition: spelled out first, so "Đặng" files as "dang".
const fileSafe = (text: string) => text.replace(/Đ/g, 'D').replace(/đ/g, 'd').normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export const superbillHandlers = defineHandlers({
  async 'superbill.check'({ patientId, from, to }, ctx) {
    const { data, medicarePartBPrimary } = await loadSuperbill(ctx.db, patientId, from, to);
    const problems = medicarePartBPrimary ? [] : superbillProblems(data);
    return {
      printable: !medicarePartBPrimary && problems.length === 0,
      medicare: medicarePartBPrimary ? { refusal: MEDICARE_SUPERBILL_REFUSAL, reminder: [...ABN_REMINDER] } : null,
      problems,
      lines: data.lines.length,
      chargesCents: data.totals.chargesCents,
    };
  },

  async 'superbill.pdf'({ patientId, from, to, paper }, ctx) {
    const { data, medicarePartBPrimary } = await loadSuperbill(ctx.db, patientId, from, to);
    // The Medicare guard comes first, and no list of fixes is offered: no fix makes a superbill right for this patient.
    // A refusal is audited too: who tried to print a superbill for whom, and why it was not printed.
    const refused = (why: string) => ctx.audit({ action: 'superbill.refused', entity: 'patient', entityId: patientId, detail: `superbill ${from} – ${to}: ${why}` });
    if (medicarePartBPrimary) {
      refused('primary coverage is Medicare Part B');
      throw new ApiError('CONFLICT', MEDICARE_SUPERBILL_REFUSAL, { fields: { medicare: 'Primary coverage is Medicare Part B' }, commit: true });
    }
    const problems = superbillProblems(data);
    if (problems.length) {
      refused(`${problems.length} missing or invalid: ${problems.join('; ')}`.slice(0, 500));
      throw new ApiError('VALIDATION', `The superbill was not printed: ${problems.length === 1 ? 'one thing is' : `${problems.length} things are`} missing or invalid.\n${problems.map((p) => `• ${p}`).join('\n')}`, {
        fields: Object.fromEntries(problems.map((p, i) => [`problems.${i}`, p])),
        commit: true,
      });
    }
    const format = await loadClinicFormat(ctx.db);
    const pdf = await printPdf(import('../../print/superbill').then((m) => m.SuperbillPdf), { data, format, printedLabel: `printed ${format.instant(ctx.now.toISOString())} by ${ctx.user.displayName}`, paper });
    ctx.audit({ entity: 'patient', entityId: patientId, detail: `superbill ${from} – ${to}: ${data.lines.length} lines, ${data.totals.chargesCents} cents charged, ${data.totals.paidCents} paid` });
    return { filename: `superbill-${from}-to-${to}-${fileSafe(data.patient.name)}.pdf`, pdfBase64: pdf.toString('base64') };
  },
});
