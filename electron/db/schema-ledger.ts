import type { Generated } from 'kysely';

/** The ledger's tables (migration 0010): every row written once, never changed; money in integer cents. */
export type PaymentMethodColumn = 'card' | 'cash' | 'check' | 'hsa_fsa' | 'package';

export interface FeeScheduleTable {
  id: Generated<number>;
  /** A CPT code, or 'VISIT' for the flat self-pay visit fee. */
  code: string;
  /** Per unit for a timed code, per visit otherwise. */
  feeCents: number;
  effectiveFrom: string;
  createdBy: number;
  createdAt: string;
}

export interface PackageTypesTable {
  id: Generated<number>;
  name: string;
  visits: number;
  priceCents: number;
  active: Generated<number>;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
}

export interface PatientPackagesTable {
  id: Generated<number>;
  patientId: number;
  packageTypeId: number;
  name: string;
  visits: number;
  priceCents: number;
  soldOn: string;
  createdBy: number;
  createdAt: string;
}

export interface ChargesTable {
  id: Generated<number>;
  patientId: number;
  dateOfService: string;
  source: 'note' | 'manual' | 'package';
  noteId: number | null;
  appointmentId: number | null;
  patientPackageId: number | null;
  code: string | null;
  description: string;
  /** JSON string[] */
  modifiersJson: Generated<string>;
  /** JSON string[]: diagnosis letters A–L. */
  pointersJson: Generated<string>;
  units: number;
  amountCents: number;
  createdBy: number;
  createdAt: string;
}

export interface PaymentsTable {
  id: Generated<number>;
  patientId: number;
  method: PaymentMethodColumn;
  amountCents: number;
  receivedOn: string;
  reference: string | null;
  patientPackageId: number | null;
  takenBy: number;
  createdAt: string;
}

export interface PaymentApplicationsTable {
  id: Generated<number>;
  paymentId: number;
  chargeId: number;
  amountCents: number;
  createdBy: number;
  createdAt: string;
}

export interface RefundsTable {
  id: Generated<number>;
  paymentId: number;
  amountCents: number;
  refundedOn: string;
  reason: string;
  createdBy: number;
  createdAt: string;
}

export interface LedgerVoidsTable {
  id: Generated<number>;
  entity: 'charge' | 'payment' | 'refund';
  entityId: number;
  reason: string;
  voidedBy: number;
  voidedAt: string;
}
