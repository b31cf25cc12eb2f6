import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { contract } from '../../../../shared/api/contract';
import type { SessionGrant } from '../../../../shared/api/auth';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';

const credentialsSchema = contract['auth.signIn'].request.pick({ username: true, password: true });

/**
 * Username and password → auth.signIn. Used by the sign-in screen and by the lock screen's "Sign in
 * as someone else" (which passes the locked session to end it). Refusals are shown as the server
 * words them: a wrong password, or an account locked for N minutes after five wrong ones.
 */
export function SignInForm({ replaceSession, onSignedIn, submitLabel = 'Sign in', autoFocus = true }: {
  replaceSession?: string;
  onSignedIn: (grant: SessionGrant) => void;
  submitLabel?: string;
  autoFocus?: boolean;
}) {
  const { register, handleSubmit, formState, setValue, setFocus } = useForm({
    resolver: zodResolver(credentialsSchema),
    mode: 'onSubmit',
    defaultValues: { username: '', password: '' },
  });
  const [problem, setProblem] = useState<{ tone: 'error' | 'warning'; text: string } | null>(null);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      const grant = await call('auth.signIn', { ...values, ...(replaceSession ? { replaceSession } : {}) });
      onSignedIn(grant);
    } catch (error) {
      const locked = error instanceof Error && 'code' in error && error.code === 'LOCKED';
      setProblem({ tone: locked ? 'warning' : 'error', text: messageOf(error) });
      setValue('password', '');
      setFocus('password');
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={submitLabel}>
      {problem && <Banner tone={problem.tone === 'warning' ? 'warning' : 'error'}>{problem.text}</Banner>}
      <Field label="Username" error={formState.errors.username?.message}>
        <input {...register('username')} autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus={autoFocus} />
      </Field>
      <Field label="Password" error={formState.errors.password?.message}>
        <input {...register('password')} type="password" autoComplete="current-password" />
      </Field>
      <button type="submit" className="button button-primary button-block" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Signing in…' : submitLabel}
      </button>
    </form>
  );
}
