import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerState, planApplication, planSettlement, type LedgerRows } from '../../../shared/billing/ledger';

/** A ledger as the desk writes it: charges, payments applied by the rules, refunds of credit, voids. */
type Op =
  | { kind: 'charge'; cents: number; day: number }
  | { kind: 'pay'; cents: number; day: number; choose: number[] }
  | { kind: 'refund'; pick: number; fraction: number }
  | { kind: 'voidCharge'; pick: number }
  | { kind: 'voidPayment'; pick: number }
  | { kind: 'settle' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('charge' as const), cents: fc.integer({ min: 0, max: 50_000 }), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('pay' as const), cents: fc.integer({ min: 1, max: 60_000 }), day: fc.integer({ min: 1, max: 28 }), choose: fc.array(fc.nat(20), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(20), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('voidCharge' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('voidPayment' as const), pick: fc.nat(20) }),
  fc.constant({ kind: 'settle' as const }),
);

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;

interface Book {
  charges: { id: number; dateOfService: string; amountCents: number; voided: boolean }[];
  payments: { id: number; receivedOn: string; amountCents: number; voided: boolean }[];
  applications: { paymentId: number; chargeId: number; amountCents: number }[];
  refunds: { id: number; paymentId: number; amountCents: number; voided: boolean }[];
}

function pay(book: Book, cents: number, on: string, chosen: number[] = []) {
  const id = book.payments.length + 1;
  book.payments.push({ id, receivedOn: on, amountCents: cents, voided: false });
  const plan = planApplication(ledgerState(book).charges, cents, chosen);
  for (const p of plan) book.applications.push({ paymentId: id, chargeId: p.chargeId, amountCents: p.amountCents });
  return { id, plan };
}

function run(ops: Op[]): Book {
  const book: Book = { charges: [], payments: [], applications: [], refunds: [] };
  for (const o of ops) {
    const state = ledgerState(book);
    if (o.kind === 'charge') book.charges.push({ id: book.charges.length + 1, dateOfService: day(o.day), amountCents: o.cents, voided: false });
    else if (o.kind === 'pay') {
      const { plan } = pay(book, o.cents, day(o.day), o.choose.map((i) => book.charges[i % Math.max(1, book.charges.length)]?.id ?? 0));
      // Never over-applies: not more than the payment, not more than any charge still owed.
      expect(plan.reduce((s, p) => s + p.amountCents, 0)).toBeLessThanOrEqual(o.cents);
      for (const p of plan) expect(p.amountCents).toBeLessThanOrEqual(state.charges.find((c) => c.id === p.chargeId)!.openCents);
    } else if (o.kind === 'refund') {
      const p = state.payments[o.pick % Math.max(1, state.payments.length)];
      const cents = p ? Math.floor(p.unappliedCents * o.fraction) : 0;
      if (p && cents > 0) book.refunds.push({ id: book.refunds.length + 1, paymentId: p.id, amountCents: cents, voided: false });
    } else if (o.kind === 'voidCharge') {
      const c = book.charges[o.pick % Math.max(1, book.charges.length)];
      if (c) c.voided = true;
    } else if (o.kind === 'voidPayment') {
      const p = book.payments[o.pick % Math.max(1, book.payments.length)];
      // The desk refuses to void a refunded payment (the refund is voided first).
      if (p && !book.refunds.some((r) => r.paymentId === p.id && !r.voided)) p.voided = true;
    } else book.applications.push(...planSettlement(state));
  }
  return book;
}

const live = <T extends { voided: boolean; amountCents: number }>(rows: readonly T[]) => rows.filter((r) => !r.voided).reduce((s, r) => s + r.amountCents, 0);
const liveRefunds = (b: LedgerRows) => b.refunds.filter((r) => !r.voided && !b.payments.find((p) => p.id === r.paymentId)!.voided).reduce((s, r) => s + r.amountCents, 0);

describe('the ledger (property)', () => {
  it('always balances: charges − payments + refunds = balance = owing − credit, and nothing is over-applied', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const book = run(ops);
        const s = ledgerState(book); // throws on any over-applied charge or payment
        expect(s.balanceCents).toBe(live(book.charges) - live(book.payments) + liveRefunds(book));
        expect(s.balanceCents).toBe(s.owingCents - s.creditCents);
        for (const c of s.charges) expect(c.openCents).toBeGreaterThanOrEqual(0);
        for (const p of s.payments) expect(p.unappliedCents).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('settling leaves no credit beside a debt', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const s = ledgerState(run([...ops, { kind: 'settle' }]));
        expect(Math.min(s.owingCents, s.creditCents)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('a void restores exactly: a payment taken and voided, or a charge added, paid from credit and voided', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.integer({ min: 1, max: 80_000 }), fc.integer({ min: 0, max: 80_000 }), (ops, payCents, chargeCents) => {
        // A settled account, as the desk keeps it (credit never sits beside a debt).
        const book = run([...ops, { kind: 'settle' }]);
        const before = ledgerState(book);
        const { id } = pay(book, payCents, day(15));
        book.payments.find((p) => p.id === id)!.voided = true;
        expect(ledgerState(book)).toEqual(before);

        const chargeId = book.charges.length + 1;
        book.charges.push({ id: chargeId, dateOfService: day(20), amountCents: chargeCents, voided: false });
        book.applications.push(...planSettlement(ledgerState(book)));
        book.charges.find((c) => c.id === chargeId)!.voided = true;
        const after = ledgerState(book);
        expect(after.balanceCents).toBe(before.balanceCents);
        expect(after.creditCents).toBe(before.creditCents);
        expect(after.charges).toEqual(before.charges);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the ledger (examples)', () => {
  it('applies oldest first unless charges are chosen, and keeps the rest as credit', () => {
    const charges = [
      { id: 2, dateOfService: '2026-11-20', amountCents: 9_000, paidCents: 0, openCents: 9_000 },
      { id: 1, dateOfService: '2026-11-10', amountCents: 12_000, paidCents: 2_000, openCents: 10_000 },
    ];
    expect(planApplication(charges, 15_000)).toEqual([
      { chargeId: 1, amountCents: 10_000 },
      { chargeId: 2, amountCents: 5_000 },
    ]);
    expect(planApplication(charges, 25_000, [2])).toEqual([
      { chargeId: 2, amountCents: 9_000 },
      { chargeId: 1, amountCents: 10_000 },
    ]);
  });

  it('refuses rows that over-apply a payment', () => {
    expect(() =>
      ledgerState({ charges: [{ id: 1, dateOfService: '2026-11-01', amountCents: 100, voided: false }], payments: [{ id: 1, receivedOn: '2026-11-01', amountCents: 50, voided: false }], applications: [{ paymentId: 1, chargeId: 1, amountCents: 60 }], refunds: [] }),
    ).toThrow(/over-applied/);
  });
});
