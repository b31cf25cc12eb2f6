import { z } from 'zod';
import { channel } from './channel';
import { optionalText, requiredText } from '../domain/fields';
import { calendarDay } from '../domain/schedule';
import { accountSchema, balanceSchema, cents, chargeSchema, feeSchema, packageTypeSchema, PAYMENT_METHODS, positiveCents } from '../billing/ledger-schemas';

/** Everyone sees the fees and an account; the desk and admins take money; only admins set fees and void. */
const EVERYONE = ['admin', 'therapist', 'front_desk'] as const;
const DESK = ['admin', 'front_desk'] as const;
const ADMIN = ['admin'] as const;
const id = (label: string) => z.number({ error: `${label} is required` }).int().positive();
const reason = requiredText(300, 'Reason');

export const paymentPartSchema = z.object({
  method: z.enum(PAYMENT_METHODS, { error: 'Choose how the patient paid' }),
  /** Left out for a package: the visit's charges still owed. */
  amountCents: positiveCents('Amount').optional(),
  reference: optionalText(80, 'Reference'),
  packageId: id('Package').optional(),
});

export const ledgerChannels = {
  'fees.list': channel({
    summary: 'The fee schedule (every fee with its effective date, current, future or replaced) and the prepaid package types.',
    access: EVERYONE,
    kind: 'read',
    request: z.object({}),
    response: z.object({ currency: z.string(), today: z.string(), fees: z.array(feeSchema), packageTypes: z.array(packageTypeSchema) }),
  }),
  'fees.set': channel({
    summary: 'Set a fee for a CPT code (per unit for timed codes) or the self-pay visit fee, from a date; charges already made keep their fee.',
    access: ADMIN,
    kind: 'write',
    request: z.object({ code: requiredText(10, 'Code'), feeCents: cents('Fee'), effectiveFrom: calendarDay('Effective from') }),
    response: feeSchema,
  }),
  'packageTypes.save': channel({
    summary: 'Add or change a prepaid visit package (name, visits, price); packages already sold keep theirs.',
    access: ADMIN,
    kind: 'write',
    request: z.object({ id: id('Package type').optional(), name: requiredText(80, 'Name'), visits: z.number({ error: 'Visits is required' }).int('Visits must be a whole number').min(1, 'At least 1 visit').max(100, 'At most 100 visits'), priceCents: cents('Price'), active: z.boolean().default(true) }),
    response: packageTypeSchema,
  }),
  'ledger.account': channel({
    summary: 'A patient’s account: charges, payments and what they paid, refunds, voids, packages, balance and credit, signed notes not yet charged.',
    access: EVERYONE,
    kind: 'read',
    request: z.object({ patientId: id('Patient') }),
    response: accountSchema,
  }),
  'ledger.balance': channel({
    summary: 'A patient’s balance, credit and package visits left (check-in, the chart header).',
    access: EVERYONE,
    kind: 'read',
    request: z.object({ patientId: id('Patient') }),
    response: balanceSchema,
  }),
  'ledger.chargeNote': channel({
    summary: 'Charge a signed note’s billing lines (codes, modifiers, units, pointers) at the fees in force on its date of service, or at the flat self-pay visit fee.',
    access: DESK,
    kind: 'write',
    request: z.object({ noteId: id('Note'), pricing: z.enum(['codes', 'visit']).default('codes') }),
    response: z.object({ charges: z.array(chargeSchema), account: accountSchema }),
  }),
  'ledger.chargeManual': channel({
    summary: 'Charge a visit by hand (no signed note yet), marked so: a code and units at the fee of the day, or an amount.',
    access: DESK,
    kind: 'write',
    request: z.object({
      patientId: id('Patient'),
      dateOfService: calendarDay('Date of service'),
      /** A CPT code, or VISIT for the self-pay visit fee. */
      code: requiredText(10, 'Code'),
      units: z.number({ error: 'Units is required' }).int('Units must be a whole number').min(1, 'At least 1 unit').max(12, 'At most 12 units').default(1),
      /** Left out: the fee in force on the date of service × units. */
      amountCents: cents('Amount').optional(),
      description: optionalText(120, 'Description'),
      appointmentId: id('Appointment').optional(),
    }),
    response: z.object({ charges: z.array(chargeSchema), account: accountSchema }),
  }),
  'ledger.takePayment': channel({
    summary: 'Take a payment, split across methods if need be (card, cash, check, HSA/FSA card, a package visit); applied to the chosen charges, then oldest first; the rest stays as credit.',
    access: DESK,
    kind: 'write',
    request: z.object({
      patientId: id('Patient'),
      receivedOn: calendarDay('Date received'),
      parts: z.array(paymentPartSchema).min(1, 'Add at least one payment').max(4, 'At most 4 parts to one payment'),
      chargeIds: z.array(id('Charge')).max(100).default([]),
    }),
    response: z.object({ paymentIds: z.array(z.number().int()), account: accountSchema }),
  }),
  'ledger.sellPackage': channel({
    summary: 'Sell a prepaid visit package: a charge for its price, and visits to draw down.',
    access: DESK,
    kind: 'write',
    request: z.object({ patientId: id('Patient'), packageTypeId: id('Package type'), soldOn: calendarDay('Date sold') }),
    response: z.object({ packageId: z.number().int(), account: accountSchema }),
  }),
  'ledger.refund': channel({
    summary: 'Refund money on account (a payment’s unapplied part) with a reason.',
    access: DESK,
    kind: 'write',
    request: z.object({ paymentId: id('Payment'), amountCents: positiveCents('Amount'), refundedOn: calendarDay('Date refunded'), reason }),
    response: accountSchema,
  }),
  'ledger.void': channel({
    summary: 'Void a charge, payment or refund with a reason (admins only); the row stays, marked void, and the balance follows.',
    access: ADMIN,
    kind: 'write',
    request: z.object({ entity: z.enum(['charge', 'payment', 'refund']), id: id('Entry'), reason }),
    response: accountSchema,
  }),
} as const;
