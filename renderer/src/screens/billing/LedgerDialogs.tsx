import { useState } from 'react';
import { Controller, useForm, type FieldValues } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { moneyText, type Account, type PackageType } from '../../../../shared/billing/ledger-schemas';
import { parseMoney } from '../../../../shared/format/money';
import { isIsoDate } from '../../../../shared/util/dates';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useClinicToday, useFormat } from '../../app/clinic';
import { useMoney } from '../../app/money';
import { DateInput } from '../../components/ClinicInputs';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { FEE_CODE_OPTIONS } from './FeeDialogs';

const dateField = z.string().refine(isIsoDate, 'Type a whole date');

function useDialogForm<I extends FieldValues, O extends FieldValues>(schema: z.ZodType<O, I>, values: I) {
  const form = useForm<I, unknown, O>({ resolver: zodResolver(schema as never) as never, mode: 'onTouched', values });
  const [problem, setProblem] = useState<string | null>(null);
  return { form, problem, setProblem };
}

function DateField({ label, control, name, error }: { label: string; control: never; name: string; error?: string | undefined }) {
  const f = useFormat();
  return (
    <Field label={label} error={error} hint={`Type it as ${f.typedDatePattern}.`} className="span-3">
      <Controller control={control} name={name} render={({ field }) => <DateInput value={field.value as string} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} />} />
    </Field>
  );
}

const chargeSchema = z.object({
  dateOfService: dateField,
  code: z.string().min(1),
  units: z.coerce.number<string>().int('Whole units').min(1, 'At least 1').max(12, 'At most 12'),
  amount: z.string().refine((t) => t.trim() === '' || parseMoney(t) !== null, 'An amount like 85.00, or leave empty for the fee'),
  description: z.string().max(120, 'At most 120 characters'),
});

