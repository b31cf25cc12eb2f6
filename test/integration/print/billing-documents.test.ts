import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement } from 'react';
import { afterAll, describe, expect, it } from 'vitest';
import { EndOfDayPdf } from '../../../electron/print/end-of-day';
import { ReceiptPdf } from '../../../electron/print/receipt';
import { renderPdf } from '../../../electron/print/render-pdf';
import { SuperbillPdf } from '../../../electron/print/superbill';
import { DEFAULT_LOCALE_SETTINGS } from '../../../shared/domain/locale';
import { clinicFormat } from '../../../shared/format/clinic-format';
import type { EndOfDayData, ReceiptData } from '../../../shared/superbill/documents';
import { superbillProblems, type SuperbillData } from '../../../shared/superbill/superbill';

const work = mkdtempSync(join(tmpdir(), 'runback-billing-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const format = clinicFormat({ ...DEFAULT_LOCALE_SETTINGS, timeZone: 'America/Chicago', distanceUnit: 'mi' });
const clinic = { name: 'Stride Physio & Running', addressLine1: '200 W Lake St', addressLine2: 'Suite 4', city: 'Chicago', region: 'IL', postalCode: '60606', phone: '(312) 555-0100', npi: '1234567893', taxId: '36-1234567' };

/** The text of a PDF twice (reading order, then layout), whitespace collapsed; LOOK=dir also keeps the PDF there to be looked at. */
function pdfText(name: string, bytes: Buffer): string {
  const file = join(work, name);
  writeFileSync(file, bytes);
  if (process.env.LOOK) {
    mkdirSync(process.env.LOOK, { recursive: true });
    writeFileSync(join(process.env.LOOK, name), bytes);
  }
  // Reading order (columns one after the other) and the page's layout (label beside its value): a field counts when either shows it whole.
  const read = (args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return `${read([])} ¶ ${read(['-layout'])}`;
}

export const SUPERBILL: SuperbillData = {
  from: '2026-11-01',
  to: '2026-11-30',
  clinic,
  patient: { name: 'Đặng, Trọng Tấn', mrn: 'RB000042', dateOfBirth: '1984-03-09', sex: 'Male', addressLine1: '1420 N Milwaukee Ave', addressLine2: 'Apt 3', city: 'Chicago', region: 'IL', postalCode: '60622', insurerName: 'Blue Cross Blue Shield of Illinois', insurerMemberId: 'XOF912345678', insurerGroupId: '004512' },
  referring: { name: 'Dr. Ana Ruiz', npi: '1647382914' },
  placeOfService: '11',
  diagnoses: [
    { letter: 'A', code: 'M54.50', title: 'Low back pain, unspecified' },
    { letter: 'B', code: 'M54.41', title: 'Lumbago with sciatica, right side' },
    { letter: 'C', code: 'M51.360', title: 'Other intervertebral disc degeneration, lumbar region with discogenic back pain only' },
  ],
  lines: [
    { dateOfService: '2026-11-03', code: '97162', label: 'PT evaluation, moderate complexity', modifiers: ['GP'], pointers: ['A', 'B'], units: 1, chargeCents: 18000, therapistId: 2, manual: false },
    { dateOfService: '2026-11-10', code: '97140', label: 'Manual therapy', modifiers: ['GP', '59'], pointers: ['A'], units: 2, chargeCents: 11000, therapistId: 2, manual: false },
    { dateOfService: '2026-11-10', code: '97530', label: 'Therapeutic activities', modifiers: ['GP'], pointers: ['A', 'C'], units: 1, chargeCents: 5500, therapistId: 2, manual: false },
    { dateOfService: '2026-11-17', code: '97110', label: 'Therapeutic exercise', modifiers: ['GP'], pointers: ['B'], units: 3, chargeCents: 15000, therapistId: 3, manual: true },
  ],
  therapists: [
    { id: 2, name: 'Nguyễn, Linh', npi: '1288456795', credentials: 'PT, DPT' },
    { id: 3, name: 'O’Brien, Siobhán', npi: '1904328758', credentials: 'PT, OCS' },
  ],
  totals: { chargesCents: 49500, paidCents: 49500, balanceCents: 0 },
};

describe('billing documents print every field (PDF text read back)', () => {
  it('a superbill carries the patient, provider, diagnoses A–L, every line, the totals and the signature block', async () => {
    expect(superbillProblems(SUPERBILL)).toEqual([]);
    const text = pdfText('superbill.pdf', await renderPdf(createElement(SuperbillPdf, { data: SUPERBILL, format, printedLabel: 'printed Dec 1, 2026 by Front Desk', paper: 'letter' })));
    for (const expected of [
      'Superbill',
      'Dates of service Nov 1, 2026 – Nov 30, 2026',
      'Đặng, Trọng Tấn',
      'Date of birth Mar 9, 1984',
      '1420 N Milwaukee Ave, Apt 3, Chicago, IL 60622',
      'Insured’s ID XOF912345678',
      'Stride Physio & Running',
      '200 W Lake St · Suite 4 · Chicago, IL 60606',
      '(312) 555-0100',
      'Billing NPI (type 2) 1234567893',
      'Tax ID (EIN) 36-1234567',
      'Place of service 11 (office)',
      'Nguyễn, Linh, PT, DPT',
      'NPI (type 1) 1288456795',
      'O’Brien, Siobhán, PT, OCS',
      'NPI (type 1) 1904328758',
      'Dr. Ana Ruiz',
      'A. M54.50 Low back pain, unspecified',
      'B. M54.41 Lumbago with sciatica, right side',
      'C. M51.360',
      'Nov 3, 2026 11 97162 GP PT evaluation, moderate complexity A, B 1 $180.00 1288456795',
      'Nov 10, 2026 11 97140 GP 59 Manual therapy A 2 $110.00 1288456795',
      'Nov 10, 2026 11 97530 GP Therapeutic activities A, C 1 $55.00 1288456795',
      'Nov 17, 2026 11 97110 GP Therapeutic exercise B 3 $150.00 1904328758',
      'Total charges $495.00',
      'Amount paid $495.00',
      'Balance due $0.00',
      'PAID IN FULL',
      'I certify that I rendered the services listed above',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('a superbill with a balance says what is owed and not "paid in full"', async () => {
    const data = { ...SUPERBILL, totals: { chargesCents: 49500, paidCents: 20000, balanceCents: 29500 } };
    const text = pdfText('superbill-owed.pdf', await renderPdf(createElement(SuperbillPdf, { data, format, printedLabel: 'printed', paper: 'a4' })));
    expect(text).toContain('Balance due $295.00');
    expect(text).not.toContain('PAID IN FULL');
  });

  it('a receipt names the payment, what it paid for and the account after it', async () => {
    const data: ReceiptData = {
      clinic,
      patient: { name: 'Đặng, Trọng Tấn', mrn: 'RB000042' },
      payment: { id: 17, receivedOn: '2026-11-10', methodLabel: 'HSA/FSA card', reference: 'Visa …4242', amountCents: 16500, receivedBy: 'Reyes, Marisol', refundedCents: 0, voided: null },
      applied: [
        { dateOfService: '2026-11-10', code: '97140', label: 'Manual therapy', amountCents: 11000 },
        { dateOfService: '2026-11-10', code: '97530', label: 'Therapeutic activities', amountCents: 5500 },
      ],
      unappliedCents: 0,
      balanceCents: 2500,
    };
    const text = pdfText('receipt.pdf', await renderPdf(createElement(ReceiptPdf, { data, format, printedLabel: 'printed', paper: 'letter' })));
    for (const expected of ['Receipt R-000017', 'Received from Đặng, Trọng Tấn (account RB000042)', '$165.00', 'Method HSA/FSA card', 'Reference Visa …4242', 'Received by Reyes, Marisol', 'Nov 10, 2026 97140 Manual therapy $110.00', 'Account now $25.00 owed', 'NPI 1234567893', 'Tax ID 36-1234567']) {
      expect(text, expected).toContain(expected);
    }
    const voided = pdfText('receipt-void.pdf', await renderPdf(createElement(ReceiptPdf, { data: { ...data, payment: { ...data.payment, voided: { on: '2026-11-11', reason: 'Card charged twice' } } }, format, printedLabel: 'printed', paper: 'letter' })));
    expect(voided).toContain('VOIDED on Nov 11, 2026: Card charged twice');
  });

  it('the end-of-day report lists the day by method and by therapist', async () => {
    const data: EndOfDayData = {
      clinic,
      date: '2026-11-10',
      entries: [
        { id: 17, receivedAt: '2026-11-10T15:05:00Z', patientName: 'Đặng, Trọng Tấn', mrn: 'RB000042', methodLabel: 'Card', reference: '4242', amountCents: 16500, receivedBy: 'Reyes, Marisol', kind: 'payment', reason: null },
        { id: 18, receivedAt: '2026-11-10T16:40:00Z', patientName: 'Núñez, Zoë', mrn: 'RB000043', methodLabel: 'Cash', reference: null, amountCents: 9000, receivedBy: 'Reyes, Marisol', kind: 'payment', reason: null },
        { id: 12, receivedAt: '2026-11-10T20:00:00Z', patientName: 'Núñez, Zoë', mrn: 'RB000043', methodLabel: 'Cash', reference: null, amountCents: -2000, receivedBy: 'Admin, Ada', kind: 'refund', reason: 'Overpaid' },
      ],
      byMethod: [
        { label: 'Card', count: 1, amountCents: 16500 },
        { label: 'Cash', count: 2, amountCents: 7000 },
      ],
      byTherapist: [
        { name: 'Nguyễn, Linh', amountCents: 16500 },
        { name: 'O’Brien, Siobhán', amountCents: 7000 },
      ],
      totalCents: 23500,
    };
    const text = pdfText('end-of-day.pdf', await renderPdf(createElement(EndOfDayPdf, { data, format, printedLabel: 'printed', paper: 'letter' })));
    for (const expected of ['End of day', 'Tuesday, November 10, 2026', 'Card (1) $165.00', 'Cash (2) $70.00', 'Total taken $235.00', 'Nguyễn, Linh $165.00', 'O’Brien, Siobhán $70.00', '9:05 AM R-000017 Đặng, Trọng Tấn Card (4242) Reyes, Marisol $165.00', 'Refund: Cash — Overpaid', '−$20.00']) {
      expect(text, expected).toContain(expected);
    }
  });
});
