import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatedPatient } from './charting-helpers';
import { auditRows, createTestApp, databaseFingerprint, expectError, PATIENT, type TestApp } from './harness';

/** One clinic for the file (the test clock's today is Nov 26, 2026 in Chicago); each test has its own patient. */
let t: TestApp;
let n = 0;
const newPatient = async () => (await t.ok('patients.create', { ...PATIENT, legalFirstName: `Trọng Tấn${n++}`, legalLastName: 'Đặng', dateOfBirth: `1979-03-${String(1 + (n % 28)).padStart(2, '0')}` }, t.sessions.front_desk)).id;
const lastAudit = async () => (await auditRows(t)).at(-1)!;

/** Refused, with this code, and nothing in the database changed (not even an audit row). */
async function refusedCleanly(call: () => Promise<Awaited<ReturnType<TestApp['call']>>>, code: string) {
  const before = await databaseFingerprint(t);
  const r = await call();
  expectError(r, code);
  expect(await databaseFingerprint(t)).toBe(before);
  return r.ok ? '' : r.error.message;
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = t.sessions.admin;
  await t.ok('fees.set', { code: '97140', feeCents: 6_000, effectiveFrom: '2026-01-01' }, admin);
  await t.ok('fees.set', { code: '97140', feeCents: 6_500, effectiveFrom: '2026-11-20' }, admin);
  await t.ok('fees.set', { code: '97112', feeCents: 6_000, effectiveFrom: '2026-01-01' }, admin);
  await t.ok('fees.set', { code: 'visit', feeCents: 12_000, effectiveFrom: '2026-01-01' }, admin);
});
afterAll(() => t.dispose());

describe('the fee schedule', () => {
  it('keeps every fee with its effective date; the one in force is the latest on or before the day; only admins set fees', async () => {
    await t.ok('fees.set', { code: '97140', feeCents: 7_000, effectiveFrom: '2027-01-01' }, t.sessions.admin);
    expect(await lastAudit()).toMatchObject({ action: 'fees.set', detail: '97140 (Manual therapy) $70.00 per unit from Jan 1, 2027' });
    const { fees } = await t.ok('fees.list', {}, t.sessions.front_desk);
    expect(fees.filter((f) => f.code === '97140').map((f) => [f.feeCents, f.status])).toEqual([
      [7_000, 'future'],
      [6_500, 'current'],
      [6_000, 'replaced'],
    ]);
    expect(fees.find((f) => f.code === 'VISIT')).toMatchObject({ label: 'Self-pay visit fee', perUnit: false, status: 'current' });
    expectError(await t.call('fees.set', { code: '97140', feeCents: 1, effectiveFrom: '2026-01-01' }, t.sessions.front_desk), 'FORBIDDEN');
    expectError(await t.call('fees.set', { code: '97140', feeCents: 1, effectiveFrom: '2026-01-01' }, t.sessions.therapist), 'FORBIDDEN');
    const message = await refusedCleanly(() => t.call('fees.set', { code: '97999', feeCents: 1, effectiveFrom: '2026-01-01' }, t.sessions.admin), 'VALIDATION');
    expect(message).toMatch(/^97999 is not a code Runback bills: use one of 97161, .* or VISIT \(self-pay visit fee\)\.$/);
  });
});

