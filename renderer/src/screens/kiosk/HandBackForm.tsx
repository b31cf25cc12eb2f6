import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { sessionStore } from '../../api/session';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';

/**
 * Taking the screen back: a staff member's username and password (the one who handed it over is
 * filled in). The answers are saved first; the server ends the kiosk and starts the staff session.
 */
export function HandBackForm({ handedBy, handedByUsername, onCancel, beforeHandBack }: { handedBy: string; handedByUsername: string; onCancel: () => void; beforeHandBack: () => Promise<void> }) {
  const { register, handleSubmit, formState, setError, setValue, setFocus } = useForm({ defaultValues: { username: handedByUsername, password: '' } });
  const [problem, setProblem] = useState<string | null>(null);

  const submit = handleSubmit(async ({ username, password }) => {
    setProblem(null);
    if (!username.trim()) return setError('username', { message: 'Username is required' }, { shouldFocus: true });
    if (!password) return setError('password', { message: 'Password is required' }, { shouldFocus: true });
    try {
      await beforeHandBack();
      const grant = await call('kiosk.handBack', { username, password });
      sessionStore.begin(grant);
    } catch (error) {
      setProblem(messageOf(error));
      setValue('password', '');
      setFocus('password');
    }
  });

  return (
    <form className="kiosk-handback card" onSubmit={submit} noValidate aria-label="Take the screen back">
      <h2>Take the screen back</h2>
      <p className="field-hint">For clinic staff: {handedBy} handed this screen over. Enter a staff password to return to the chart.</p>
      {problem && <Banner tone="error">{problem}</Banner>}
      <div className="form-grid">
        <Field label="Username" error={formState.errors.username?.message}>
          <input {...register('username')} autoComplete="username" />
        </Field>
        <Field label="Password" error={formState.errors.password?.message}>
          <input {...register('password')} type="password" autoComplete="current-password" autoFocus />
        </Field>
      </div>
      <div className="kiosk-actions">
        <span className="spacer" />
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Checking…' : 'Take the screen back'}
        </button>
      </div>
    </form>
  );
}
