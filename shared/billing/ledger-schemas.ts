import { z } from 'zod';
import { parseMoney } from '../format/money';

/**
 * The ledger as the API shows it: fees, package types, and one patient's account (charges,
 * payments with what they paid, refunds, voids, packages, signed notes still to charge). Money is
 * integer cents; the renderer formats it in the clinic's currency.
 */
export const PAYMENT_METHODS = ['card', 'cash', 'check', 'hsa_fsa', 'package'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = { card: 'Card', cash: 'Cash', check: 'Check', hsa_fsa: 'HSA/FSA card', package: 'Prepaid package' };

/** The fee schedule's pseudo-code for the flat self-pay visit fee. */
export const VISIT_FEE_CODE = 'VISIT';

export const CHARGE_SOURCES = ['note', 'manual', 'package'] as const;
export const CHARGE_SOURCE_LABELS: Record<(typeof CHARGE_SOURCES)[number], string> = { note: 'Signed note', manual: 'By hand, no signed note', package: 'Package sale' };

export const cents = (label: string) => z.number({ error: `${label} is required` }).int(`${label} must be whole cents`).min(0, `${label} cannot be negative`).max(10_000_000, `${label} is too large`);
export const positiveCents = (label: string) => cents(label).min(1, `${label} must be more than zero`);

const voidInfo = z.object({ reason: z.string(), byName: z.string(), at: z.string() }).nullable();

export const feeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  label: z.string(),
  /** Per 15-minute unit (timed codes) or per visit. */
  perUnit: z.boolean(),
  feeCents: z.number().int(),
  effectiveFrom: z.string(),
  /** In force today, waiting for its date, or replaced by a later fee. */
  status: z.enum(['current', 'future', 'replaced']),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type Fee = z.infer<typeof feeSchema>;

export const packageTypeSchema = z.object({ id: z.number().int(), name: z.string(), visits: z.number().int(), priceCents: z.number().int(), active: z.boolean() });
export type PackageType = z.infer<typeof packageTypeSchema>;

export const chargeSchema = z.object({
  id: z.number().int(),
  dateOfService: z.string(),
  source: z.enum(CHARGE_SOURCES),
  noteId: z.number().int().nullable(),
  code: z.string().nullable(),
  description: z.string(),
  modifiers: z.array(z.string()),
  pointers: z.array(z.string()),
  units: z.number().int(),
  amountCents: z.number().int(),
  paidCents: z.number().int(),
  openCents: z.number().int(),
  createdByName: z.string(),
  createdAt: z.string(),
  voided: voidInfo,
});
export type Charge = z.infer<typeof chargeSchema>;

export const refundSchema = z.object({ id: z.number().int(), amountCents: z.number().int(), refundedOn: z.string(), reason: z.string(), byName: z.string(), voided: voidInfo });

export const paymentSchema = z.object({
  id: z.number().int(),
  method: z.enum(PAYMENT_METHODS),
  amountCents: z.number().int(),
  receivedOn: z.string(),
  reference: z.string().nullable(),
  packageName: z.string().nullable(),
  appliedCents: z.number().int(),
  refundedCents: z.number().int(),
  unappliedCents: z.number().int(),
  appliedTo: z.array(z.object({ chargeId: z.number().int(), amountCents: z.number().int() })),
  refunds: z.array(refundSchema),
  takenByName: z.string(),
  createdAt: z.string(),
  voided: voidInfo,
});
export type Payment = z.infer<typeof paymentSchema>;

export const patientPackageSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  visits: z.number().int(),
  used: z.number().int(),
  left: z.number().int(),
  priceCents: z.number().int(),
  soldOn: z.string(),
  voided: z.boolean(),
});
export type PatientPackage = z.infer<typeof patientPackageSchema>;

export const balanceSchema = z.object({
  currency: z.string(),
  owingCents: z.number().int(),
  creditCents: z.number().int(),
  balanceCents: z.number().int(),
  /** Visits left on the patient's live packages. */
  packageVisitsLeft: z.number().int(),
});
export type Balance = z.infer<typeof balanceSchema>;

export const unchargedNoteSchema = z.object({
  noteId: z.number().int(),
  dateOfService: z.string(),
  noteType: z.string(),
  therapistName: z.string(),
  lines: z.array(z.object({ code: z.string(), units: z.number().int(), modifiers: z.array(z.string()), pointers: z.array(z.string()) })),
});

export const accountSchema = balanceSchema.extend({
  patientId: z.number().int(),
  charges: z.array(chargeSchema),
  payments: z.array(paymentSchema),
  packages: z.array(patientPackageSchema),
  /** Signed notes with billing lines and no live charge yet: the desk charges them in one step. */
  unchargedNotes: z.array(unchargedNoteSchema),
});
export type Account = z.infer<typeof accountSchema>;

/** An amount typed in a form ("85", "85.50", "$1,085.50") → integer cents, with the problem in words. */
export const moneyText = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .refine((t) => parseMoney(t) !== null, `${label} must be an amount like 85.00`)
    .transform((t) => parseMoney(t)!);

/** Cents written back for typing ("85.00"), no currency sign. */
export const centsForTyping = (c: number) => (c / 100).toFixed(2);
