import { useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type Account } from '../../../../shared/billing/ledger-schemas';
import { parseMoney } from '../../../../shared/format/money';
import { isIsoDate } from '../../../../shared/util/dates';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useClinicToday, useFormat } from '../../app/clinic';
import { useMoney } from '../../app/money';
import { DateInput } from '../../components/ClinicInputs';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';

const partSchema = z
  .object({ method: z.enum(PAYMENT_METHODS), amount: z.string(), reference: z.string().max(80, 'Reference is longer than 80 characters'), packageId: z.string() })
  .superRefine((p, ctx) => {
    if (p.method === 'package') {
      if (!p.packageId) ctx.addIssue({ code: 'custom', path: ['packageId'], message: 'Choose the package' });
    } else if (parseMoney(p.amount) === null || parseMoney(p.amount) === 0) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'An amount like 85.00' });
  });
const paymentSchema = z.object({
  receivedOn: z.string().refine(isIsoDate, 'Type a whole date'),
  parts: z.array(partSchema).min(1).max(4),
  chargeIds: z.array(z.string()),
});
type PaymentForm = z.input<typeof paymentSchema>;

/**
 * Take a payment at the desk: one method or several (a split — part on a card, the rest in cash),
 * a package visit, the charges to pay first (else oldest first); what is over stays as credit.
 */
export function PaymentDialog({ open, account, onClose, onDone }: { open: boolean; account: Account; onClose: () => void; onDone: (message: string) => void }) {
  const today = useClinicToday();
  const f = useFormat();
  const money = useMoney();
  const packages = account.packages.filter((p) => p.left > 0);
  const open_ = account.charges.filter((c) => c.voided === null && c.openCents > 0);
  const form = useForm<PaymentForm>({
    resolver: zodResolver(paymentSchema),
    mode: 'onTouched',
    values: { receivedOn: today, parts: [{ method: 'card', amount: account.owingCents > 0 ? (account.owingCents / 100).toFixed(2) : '', reference: '', packageId: '' }], chargeIds: [] },
  });
  const parts = useFieldArray({ control: form.control, name: 'parts' });
  const [problem, setProblem] = useState<string | null>(null);
  const watched = form.watch('parts');
  const typed = watched.reduce((s, p) => s + (p.method === 'package' ? 0 : (parseMoney(p.amount) ?? 0)), 0);
  const close = () => {
    form.reset();
    setProblem(null);
    onClose();
  };
  const onSubmit = form.handleSubmit(async (v) => {
    setProblem(null);
    try {
      const r = await call('ledger.takePayment', {
        patientId: account.patientId,
        receivedOn: v.receivedOn,
        chargeIds: v.chargeIds.map(Number),
        parts: v.parts.map((p) =>
          p.method === 'package' ? { method: 'package' as const, packageId: Number(p.packageId), reference: p.reference } : { method: p.method, amountCents: parseMoney(p.amount)!, reference: p.reference },
        ),
      });
      const after = r.account;
      onDone(`Payment taken. ${after.owingCents > 0 ? `Still owes ${money(after.owingCents)}.` : 'Nothing owed.'}${after.creditCents > 0 ? ` Credit on account: ${money(after.creditCents)}.` : ''}`);
      close();
    } catch (error) {
      setProblem(messageOf(error));
    }
  });
  const e = form.formState.errors;
  return (
    <FormDialog
      open={open}
      onClose={close}
      title="Take a payment"
      size="wide"
      onSubmit={onSubmit}
      submitLabel="Take payment"
      submitting={form.formState.isSubmitting}
      dirty={form.formState.isDirty}
      problem={problem}
      status={
        <span className="payment-totals" data-testid="payment-totals">
          <span>Owed {money(account.owingCents)}</span>
          <span>Taking {money(typed)}</span>
          {typed > account.owingCents && <span>Credit {money(typed - account.owingCents)}</span>}
        </span>
      }
    >
      <div className="form-grid">
        <Field label="Date received" error={e.receivedOn?.message} hint={`Type it as ${f.typedDatePattern}.`} className="span-3">
          <Controller control={form.control} name="receivedOn" render={({ field }) => <DateInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} />} />
        </Field>
      </div>
      <fieldset className="fieldset">
        <legend>How the patient pays</legend>
        {parts.fields.map((part, i) => {
          const method = watched[i]?.method;
          const pe = e.parts?.[i];
          return (
            <div className="payment-part" key={part.id}>
              <Field label={`Method ${i + 1}`}>
                <select {...form.register(`parts.${i}.method`)}>
                  {PAYMENT_METHODS.filter((m) => m !== 'package' || packages.length > 0).map((m) => (
                    <option key={m} value={m}>
                      {PAYMENT_METHOD_LABELS[m]}
                    </option>
                  ))}
                </select>
              </Field>
              {method === 'package' ? (
                <Field label="Package" error={pe?.packageId?.message}>
                  <select {...form.register(`parts.${i}.packageId`)}>
                    <option value="">Choose…</option>
                    {packages.map((p) => (
                      <option key={p.id} value={String(p.id)}>
                        {p.name} ({p.left} left)
                      </option>
                    ))}
                  </select>
                </Field>
              ) : (
                <Field label={`Amount ${i + 1}`} error={pe?.amount?.message}>
                  <input {...form.register(`parts.${i}.amount`)} inputMode="decimal" autoComplete="off" placeholder="0.00" />
                </Field>
              )}
              <Field label={`Reference ${i + 1}`} optional>
                <input {...form.register(`parts.${i}.reference`)} autoComplete="off" placeholder={method === 'check' ? 'Check number' : method === 'card' || method === 'hsa_fsa' ? 'Last 4 digits or approval code' : ''} />
              </Field>
              {parts.fields.length > 1 ? (
                <button type="button" className="button button-small" onClick={() => parts.remove(i)}>
                  Remove<span className="visually-hidden"> method {i + 1}</span>
                </button>
              ) : (
                <span />
              )}
            </div>
          );
        })}
        {parts.fields.length < 4 && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              const rest = account.owingCents - typed;
              parts.append({ method: 'cash', amount: rest > 0 ? (rest / 100).toFixed(2) : '', reference: '', packageId: '' });
            }}
          >
            + Split: add another method
          </button>
        )}
      </fieldset>
      {open_.length > 1 && (
        <fieldset className="fieldset">
          <legend>Pay these charges first (else the oldest first)</legend>
          <div className="charge-picks">
            {open_.map((c) => (
              <label key={c.id} className="checkbox">
                <input type="checkbox" value={String(c.id)} {...form.register('chargeIds')} /> {f.date(c.dateOfService)} · {c.code && c.code !== 'VISIT' ? `${c.code} ` : ''}
                {c.description} · owes {money(c.openCents)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </FormDialog>
  );
}