describe('charges', () => {
  it('charge a signed note’s lines at the fees of its date of service; old charges keep their fee; twice is refused', async () => {
    const patientId = await newPatient();
    const { evaluation } = await evaluatedPatient(t, patientId);
    // 97162 has no fee yet: refused with the code named, nothing written.
    const missing = await refusedCleanly(() => t.call('ledger.chargeNote', { noteId: evaluation.id }, t.sessions.front_desk), 'VALIDATION');
    expect(missing).toBe('No fee is set for 97162 on Nov 26, 2026: an admin sets it in Settings → Fees, or charge the self-pay visit fee.');
    await t.ok('fees.set', { code: '97162', feeCents: 15_000, effectiveFrom: '2026-06-01' }, t.sessions.admin);
    const before = await t.ok('ledger.account', { patientId }, t.sessions.front_desk);
    expect(before.unchargedNotes).toEqual([expect.objectContaining({ noteId: evaluation.id, dateOfService: '2026-11-26', noteType: 'Initial evaluation' })]);

    const { charges, account } = await t.ok('ledger.chargeNote', { noteId: evaluation.id }, t.sessions.front_desk);
    expect(charges.map((c) => [c.code, c.units, c.modifiers, c.pointers, c.amountCents, c.source])).toEqual([
      ['97162', 1, ['GP'], ['A', 'B'], 15_000, 'note'],
      ['97140', 1, ['GP', '59'], ['A', 'B'], 6_500, 'note'],
      ['97112', 1, ['GP'], ['A', 'B'], 6_000, 'note'],
    ]);
    expect(account).toMatchObject({ owingCents: 27_500, creditCents: 0, balanceCents: 27_500, unchargedNotes: [] });
    expect(await lastAudit()).toMatchObject({ action: 'ledger.chargeNote', entityId: String(patientId), userId: t.userIds.front_desk });
    expect((await lastAudit()).detail).toContain('total $275.00');

    // A new fee from the same day on does not touch what was charged.
    await t.ok('fees.set', { code: '97140', feeCents: 9_900, effectiveFrom: '2026-11-26' }, t.sessions.admin);
    expect((await t.ok('ledger.account', { patientId }, t.sessions.front_desk)).charges.find((c) => c.code === '97140')!.amountCents).toBe(6_500);
    const again = await refusedCleanly(() => t.call('ledger.chargeNote', { noteId: evaluation.id }, t.sessions.front_desk), 'CONFLICT');
    expect(again).toBe('The note of Nov 26, 2026 is already charged: void its charges first to charge it again.');
    expectError(await t.call('ledger.chargeNote', { noteId: evaluation.id }, t.sessions.therapist), 'FORBIDDEN');
    await t.ok('fees.set', { code: '97140', feeCents: 6_500, effectiveFrom: '2026-11-26' }, t.sessions.admin);
  });

  it('charges a visit without a signed note by hand, marked so, at the fee of its day or a given amount', async () => {
    const patientId = await newPatient();
    const byFee = await t.ok('ledger.chargeManual', { patientId, dateOfService: '2026-11-10', code: '97140', units: 2 }, t.sessions.front_desk);
    expect(byFee.charges).toEqual([expect.objectContaining({ source: 'manual', code: '97140', units: 2, amountCents: 12_000, description: 'Manual therapy', pointers: [] })]);
    const visit = await t.ok('ledger.chargeManual', { patientId, dateOfService: '2026-11-25', code: 'VISIT', amountCents: 9_000, description: 'Missed-visit fee' }, t.sessions.admin);
    expect(visit.account.owingCents).toBe(21_000);
    expect(await refusedCleanly(() => t.call('ledger.chargeManual', { patientId, dateOfService: '2026-11-27', code: 'VISIT' }, t.sessions.front_desk), 'VALIDATION')).toBe('Date of service is in the future');
    expect(await refusedCleanly(() => t.call('ledger.chargeManual', { patientId, dateOfService: '2026-11-20', code: '97530' }, t.sessions.front_desk), 'VALIDATION')).toBe(
      'No fee is set for 97530 on Nov 20, 2026: give the amount, or an admin sets the fee in Settings → Fees.',
    );
  });
});