/** Charge a visit that has no signed note (yet): a code at the fee of the day, or an amount; marked “by hand”. */
export function ChargeVisitDialog({ open, patientId, onClose, onDone }: { open: boolean; patientId: number; onClose: () => void; onDone: (m: string) => void }) {
  const today = useClinicToday();
  const money = useMoney();
  const { form, problem, setProblem } = useDialogForm(chargeSchema, { dateOfService: today, code: 'VISIT', units: '1', amount: '', description: '' });
  const close = () => {
    form.reset();
    setProblem(null);
    onClose();
  };
  const onSubmit = form.handleSubmit(async (v) => {
    setProblem(null);
    try {
      const amount = v.amount.trim() ? parseMoney(v.amount)! : undefined;
      const r = await call('ledger.chargeManual', { patientId, dateOfService: v.dateOfService, code: v.code, units: v.units, ...(amount !== undefined ? { amountCents: amount } : {}), description: v.description });
      onDone(`Charged ${money(r.charges.reduce((s, c) => s + c.amountCents, 0))} by hand.`);
      close();
    } catch (error) {
      setProblem(messageOf(error));
    }
  });
  const e = form.formState.errors;
  return (
    <FormDialog open={open} onClose={close} title="Charge a visit by hand" onSubmit={onSubmit} submitLabel="Charge" submitting={form.formState.isSubmitting} dirty={form.formState.isDirty} problem={problem}>
      <p className="muted">For a visit without a signed note. The charge is marked “charged by hand”; a superbill needs a signed note’s diagnosis pointers.</p>
      <div className="form-grid">
        <DateField label="Date of service" control={form.control as never} name="dateOfService" error={e.dateOfService?.message} />
        <Field label="Service" className="span-3">
          <select {...form.register('code')}>
            {FEE_CODE_OPTIONS.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Units" error={e.units?.message} className="span-2">
          <input {...form.register('units')} inputMode="numeric" autoComplete="off" />
        </Field>
        <Field label="Amount" error={e.amount?.message} optional hint="Empty: the fee in force that day × units." className="span-4">
          <input {...form.register('amount')} inputMode="decimal" autoComplete="off" placeholder="from the fee schedule" />
        </Field>
        <Field label="Description" error={e.description?.message} optional className="span-6">
          <input {...form.register('description')} autoComplete="off" />
        </Field>
      </div>
    </FormDialog>
  );
}

const sellSchema = z.object({ packageTypeId: z.string().min(1, 'Choose a package'), soldOn: dateField });

export function SellPackageDialog({ open, patientId, types, onClose, onDone }: { open: boolean; patientId: number; types: readonly PackageType[]; onClose: () => void; onDone: (m: string) => void }) {
  const today = useClinicToday();
  const money = useMoney();
  const offered = types.filter((t) => t.active);
  const { form, problem, setProblem } = useDialogForm(sellSchema, { packageTypeId: offered[0] ? String(offered[0].id) : '', soldOn: today });
  const close = () => {
    form.reset();
    setProblem(null);
    onClose();
  };
  const onSubmit = form.handleSubmit(async (v) => {
    setProblem(null);
    try {
      await call('ledger.sellPackage', { patientId, packageTypeId: Number(v.packageTypeId), soldOn: v.soldOn });
      onDone('Package sold: its price is charged; take the payment for it.');
      close();
    } catch (error) {
      setProblem(messageOf(error));
    }
  });
  const e = form.formState.errors;
  return (
    <FormDialog open={open} onClose={close} title="Sell a prepaid package" onSubmit={onSubmit} submitLabel="Sell package" submitting={form.formState.isSubmitting} dirty={form.formState.isDirty} problem={problem}>
      {offered.length === 0 ? (
        <p>No packages are offered. An admin adds them in Settings → Fees.</p>
      ) : (
        <div className="form-grid">
          <Field label="Package" error={e.packageTypeId?.message} className="span-3">
            <select {...form.register('packageTypeId')}>
              {offered.map((t) => (
                <option key={t.id} value={String(t.id)}>
                  {t.name} — {t.visits} visits, {money(t.priceCents)}
                </option>
              ))}
            </select>
          </Field>
          <DateField label="Date sold" control={form.control as never} name="soldOn" error={e.soldOn?.message} />
        </div>
      )}
    </FormDialog>
  );
}

const refundSchema = z.object({ amount: moneyText('Amount'), refundedOn: dateField, reason: z.string().trim().min(1, 'Say why').max(300, 'At most 300 characters') });

export function RefundDialog({ payment, onClose, onDone }: { payment: Account['payments'][number] | null; onClose: () => void; onDone: (m: string) => void }) {
  const today = useClinicToday();
  const money = useMoney();
  const { form, problem, setProblem } = useDialogForm(refundSchema, { amount: payment ? (payment.unappliedCents / 100).toFixed(2) : '', refundedOn: today, reason: '' });
  const close = () => {
    form.reset();
    setProblem(null);
    onClose();
  };
  const onSubmit = form.handleSubmit(async (v) => {
    if (!payment) return;
    setProblem(null);
    try {
      await call('ledger.refund', { paymentId: payment.id, amountCents: v.amount, refundedOn: v.refundedOn, reason: v.reason });
      onDone(`Refunded ${money(v.amount)}.`);
      close();
    } catch (error) {
      setProblem(messageOf(error));
    }
  });
  const e = form.formState.errors;
  return (
    <FormDialog open={payment !== null} onClose={close} title="Refund" onSubmit={onSubmit} submitLabel="Refund" submitting={form.formState.isSubmitting} dirty={form.formState.isDirty} problem={problem}>
      <p className="muted">{payment ? `Up to ${money(payment.unappliedCents)} of this payment is on account (not paying a charge).` : ''}</p>
      <div className="form-grid">
        <Field label="Amount" error={e.amount?.message} className="span-3">
          <input {...form.register('amount')} inputMode="decimal" autoComplete="off" />
        </Field>
        <DateField label="Date refunded" control={form.control as never} name="refundedOn" error={e.refundedOn?.message} />
        <Field label="Reason" error={e.reason?.message} className="span-6">
          <input {...form.register('reason')} autoComplete="off" />
        </Field>
      </div>
    </FormDialog>
  );
}

export interface VoidTarget {
  entity: 'charge' | 'payment' | 'refund';
  id: number;
  what: string;
}

const voidSchema = z.object({ reason: z.string().trim().min(1, 'Say why').max(300, 'At most 300 characters') });

/** Admins: void a charge, payment or refund. The row stays, struck through, with who and why. */
export function VoidDialog({ target, onClose, onDone }: { target: VoidTarget | null; onClose: () => void; onDone: (m: string) => void }) {
  const { form, problem, setProblem } = useDialogForm(voidSchema, { reason: '' });
  const close = () => {
    form.reset();
    setProblem(null);
    onClose();
  };
  const onSubmit = form.handleSubmit(async (v) => {
    if (!target) return;
    setProblem(null);
    try {
      await call('ledger.void', { entity: target.entity, id: target.id, reason: v.reason });
      onDone(`Voided: ${target.what}.`);
      close();
    } catch (error) {
      setProblem(messageOf(error));
    }
  });
  return (
    <FormDialog
      open={target !== null}
      onClose={close}
      title={`Void this ${target?.entity ?? 'entry'}?`}
      onSubmit={onSubmit}
      submitLabel="Void"
      submitDanger
      submitting={form.formState.isSubmitting}
      dirty={form.formState.isDirty}
      problem={problem}
    >
      <p>{target?.what}</p>
      <p className="muted">It stays on the account, marked void with your name and reason; the balance follows.</p>
      <Field label="Reason" error={form.formState.errors.reason?.message}>
        <input {...form.register('reason')} autoComplete="off" />
      </Field>
    </FormDialog>
  );
}
