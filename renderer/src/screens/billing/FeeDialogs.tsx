import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { centsForTyping, moneyText, VISIT_FEE_CODE, type PackageType } from '../../../../shared/billing/ledger-schemas';
import { CPT_CODES } from '../../../../shared/clinical/billing/cpt';
import { CPT_SHORT_LABELS } from '../../../../shared/charting/vocab';
import { isIsoDate } from '../../../../shared/util/dates';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinicToday, useFormat } from '../../app/clinic';
import { useMoney } from '../../app/money';
import { DateInput } from '../../components/ClinicInputs';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { applyServerErrors } from '../../forms/serverErrors';

/** The codes a fee can be set for, with the project's own short labels. */
export const FEE_CODE_OPTIONS = [
  { code: VISIT_FEE_CODE, label: 'Self-pay visit fee (flat, per visit)' },
  ...CPT_CODES.map((c) => ({ code: c.code, label: `${c.code} — ${CPT_SHORT_LABELS[c.code] ?? c.descriptor.replace(/, each 15 min$/, '')}${c.timed ? ' (per 15-minute unit)' : ' (per visit)'}` })),
];

/** Problems the server puts on a field go next to it; the rest above the form. */
async function submitting<T>(work: () => Promise<T>, place: (e: unknown) => string | null, setProblem: (p: string | null) => void): Promise<T | undefined> {
  setProblem(null);
  try {
    return await work();
  } catch (error) {
    setProblem(place(error));
    return undefined;
  }
}

const dateText = (label: string) => z.string().refine(isIsoDate, `${label}: type a whole date`);
const feeSchema = z.object({ code: z.string().min(1, 'Choose a code'), fee: moneyText('Fee'), effectiveFrom: dateText('Effective from') });

export function SetFeeDialog({ open, initialCode, onClose, onSaved }: { open: boolean; initialCode: string | null; onClose: () => void; onSaved: (message: string) => void }) {
  const today = useClinicToday();
  const f = useFormat();
  const money = useMoney();
  const form = useForm<z.input<typeof feeSchema>, unknown, z.output<typeof feeSchema>>({
    resolver: zodResolver(feeSchema),
    mode: 'onTouched',
    values: { code: initialCode ?? VISIT_FEE_CODE, fee: '', effectiveFrom: today },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    form.reset();
    setProblem(null);
    onClose();
  };
  const onSubmit = form.handleSubmit(async (v) => {
    const saved = await submitting(
      () => call('fees.set', { code: v.code, feeCents: v.fee, effectiveFrom: v.effectiveFrom }),
      (error) => {
        if (!isApiCallError(error)) return messageOf(error);
        const { unplaced } = applyServerErrors(error, form.setError, ['code', 'effectiveFrom']);
        return unplaced.length || !Object.keys(error.fields).length ? error.message : null;
      },
      setProblem,
    );
    if (saved) {
      onSaved(`${saved.label}: ${money(saved.feeCents)} from ${f.date(saved.effectiveFrom)}${saved.status === 'future' ? ' (not yet in force)' : ''}.`);
      close();
    }
  });
  const e = form.formState.errors;
  return (
    <FormDialog open={open} onClose={close} title="Set a fee" onSubmit={onSubmit} submitLabel="Set fee" submitting={form.formState.isSubmitting} dirty={form.formState.isDirty} problem={problem}>
      <p className="muted">A fee applies from its date on. Visits already charged keep the fee they were charged at.</p>
      <div className="form-grid">
        <Field label="Service" error={e.code?.message} className="span-6">
          <select {...form.register('code')}>
            {FEE_CODE_OPTIONS.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Fee" error={e.fee?.message} hint="Per 15-minute unit for timed codes." className="span-3">
          <input {...form.register('fee')} inputMode="decimal" autoComplete="off" placeholder="0.00" />
        </Field>
        <Field label="Effective from" error={e.effectiveFrom?.message} hint={`Type it as ${f.typedDatePattern}.`} className="span-3">
          <Controller control={form.control} name="effectiveFrom" render={({ field }) => <DateInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} />} />
        </Field>
      </div>
    </FormDialog>
  );
}

const packageSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(80, 'Name is longer than 80 characters'),
  visits: z.coerce.number<string>({ error: 'Visits must be a number' }).int('Visits must be a whole number').min(1, 'At least 1 visit').max(100, 'At most 100 visits'),
  price: moneyText('Price'),
  active: z.boolean(),
});

export function PackageTypeDialog({ open, editing, onClose, onSaved }: { open: boolean; editing: PackageType | null; onClose: () => void; onSaved: (message: string) => void }) {
  const form = useForm<z.input<typeof packageSchema>, unknown, z.output<typeof packageSchema>>({
    resolver: zodResolver(packageSchema),
    mode: 'onTouched',
    values: editing
      ? { name: editing.name, visits: String(editing.visits), price: centsForTyping(editing.priceCents), active: editing.active }
      : { name: '', visits: '6', price: '', active: true },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    form.reset();
    setProblem(null);
    onClose();
  };
  const onSubmit = form.handleSubmit(async (v) => {
    const saved = await submitting(
      () => call('packageTypes.save', { ...(editing ? { id: editing.id } : {}), name: v.name, visits: v.visits, priceCents: v.price, active: v.active }),
      (error) => {
        if (!isApiCallError(error)) return messageOf(error);
        const { unplaced } = applyServerErrors(error, form.setError, ['name', 'visits']);
        return unplaced.length || !Object.keys(error.fields).length ? error.message : null;
      },
      setProblem,
    );
    if (saved) {
      onSaved(`“${saved.name}” saved.`);
      close();
    }
  });
  const e = form.formState.errors;
  return (
    <FormDialog
      open={open}
      onClose={close}
      title={editing ? `Change “${editing.name}”` : 'Add a prepaid package'}
      onSubmit={onSubmit}
      submitLabel={editing ? 'Save package' : 'Add package'}
      submitting={form.formState.isSubmitting}
      dirty={form.formState.isDirty}
      problem={problem}
    >
      <p className="muted">Packages already sold keep their visits and price.</p>
      <div className="form-grid">
        <Field label="Name" error={e.name?.message} className="span-6">
          <input {...form.register('name')} autoComplete="off" placeholder="Six-visit package" />
        </Field>
        <Field label="Visits" error={e.visits?.message} className="span-3">
          <input {...form.register('visits')} inputMode="numeric" autoComplete="off" />
        </Field>
        <Field label="Price" error={e.price?.message} className="span-3">
          <input {...form.register('price')} inputMode="decimal" autoComplete="off" placeholder="0.00" />
        </Field>
        <label className="checkbox span-6">
          <input type="checkbox" {...form.register('active')} /> Offered at the desk
        </label>
      </div>
    </FormDialog>
  );
}