describe('payments, refunds and voids', () => {
  it('a split payment pays oldest first, an overpayment is credit, a refund takes only credit, and an admin’s void restores exactly', async () => {
    const patientId = await newPatient();
    const old = await t.ok('ledger.chargeManual', { patientId, dateOfService: '2026-11-02', code: 'VISIT' }, t.sessions.front_desk);
    const recent = await t.ok('ledger.chargeManual', { patientId, dateOfService: '2026-11-24', code: 'VISIT' }, t.sessions.front_desk);
    expect(recent.account.owingCents).toBe(24_000);
    expectError(await t.call('ledger.takePayment', { patientId, receivedOn: '2026-11-26', parts: [{ method: 'cash', amountCents: 100 }] }, t.sessions.therapist), 'FORBIDDEN');

    const split = await t.ok(
      'ledger.takePayment',
      { patientId, receivedOn: '2026-11-26', parts: [{ method: 'card', amountCents: 10_000, reference: 'Visa 4242' }, { method: 'cash', amountCents: 5_000 }] },
      t.sessions.front_desk,
    );
    expect(split.paymentIds).toHaveLength(2);
    expect(split.account.charges.map((c) => [c.dateOfService, c.openCents])).toEqual([
      ['2026-11-02', 0],
      ['2026-11-24', 9_000],
    ]);
    expect(await lastAudit()).toMatchObject({
      action: 'ledger.takePayment',
      detail: 'payment received Nov 26, 2026: $100.00 card (ref Visa 4242) + $50.00 cash; balance $90.00, credit $0.00',
    });

    // Chosen: the recent charge first; the $30 over stays as credit.
    const more = await t.ok('ledger.takePayment', { patientId, receivedOn: '2026-11-26', parts: [{ method: 'hsa_fsa', amountCents: 12_000 }], chargeIds: [recent.charges[0]!.id] }, t.sessions.front_desk);
    expect(more.account).toMatchObject({ owingCents: 0, creditCents: 3_000, balanceCents: -3_000 });
    const hsa = more.account.payments.find((p) => p.method === 'hsa_fsa')!;

    const tooMuch = await refusedCleanly(() => t.call('ledger.refund', { paymentId: hsa.id, amountCents: 3_001, refundedOn: '2026-11-26', reason: 'Overpaid' }, t.sessions.front_desk), 'VALIDATION');
    expect(tooMuch).toBe('$30.01 is more than can be refunded: only $30.00 of it is on account; the rest pays charges (an admin voids a charge to free it).');
    const refunded = await t.ok('ledger.refund', { paymentId: hsa.id, amountCents: 3_000, refundedOn: '2026-11-26', reason: 'Overpaid at the desk' }, t.sessions.front_desk);
    expect(refunded).toMatchObject({ owingCents: 0, creditCents: 0, balanceCents: 0 });
    expect(await lastAudit()).toMatchObject({ action: 'ledger.refund', detail: 'refunded $30.00 of the hsa/fsa card payment of Nov 26, 2026 on Nov 26, 2026: Overpaid at the desk' });

    // Voids: admins only, with a reason; a refunded payment needs its refund voided first.
    expectError(await t.call('ledger.void', { entity: 'payment', id: split.paymentIds[0]!, reason: 'Card declined' }, t.sessions.front_desk), 'FORBIDDEN');
    expect(await refusedCleanly(() => t.call('ledger.void', { entity: 'payment', id: hsa.id, reason: 'Wrong card' }, t.sessions.admin), 'CONFLICT')).toBe('$30.00 of this payment was refunded: void the refund first.');
    const voided = await t.ok('ledger.void', { entity: 'payment', id: split.paymentIds[0]!, reason: 'Card declined after all' }, t.sessions.admin);
    expect(voided).toMatchObject({ owingCents: 10_000, creditCents: 0, balanceCents: 10_000 });
    expect(voided.payments.find((p) => p.id === split.paymentIds[0])!.voided).toMatchObject({ reason: 'Card declined after all', byName: expect.any(String) });
    expect(await lastAudit()).toMatchObject({ action: 'ledger.void', userId: t.userIds.admin, detail: 'voided the card payment of Nov 26, 2026 ($100.00): Card declined after all' });
    expect(await refusedCleanly(() => t.call('ledger.void', { entity: 'payment', id: split.paymentIds[0]!, reason: 'again' }, t.sessions.admin), 'CONFLICT')).toBe('This payment is already void.');

    // Voiding a charge frees its money, which pays the other open charge; the $20 over is credit.
    const freed = await t.ok('ledger.void', { entity: 'charge', id: old.charges[0]!.id, reason: 'Visit was a free screen' }, t.sessions.admin);
    expect(freed).toMatchObject({ owingCents: 0, creditCents: 2_000, balanceCents: -2_000 });
    // The sum rule holds: live charges − live payments + live refunds = balance.
    const live = <T extends { voided: unknown; amountCents: number }>(rows: T[]) => rows.filter((r) => r.voided === null).reduce((s, r) => s + r.amountCents, 0);
    const refunds = freed.payments.filter((p) => p.voided === null).flatMap((p) => p.refunds);
    expect(freed.balanceCents).toBe(live(freed.charges) - live(freed.payments) + live(refunds));
  });

  it('sells a prepaid package whose visits draw down; a voided package payment gives the visit back', async () => {
    const patientId = await newPatient();
    const type = await t.ok('packageTypes.save', { name: `Six visits ${n}`, visits: 6, priceCents: 60_000 }, t.sessions.admin);
    expectError(await t.call('packageTypes.save', { name: 'Cheap', visits: 6, priceCents: 1 }, t.sessions.front_desk), 'FORBIDDEN');
    const sold = await t.ok('ledger.sellPackage', { patientId, packageTypeId: type.id, soldOn: '2026-11-20' }, t.sessions.front_desk);
    expect(sold.account).toMatchObject({ owingCents: 60_000, packageVisitsLeft: 6 });
    await t.ok('ledger.takePayment', { patientId, receivedOn: '2026-11-20', parts: [{ method: 'card', amountCents: 60_000 }] }, t.sessions.front_desk);
    const visit = await t.ok('ledger.chargeManual', { patientId, dateOfService: '2026-11-24', code: 'VISIT' }, t.sessions.front_desk);
    const used = await t.ok('ledger.takePayment', { patientId, receivedOn: '2026-11-24', parts: [{ method: 'package', packageId: sold.packageId }] }, t.sessions.front_desk);
    expect(used.account).toMatchObject({ owingCents: 0, creditCents: 0, packageVisitsLeft: 5 });
    expect(used.account.packages).toEqual([expect.objectContaining({ visits: 6, used: 1, left: 5 })]);
    expect(used.account.payments.at(-1)).toMatchObject({ method: 'package', amountCents: 12_000, appliedTo: [{ chargeId: visit.charges[0]!.id, amountCents: 12_000 }] });
    // Nothing owed: a package cannot pay.
    expect(await refusedCleanly(() => t.call('ledger.takePayment', { patientId, receivedOn: '2026-11-26', parts: [{ method: 'package', packageId: sold.packageId }] }, t.sessions.front_desk), 'VALIDATION')).toBe(
      'Nothing is owed for a visit: a package pays a visit’s charges once they are made.',
    );
    const back = await t.ok('ledger.void', { entity: 'payment', id: used.paymentIds[0]!, reason: 'Visit was cancelled' }, t.sessions.admin);
    expect(back).toMatchObject({ owingCents: 12_000, packageVisitsLeft: 6 });
  });
});
