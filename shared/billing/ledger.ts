/**
 * The ledger's arithmetic, pure: what each charge still owes, what each payment has left, the
 * patient's balance and credit, and where a payment goes. Every figure is integer cents and comes
 * from the rows (charges, payments, applications, refunds, voids) — a balance is never stored.
 *
 * A voided charge or payment counts for nothing, and neither do the applications that touch it: a
 * void restores exactly the state as if the row had never been written (the freed money is credit
 * again, or the charge is open again).
 */

export interface LedgerChargeRow {
  id: number;
  dateOfService: string;
  amountCents: number;
  voided: boolean;
}
export interface LedgerPaymentRow {
  id: number;
  receivedOn: string;
  amountCents: number;
  voided: boolean;
}
export interface LedgerApplicationRow {
  paymentId: number;
  chargeId: number;
  amountCents: number;
}
export interface LedgerRefundRow {
  id: number;
  paymentId: number;
  amountCents: number;
  voided: boolean;
}
export interface LedgerRows {
  charges: readonly LedgerChargeRow[];
  payments: readonly LedgerPaymentRow[];
  applications: readonly LedgerApplicationRow[];
  refunds: readonly LedgerRefundRow[];
}

export interface ChargeState {
  id: number;
  dateOfService: string;
  amountCents: number;
  paidCents: number;
  /** What the charge still owes. */
  openCents: number;
}
export interface PaymentState {
  id: number;
  receivedOn: string;
  amountCents: number;
  appliedCents: number;
  refundedCents: number;
  /** Money received and neither applied nor refunded: the patient's credit. */
  unappliedCents: number;
}
export interface LedgerState {
  charges: ChargeState[];
  payments: PaymentState[];
  /** What the patient owes on open charges. */
  owingCents: number;
  /** Money on account not yet applied to a charge. */
  creditCents: number;
  /** owing − credit: equals live charges − live payments + live refunds. Negative is credit. */
  balanceCents: number;
}

const byDateThenId = <T extends { id: number }>(date: (t: T) => string) => (a: T, b: T) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : a.id - b.id);

/** The state of an account from its rows. Throws if the rows over-apply (the database never holds that). */
export function ledgerState(rows: LedgerRows): LedgerState {
  const charges = new Map(rows.charges.filter((c) => !c.voided).map((c) => [c.id, { id: c.id, dateOfService: c.dateOfService, amountCents: c.amountCents, paidCents: 0, openCents: c.amountCents }]));
  const payments = new Map(
    rows.payments.filter((p) => !p.voided).map((p) => [p.id, { id: p.id, receivedOn: p.receivedOn, amountCents: p.amountCents, appliedCents: 0, refundedCents: 0, unappliedCents: p.amountCents }]),
  );
  for (const r of rows.refunds) {
    const p = payments.get(r.paymentId);
    if (r.voided || !p) continue;
    p.refundedCents += r.amountCents;
    p.unappliedCents -= r.amountCents;
  }
  for (const a of rows.applications) {
    const c = charges.get(a.chargeId);
    const p = payments.get(a.paymentId);
    if (!c || !p) continue;
    c.paidCents += a.amountCents;
    c.openCents -= a.amountCents;
    p.appliedCents += a.amountCents;
    p.unappliedCents -= a.amountCents;
  }
  for (const c of charges.values()) if (c.openCents < 0) throw new Error(`Charge ${c.id} is over-paid by ${-c.openCents} cents`);
  for (const p of payments.values()) if (p.unappliedCents < 0) throw new Error(`Payment ${p.id} is over-applied by ${-p.unappliedCents} cents`);
  const chargeList = [...charges.values()].sort(byDateThenId((c) => c.dateOfService));
  const paymentList = [...payments.values()].sort(byDateThenId((p) => p.receivedOn));
  const owingCents = chargeList.reduce((s, c) => s + c.openCents, 0);
  const creditCents = paymentList.reduce((s, p) => s + p.unappliedCents, 0);
  return { charges: chargeList, payments: paymentList, owingCents, creditCents, balanceCents: owingCents - creditCents };
}

/**
 * Where `amountCents` of a payment goes: to the chosen charges first, in the order given, then to
 * the other open charges oldest first (date of service, then entry). Never more than a charge
 * still owes; what is left over stays on account as credit.
 */
export function planApplication(charges: readonly ChargeState[], amountCents: number, chosen: readonly number[] = []): { chargeId: number; amountCents: number }[] {
  const open = charges.filter((c) => c.openCents > 0);
  // A charge chosen twice is still paid once.
  const first = [...new Set(chosen)].map((id) => open.find((c) => c.id === id)).filter((c): c is ChargeState => c !== undefined);
  const rest = open.filter((c) => !chosen.includes(c.id)).sort(byDateThenId((c) => c.dateOfService));
  const plan: { chargeId: number; amountCents: number }[] = [];
  let left = amountCents;
  for (const c of [...first, ...rest]) {
    if (left <= 0) break;
    const take = Math.min(left, c.openCents);
    plan.push({ chargeId: c.id, amountCents: take });
    left -= take;
  }
  return plan;
}

/**
 * Applies every payment's unapplied money (oldest payment first) to open charges (oldest first):
 * what the desk does after a charge is added or voided, so credit never sits beside a debt.
 */
export function planSettlement(state: LedgerState): LedgerApplicationRow[] {
  const open = state.charges.map((c) => ({ ...c }));
  const rows: LedgerApplicationRow[] = [];
  for (const p of state.payments) {
    if (p.unappliedCents <= 0) continue;
    for (const step of planApplication(open, p.unappliedCents)) {
      rows.push({ paymentId: p.id, chargeId: step.chargeId, amountCents: step.amountCents });
      const c = open.find((x) => x.id === step.chargeId)!;
      c.openCents -= step.amountCents;
    }
  }
  return rows;
}
