/**
 * What the receipt and the end-of-day report print, already chosen by the handlers (money in integer
 * cents, dates as calendar dates in the clinic's zone, instants as UTC ISO text).
 */
export interface PrintClinic {
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  region: string;
  postalCode: string;
  phone: string;
  npi: string | null;
  taxId: string | null;
}

export interface ReceiptData {
  clinic: PrintClinic;
  patient: { name: string; mrn: string };
  payment: {
    id: number;
    receivedOn: string;
    methodLabel: string;
    reference: string | null;
    amountCents: number;
    receivedBy: string;
    /** Refunded or voided afterwards: the receipt says so. */
    refundedCents: number;
    voided: { on: string; reason: string } | null;
  };
  /** What the payment paid for (its applications), oldest first. */
  applied: { dateOfService: string; code: string | null; label: string; amountCents: number }[];
  /** Left on the account as credit (not applied to a charge). */
  unappliedCents: number;
  /** The account after this payment (positive: owed; negative: credit). */
  balanceCents: number;
}

export interface EndOfDayPayment {
  id: number;
  receivedAt: string;
  patientName: string;
  mrn: string;
  methodLabel: string;
  reference: string | null;
  amountCents: number;
  receivedBy: string;
  /** 'payment', 'refund' (amount negative) or 'void' (a void of an earlier payment; amount negative). */
  kind: 'payment' | 'refund' | 'void';
  reason: string | null;
}

export interface EndOfDayData {
  clinic: PrintClinic;
  date: string;
  entries: EndOfDayPayment[];
  byMethod: { label: string; count: number; amountCents: number }[];
  /** Payments credited to the therapist whose visits they paid for; unapplied money has its own row. */
  byTherapist: { name: string; amountCents: number }[];
  totalCents: number;
}
