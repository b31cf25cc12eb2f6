import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ROLE_LABELS } from '../../../../shared/domain/roles';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { sessionStore, type SignedIn } from '../../api/session';
import { AuthBrand } from '../../components/Brand';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { SignInForm } from './SignInForm';

function LockIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
    </svg>
  );
}

/**
 * Shown over a locked session. Everything under it is display:none and inert. The same user unlocks
 * with their password and is back where they were; someone else signs in here, which ends the
 * first session and starts a clean screen.
 */
export function LockScreen({ session }: { session: SignedIn }) {
  const [someoneElse, setSomeoneElse] = useState(false);
  const { register, handleSubmit, formState, setValue, setFocus, setError } = useForm({ defaultValues: { password: '' } });
  const [problem, setProblem] = useState<{ tone: 'error' | 'warning'; text: string } | null>(null);

  const unlock = handleSubmit(async ({ password }) => {
    setProblem(null);
    if (!password) {
      setError('password', { message: 'Password is required' }, { shouldFocus: true });
      return;
    }
    try {
      const grant = await call('auth.unlock', { password });
      sessionStore.unlock(grant);
    } catch (error) {
      const locked = error instanceof Error && 'code' in error && error.code === 'LOCKED';
      setProblem({ tone: locked ? 'warning' : 'error', text: messageOf(error) });
      setValue('password', '');
      setFocus('password');
    }
  });

  return (
    <div className="auth-screen lock-screen">
      <AuthBrand />
      <main className="card auth-card">
        <div className="lock-icon">
          <LockIcon />
        </div>
        <h1>
          Locked <span className="lock-who">— signed in as {session.user.displayName}</span>
        </h1>
        <p className="auth-sub">{ROLE_LABELS[session.user.role]} · Enter your password to go on where you left off.</p>
        {!someoneElse && (
          <form onSubmit={unlock} noValidate aria-label="Unlock">
            {problem && <Banner tone={problem.tone}>{problem.text}</Banner>}
            <Field label="Password" error={formState.errors.password?.message}>
              <input {...register('password')} type="password" autoComplete="current-password" autoFocus />
            </Field>
            <button type="submit" className="button button-primary button-block" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? 'Unlocking…' : 'Unlock'}
            </button>
          </form>
        )}
        <div className="divider-text">or</div>
        {someoneElse ? (
          <>
            <Banner tone="info">Signing in here ends {session.user.displayName}’s session. Anything they had not saved is lost.</Banner>
            <SignInForm
              replaceSession={session.token}
              submitLabel="Sign in as someone else"
              onSignedIn={(grant) => {
                // A new user starts on their role's home screen, not inside the previous user's work.
                window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
                sessionStore.begin(grant);
              }}
            />
            <button type="button" className="button button-quiet button-block lock-back" onClick={() => setSomeoneElse(false)}>
              Back to unlock as {session.user.displayName}
            </button>
          </>
        ) : (
          <button type="button" className="button button-block" onClick={() => setSomeoneElse(true)}>
            Sign in as someone else
          </button>
        )}
      </main>
    </div>
  );
}
