import { useState } from 'react';
import { Controller, useForm, type Control, type FieldValues, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { messageOf } from '../../api/errors';
import { useFormat } from '../../app/clinic';
import { DateInput } from '../../components/ClinicInputs';
import { Field } from '../../components/Field';

/**
 * A desk dialog's form: checked as typed, the server's words above it when saving fails (what was
 * typed stays), and closed — emptied — once the save went through.
 */
export function useDialogForm<I extends FieldValues, O extends FieldValues>(schema: z.ZodType<O, I>, values: I, onClose: () => void) {
  const form = useForm<I, unknown, O>({ resolver: zodResolver(schema as never) as never, mode: 'onTouched', values });
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    form.reset();
    setProblem(null);
    onClose();
  };
  /** `work` saves (and may return a problem to show instead of closing); a thrown error is shown. */
  const submit = (work: (v: O) => Promise<string | void>) =>
    form.handleSubmit(async (v) => {
      setProblem(null);
      try {
        const left = await work(v);
        if (left) setProblem(left);
        else close();
      } catch (error) {
        setProblem(messageOf(error));
      }
    });
  return { form, problem, setProblem, close, submit };
}

/** A date typed in the clinic's order, for a desk dialog. */
export function DateField<T extends FieldValues, O>({ label, control, name, error }: { label: string; control: Control<T, unknown, O>; name: Path<T>; error?: string | undefined }) {
  const f = useFormat();
  return (
    <Field label={label} error={error} hint={`Type it as ${f.typedDatePattern}.`} className="span-3">
      <Controller control={control} name={name} render={({ field }) => <DateInput value={field.value as string} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} />} />
    </Field>
  );
}
