import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { passphraseSchema, type BackupFile, type RestoreReport } from '../../../../shared/api/backups';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useFormat } from '../../app/clinic';
import type { ClinicFormat } from '../../../../shared/format/clinic-format';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';

const passphraseForm = z
  .object({ passphrase: passphraseSchema, confirmPassphrase: z.string() })
  .refine((v) => v.passphrase === v.confirmPassphrase, { path: ['confirmPassphrase'], message: 'The two passphrases are not the same' });

/** Sets the clinic's backup passphrase: asked twice, never shown again, never stored (only a key made from it). */
export function PassphraseDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { register, handleSubmit, formState, reset } = useForm<z.input<typeof passphraseForm>, unknown, z.output<typeof passphraseForm>>({
    resolver: zodResolver(passphraseForm),
    mode: 'onTouched',
    defaultValues: { passphrase: '', confirmPassphrase: '' },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    reset();
    setProblem(null);
    onClose();
  };
  const onSubmit = handleSubmit(async ({ passphrase }) => {
    setProblem(null);
    try {
      await call('backups.setPassphrase', { passphrase });
      onDone();
      close();
    } catch (error) {
      setProblem(messageOf(error));
    }
  });
  const e = formState.errors;
  return (
    <FormDialog open={open} onClose={close} title="Encrypt backups with a passphrase" size="narrow" onSubmit={onSubmit} submitLabel="Encrypt backups" submitting={formState.isSubmitting} dirty={formState.isDirty} problem={problem}>
      <p className="muted">
        Backups from now on are encrypted (AES-256). Write the passphrase down and keep it somewhere safe away from the computer: a backup cannot be restored on another computer without it,
        and nobody can recover it.
      </p>
      <Field label="Passphrase" error={e.passphrase?.message} hint="At least 12 characters; a few words are easy to remember.">
        <input {...register('passphrase')} type="password" autoComplete="new-password" />
      </Field>
      <Field label="Type it again" error={e.confirmPassphrase?.message}>
        <input {...register('confirmPassphrase')} type="password" autoComplete="new-password" />
      </Field>
    </FormDialog>
  );
}

const restoreForm = z.object({ file: z.string().trim().min(1, 'Give the backup file’s full path'), passphrase: z.string().max(200) });

/**
 * Restore: a backup from the folder's list (`backup`), or any file by its path. Nothing changes
 * until the server has checked the file whole; then the current database is kept aside.
 */
export function RestoreDialog({ open, backup, onClose, onRestored }: { open: boolean; backup: BackupFile | null; onClose: () => void; onRestored: (r: RestoreReport) => void }) {
  const f = useFormat();
  const { register, handleSubmit, formState, reset, setError } = useForm<z.infer<typeof restoreForm>>({
    resolver: zodResolver(restoreForm),
    mode: 'onTouched',
    values: { file: backup?.file ?? '', passphrase: '' },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    reset();
    setProblem(null);
    onClose();
  };
  const onSubmit = handleSubmit(async ({ file, passphrase }) => {
    setProblem(null);
    try {
      onRestored(await call('backups.restore', { file, ...(passphrase ? { passphrase } : {}) }));
      reset();
    } catch (error) {
      if (isApiCallError(error) && error.fields.passphrase) setError('passphrase', { message: error.fields.passphrase });
      else if (isApiCallError(error) && error.fields.file && !backup) setError('file', { message: error.fields.file });
      else setProblem(messageOf(error));
    }
  });
  const e = formState.errors;
  return (
    <FormDialog
      open={open}
      onClose={close}
      title={backup ? `Restore the backup of ${f.instant(backup.createdAt)}?` : 'Restore from a backup file'}
      formLabel="Restore from a backup"
      size="narrow"
      onSubmit={onSubmit}
      submitLabel={formState.isSubmitting ? 'Checking and restoring…' : 'Restore'}
      submitDanger
      submitting={formState.isSubmitting}
      problem={problem}
    >
      <p>
        The clinic goes back to what this backup holds; anything entered since is not in it. The current database is kept aside first, so this restore can be undone. Everyone signs in again
        afterwards.
      </p>
      {backup ? (
        <input type="hidden" {...register('file')} />
      ) : (
        <Field label="Backup file" error={e.file?.message} hint="The full path, e.g. /Volumes/Backup/runback-2026-11-26T15-00-00Z-daily.runbackup. A Runback database file (.sqlite) works too.">
          <input {...register('file')} autoComplete="off" spellCheck={false} />
        </Field>
      )}
      {(!backup || backup.encrypted) && (
        <Field label="Backup passphrase" optional error={e.passphrase?.message} hint="Needed for an encrypted backup made with another passphrase than the clinic’s current one.">
          <input {...register('passphrase')} type="password" autoComplete="off" />
        </Field>
      )}
    </FormDialog>
  );
}

/**
 * What came back, in words, for the sign-in screen: a restore ends every session (this one too),
 * so the report goes with the admin to the sign-in screen.
 */
export function restoredNotice(report: RestoreReport, f: ClinicFormat): string {
  const n = (v: number, one: string, many: string) => `${v.toLocaleString(f.locale)} ${v === 1 ? one : many}`;
  const counts = [n(report.counts.patients, 'patient', 'patients'), n(report.counts.appointments, 'appointment', 'appointments'), n(report.counts.runs, 'logged run', 'logged runs')];
  if (report.counts.notes !== null) counts.push(n(report.counts.notes, 'note', 'notes'));
  if (report.filesRestored > 0) counts.push(`${n(report.filesRestored, 'attached file or photo', 'attached files and photos')} put back`);
  const taken = report.takenAt ? ` (taken ${f.instant(report.takenAt)})` : '';
  const undo = report.undoFile ? ' The database as it was before is kept: Settings → Backups can undo this restore.' : '';
  return `The clinic was restored from ${report.from}${taken}: ${counts.join(', ')}.${undo} Sign in again.`;
}
