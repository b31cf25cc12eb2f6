import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { billingIdentitySchema, type User } from '../../../../shared/domain/user';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { applyServerErrors } from '../../forms/serverErrors';

type Input = z.input<typeof billingIdentitySchema>;

/** Admins: what a superbill prints of a therapist (rendering provider): individual NPI, credentials, licence. */
export function BillingIdentityDialog({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: (u: User) => void }) {
  const { register, handleSubmit, formState, reset, setError } = useForm<Input, unknown, z.output<typeof billingIdentitySchema>>({
    resolver: zodResolver(billingIdentitySchema),
    mode: 'onTouched',
  });
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (user) reset({ npi: user.npi ?? '', credentials: user.credentials ?? '', license: user.license ?? '' });
  }, [user, reset]);
  const close = () => {
    setProblem(null);
    onClose();
  };
  const onSubmit = handleSubmit(async (values) => {
    if (!user) return;
    setProblem(null);
    try {
      onDone(await call('users.setBillingIdentity', { id: user.id, ...values }));
      close();
    } catch (error) {
      if (isApiCallError(error) && Object.keys(error.fields).length) {
        const { unplaced } = applyServerErrors(error, setError, ['npi', 'credentials', 'license']);
        setProblem(unplaced.length ? unplaced.join(' ') : error.message);
      } else setProblem(messageOf(error));
    }
  });
  const e = formState.errors;
  return (
    <FormDialog
      open={user !== null}
      onClose={close}
      title={user ? `NPI and credentials of ${user.displayName}` : 'NPI and credentials'}
      formLabel="NPI and credentials"
      size="narrow"
      onSubmit={onSubmit}
      submitLabel="Save"
      submitting={formState.isSubmitting}
      dirty={formState.isDirty}
      problem={problem}
    >
      <p className="muted">A superbill names the therapist who gave the care (the rendering provider) with these. It is refused until they are filled in.</p>
      <Field label="Individual NPI (type 1)" error={e.npi?.message} hint="10 digits; the last is a check digit, so a typing mistake is caught.">
        <input {...register('npi')} inputMode="numeric" autoComplete="off" spellCheck={false} />
      </Field>
      <Field label="Credentials" error={e.credentials?.message} hint="As the therapist signs, e.g. PT, DPT.">
        <input {...register('credentials')} autoComplete="off" />
      </Field>
      <Field label="State licence" optional error={e.license?.message} hint="e.g. TX PT 1234567.">
        <input {...register('license')} autoComplete="off" />
      </Field>
    </FormDialog>
  );
}
