import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printReceipt, printSuperbill } from '../../electron/cli/commands/print-billing';
import { evaluatedPatient } from './charting-helpers';
import { auditRows, CLINIC_INPUT, createTestApp, databaseFingerprint, expectError, PATIENT, type TestApp } from './harness';

/** One clinic for the file; the test clock's today is Nov 26, 2026 in Chicago. */
let t: TestApp;
let work: string;
const ADDRESS = { addressLine1: '1420 N Milwaukee Ave', city: 'Chicago', region: 'IL', postalCode: '60622' };
const text = (file: string) => `${execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })} ¶ ${execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })}`.replace(/\s+/g, ' ');
const pdfText = (base64: string, name: string) => {
  const file = join(work, name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return text(file);
};

/** A patient evaluated, charged from the signed note, and paid by card. */
async function chargedPatient(extra: Partial<typeof PATIENT> & Record<string, unknown> = {}) {
  const patientId = (await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', ...ADDRESS, insurerName: 'Aetna', insurerMemberId: 'W123456789', ...extra }, t.sessions.front_desk)).id;
  const { evaluation } = await evaluatedPatient(t, patientId);
  const { charges } = await t.ok('ledger.chargeNote', { noteId: evaluation.id }, t.sessions.front_desk);
  return { patientId, charges };
}

beforeAll(async () => {
  t = await createTestApp();
  work = mkdtempSync(join(tmpdir(), 'runback-billing-'));
  for (const [code, feeCents] of [['97162', 18_000], ['97140', 5_500], ['97112', 5_000], ['97110', 5_000]] as const) await t.ok('fees.set', { code, feeCents, effectiveFrom: '2026-01-01' }, t.sessions.admin);
});
afterAll(async () => {
  await t.dispose();
  rmSync(work, { recursive: true, force: true });
});

/**
 * A refused superbill changes nothing but one audit row: who was refused a superbill for whom, and why.
 * Checks that row, and that the rest of the database is as it was.
 */
async function refusalAudited<T>(refuse: () => Promise<T>, patientId: number, detail: RegExp): Promise<T> {
  const before = await databaseFingerprint(t, { except: ['audit_log'] });
  const audited = (await auditRows(t)).length;
  const result = await refuse();
  expect((await auditRows(t)).slice(audited)).toEqual([expect.objectContaining({ action: 'superbill.refused', entity: 'patient', entityId: String(patientId), detail: expect.stringMatching(detail) })]);
  expect(await databaseFingerprint(t, { except: ['audit_log'] })).toBe(before);
  return result;
}

describe('the superbill', () => {
  it('is refused with the list of what is missing, then prints every field once the clinic and therapist are complete', async () => {
    const { patientId, charges } = await chargedPatient();
    const range = { patientId, from: '2026-11-01', to: '2026-11-30' };
    const check = await t.ok('superbill.check', range, t.sessions.front_desk);
    expect(check).toMatchObject({ printable: false, medicare: null, lines: charges.length });
    expect(check.problems).toEqual([
      'Clinic: the clinic’s billing NPI (type 2) is missing (Settings → Clinic)',
      'Clinic: Tax ID (EIN) is missing (Settings → Clinic)',
      expect.stringMatching(/: individual NPI \(type 1\) is missing \(Settings → Users\)$/),
      expect.stringMatching(/: no credentials \(e\.g\. PT, DPT\) \(Settings → Users\)$/),
    ]);
    const refused = await refusalAudited(() => t.call('superbill.pdf', range, t.sessions.front_desk), patientId, /^superbill 2026-11-01 – 2026-11-30: 4 missing or invalid: Clinic: the clinic’s billing NPI/);
    expectError(refused, 'VALIDATION');
    if (!refused.ok) expect(refused.error.message).toMatch(/^The superbill was not printed: 4 things are missing or invalid\.\n• Clinic: the clinic’s billing NPI/);

    // An NPI that fails its check digit is refused where it is typed.
    expectError(await t.call('users.setBillingIdentity', { id: t.userIds.therapist, npi: '1288456796', credentials: 'PT, DPT' }, t.sessions.admin), 'VALIDATION');
    expectError(await t.call('users.setBillingIdentity', { id: t.userIds.therapist, npi: '1288456795', credentials: 'PT, DPT' }, t.sessions.front_desk), 'FORBIDDEN');
    await t.ok('clinic.update', { ...CLINIC_INPUT, npi: '1234567893', taxId: '36-1234567' }, t.sessions.admin);
    expectError(await t.call('users.setBillingIdentity', { id: t.userIds.therapist, npi: '1234567893', credentials: 'PT' }, t.sessions.admin), 'VALIDATION');
    await t.ok('users.setBillingIdentity', { id: t.userIds.therapist, npi: '1288456795', credentials: 'PT, DPT', license: 'IL PT 070012345' }, t.sessions.admin);
    expectError(await t.call('users.setBillingIdentity', { id: t.userIds.admin, npi: '1288456795', credentials: 'PT' }, t.sessions.admin), 'CONFLICT');

    await t.ok('ledger.takePayment', { patientId, receivedOn: '2026-11-26', parts: [{ method: 'hsa_fsa', amountCents: 10_000, reference: 'Visa 4242' }] }, t.sessions.front_desk);
    expect(await t.ok('superbill.check', range, t.sessions.front_desk)).toMatchObject({ printable: true, problems: [] });
    const { filename, pdfBase64 } = await t.ok('superbill.pdf', range, t.sessions.front_desk);
    expect(filename).toBe('superbill-2026-11-01-to-2026-11-30-dang-trong-tan.pdf');
    const printed = pdfText(pdfBase64, filename);
    const charged = charges.reduce((s, c) => s + c.amountCents, 0);
    const money = (c: number) => `$${(c / 100).toFixed(2)}`;
    for (const expected of [
      'Superbill',
      'Đặng, Trọng Tấn',
      'Date of birth Mar 7, 1985',
      '1420 N Milwaukee Ave, Chicago, IL 60622',
      'Insured’s ID W123456789',
      'Test Run Clinic',
      '(312) 555-0100',
      'Billing NPI (type 2) 1234567893',
      'Tax ID (EIN) 36-1234567',
      'Place of service 11 (office)',
      'NPI (type 1) 1288456795',
      ', PT, DPT',
      'A. M54.50 Low back pain, unspecified',
      'B. M51.360',
      'Nov 26, 2026 11 97162 GP',
      `Total charges ${money(charged)}`,
      'Amount paid $100.00',
      `Balance due ${money(charged - 10_000)}`,
      'I certify that I rendered the services listed above',
    ]) {
      expect(printed, expected).toContain(expected);
    }
    expect(printed).not.toContain('PAID IN FULL');
    for (const c of charges) expect(printed).toContain(`${c.code} ${c.modifiers.join(' ')}`);

    // The CLI prints the same PDF by MRN, and refuses a patient it cannot find.
    const mrn = (await t.ok('patients.get', { id: patientId }, t.sessions.front_desk)).mrn;
    const out = join(work, 'cli-superbill.pdf');
    expect(await printSuperbill(t, { patient: mrn, from: '2026-11-01', to: '2026-11-30', out, paper: 'letter' })).toEqual({ exitCode: 0, message: expect.stringMatching(/^Wrote .*cli-superbill\.pdf \(\d+ KB\)\.$/) });
    expect(text(out)).toContain('Billing NPI (type 2) 1234567893');
    expect(await printSuperbill(t, { patient: 'RB999999', from: '2026-11-01', to: '2026-11-30', out: join(work, 'none.pdf'), paper: 'letter' })).toMatchObject({ exitCode: 2 });
    expect(await printSuperbill(t, { patient: mrn, from: '11/01/2026', to: '2026-11-30', out: join(work, 'none.pdf'), paper: 'letter' })).toMatchObject({ exitCode: 1 });
    expect(existsSync(join(work, 'none.pdf'))).toBe(false);
  });

  it('a line without a diagnosis pointer or GP is refused, named by its date and code', async () => {
    const patientId = (await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Zoë', legalLastName: 'Núñez', ...ADDRESS }, t.sessions.front_desk)).id;
    await t.ok('ledger.chargeManual', { patientId, dateOfService: '2026-11-20', code: 'VISIT', amountCents: 12_000 }, t.sessions.front_desk);
    const check = await t.ok('superbill.check', { patientId, from: '2026-11-01', to: '2026-11-30' }, t.sessions.front_desk);
    expect(check.printable).toBe(false);
    expect(check.problems.join('\n')).toMatch(/No diagnoses/);
    expect(check.problems.some((p) => p.startsWith('Line 2026-11-20') && p.includes('no diagnosis pointer'))).toBe(true);
    expectError(await refusalAudited(() => t.call('superbill.pdf', { patientId, from: '2026-11-01', to: '2026-11-30' }, t.sessions.front_desk), patientId, /^superbill 2026-11-01 – 2026-11-30: \d+ missing or invalid: .*No diagnoses/), 'VALIDATION');
  });

  it('the Medicare guard: refused through the API for a patient whose primary coverage is Medicare Part B, with the reason, and the ABN reminder offered', async () => {
    const { patientId } = await chargedPatient({ legalFirstName: 'Walter', legalLastName: 'Kowalski', dateOfBirth: '1950-02-11', medicareBeneficiary: true, insurerName: 'Medicare', insurerMemberId: '1EG4-TE5-MK73' });
    const range = { patientId, from: '2026-11-01', to: '2026-11-30' };
    const check = await t.ok('superbill.check', range, t.sessions.front_desk);
    expect(check.printable).toBe(false);
    expect(check.medicare?.refusal).toMatch(/primary coverage is Medicare Part B\. A physical therapist cannot opt out of Medicare \(Medicare Benefit Policy Manual, chapter 15, section 40\.4\) and must submit the claim/);
    expect(check.medicare?.reminder.join(' ')).toMatch(/Advance Beneficiary Notice \(form CMS-R-131\)/);
    for (const session of [t.sessions.front_desk, t.sessions.admin, t.sessions.therapist]) {
      const r = await refusalAudited(() => t.call('superbill.pdf', range, session), patientId, /^superbill 2026-11-01 – 2026-11-30: primary coverage is Medicare Part B$/);
      expectError(r, 'CONFLICT');
      if (!r.ok) expect(r.error.message).toBe(check.medicare!.refusal);
    }
    const summary = await t.ok('appointments.patientSummary', { patientId }, t.sessions.front_desk);
    expect(summary.medicarePartBPrimary).toBe(true);
    // Taking the flag off (the desk corrects primary coverage) lets the superbill through.
    const patient = await t.ok('patients.get', { id: patientId }, t.sessions.front_desk);
    const { id: _id, mrn: _m, archivedAt: _a, createdAt: _c, updatedAt: _u, ...fields } = patient;
    await t.ok('patients.update', { id: patientId, patient: { ...fields, medicareBeneficiary: false }, expectedUpdatedAt: patient.updatedAt }, t.sessions.front_desk);
    expect((await t.ok('superbill.check', range, t.sessions.front_desk)).medicare).toBeNull();
  });
});

describe('receipts and the end of day', () => {
  it('a receipt for a split payment; a refund; the end of day by method and therapist; its CSV', async () => {
    const { patientId, charges } = await chargedPatient({ legalFirstName: 'Siobhán', legalLastName: 'O’Brien' });
    const charged = charges.reduce((s, c) => s + c.amountCents, 0);
    const { paymentIds } = await t.ok('ledger.takePayment', { patientId, receivedOn: '2026-11-26', parts: [{ method: 'card', amountCents: charged - 5_000, reference: '4242' }, { method: 'cash', amountCents: 10_000 }] }, t.sessions.front_desk);
    expect(paymentIds).toHaveLength(2);
    await t.ok('ledger.refund', { paymentId: paymentIds[1]!, amountCents: 5_000, refundedOn: '2026-11-26', reason: 'Paid too much in cash' }, t.sessions.front_desk);

    const { filename, pdfBase64 } = await t.ok('receipts.pdf', { paymentId: paymentIds[0]! }, t.sessions.front_desk);
    expect(filename).toBe(`receipt-R-${String(paymentIds[0]).padStart(6, '0')}.pdf`);
    const receipt = pdfText(pdfBase64, filename);
    for (const expected of ['Receipt', `R-${String(paymentIds[0]).padStart(6, '0')}`, 'O’Brien, Siobhán', `$${((charged - 5_000) / 100).toFixed(2)}`, 'Card', '4242', 'Nov 26, 2026 97162', 'NPI 1234567893']) expect(receipt, expected).toContain(expected);
    const cash = pdfText((await t.ok('receipts.pdf', { paymentId: paymentIds[1]! }, t.sessions.front_desk)).pdfBase64, 'cash.pdf');
    expect(cash).toContain('$50.00 of this payment was refunded.');
    expect(cash).toContain('Paid in full: nothing owed');
    expectError(await t.call('receipts.pdf', { paymentId: 999_999 }, t.sessions.front_desk), 'NOT_FOUND');
    const out = join(work, 'cli-receipt.pdf');
    expect(await printReceipt(t, { payment: paymentIds[0]!, out, paper: 'a4' })).toMatchObject({ exitCode: 0 });
    expect(text(out)).toContain('O’Brien, Siobhán');

    const day = await t.ok('endOfDay.get', { date: '2026-11-26' }, t.sessions.front_desk);
    const mine = day.entries.filter((e) => e.patientName === 'O’Brien, Siobhán');
    expect(mine.map((e) => [e.kind, e.methodLabel, e.amountCents])).toEqual([
      ['payment', 'Card', charged - 5_000],
      ['payment', 'Cash', 10_000],
      ['refund', 'Cash', -5_000],
    ]);
    expect(day.totalCents).toBe(day.entries.reduce((s, e) => s + e.amountCents, 0));
    expect(day.byMethod.reduce((s, m) => s + m.amountCents, 0)).toBe(day.totalCents);
    expect(day.byTherapist.reduce((s, m) => s + m.amountCents, 0)).toBe(day.totalCents);
    expect(day.byTherapist.map((x) => x.name)).toContain('Theo Therapist');
    expectError(await t.call('endOfDay.get', { date: '2026-11-26' }, t.sessions.therapist), 'FORBIDDEN');

    const eod = pdfText((await t.ok('endOfDay.pdf', { date: '2026-11-26' }, t.sessions.front_desk)).pdfBase64, 'eod.pdf');
    for (const expected of ['End of day', 'Thursday, November 26, 2026', 'By method', 'By therapist', 'O’Brien, Siobhán', 'Refund: Cash — Paid too', '−$50.00']) expect(eod, expected).toContain(expected);
    const { csv, rows } = await t.ok('endOfDay.csv', { date: '2026-11-26' }, t.sessions.admin);
    expect(rows).toBe(day.entries.length);
    expect(csv.split('\r\n')[0]).toBe('\ufeffDate,Time,Instant (UTC),Receipt,Kind,Patient,MRN,Method,Reference,Amount (USD),Taken by,Reason');
    expect(csv).toContain(',Refund,"O’Brien, Siobhán",');
    expect(csv).toContain(',-50.00,');
  });
});
