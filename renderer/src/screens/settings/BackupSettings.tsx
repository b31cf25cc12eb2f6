import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { BACKUP_KIND_LABELS, retentionSchema, type BackupAttempt, type BackupFile, type RestoreReport } from '../../../../shared/api/backups';
import type { ResponseData } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { isApiCallError, messageOf } from '../../api/errors';
import { sessionStore } from '../../api/session';
import { useFormat } from '../../app/clinic';
import { Banner } from '../../components/Banner';
import { useConfirm } from '../../components/ConfirmDialog';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { Field } from '../../components/Field';
import { LoadFailed } from '../../components/LoadState';
import { PassphraseDialog, RestoreDialog, restoredNotice } from './BackupDialogs';
import './BackupSettings.css';

type Status = ResponseData<'backups.status'>;

export function sizeInWords(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

const settingsForm = z.object({ folder: z.string().trim().max(1000, 'This path is too long'), retention: retentionSchema });
type SettingsForm = z.infer<typeof settingsForm>;

/** Where backups go and how many automatic ones are kept. */
function FolderForm({ status, onSaved }: { status: Status; onSaved: (text: string) => void }) {
  const usingDefault = status.folder === status.defaultFolder;
  const { register, handleSubmit, formState, setError, reset } = useForm<SettingsForm>({
    resolver: zodResolver(settingsForm),
    mode: 'onTouched',
    values: { folder: usingDefault ? '' : status.folder, retention: status.retention },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = handleSubmit(async ({ folder, retention }) => {
    setProblem(null);
    try {
      const saved = await call('backups.saveSettings', { folder: folder || null, retention });
      reset({ folder, retention });
      onSaved(`Backups go to ${saved.folder}.`);
    } catch (error) {
      if (isApiCallError(error) && error.fields.folder) setError('folder', { message: error.fields.folder });
      else setProblem(messageOf(error));
    }
  });
  const e = formState.errors;
  const number = { valueAsNumber: true } as const;
  return (
    <form className="form-section backup-settings-form" onSubmit={onSubmit} aria-labelledby="backup-folder-title">
      <h2 id="backup-folder-title">Where backups go</h2>
      {problem && <Banner tone="error">{problem}</Banner>}
      <div className="form-grid">
        <Field
          label="Backup folder"
          optional
          error={e.folder?.message}
          className="span-6"
          hint={<>Best on another drive (an external disk, a network folder). Empty: the data folder’s own, {status.defaultFolder}, which a dead disk takes with it.</>}
        >
          <input {...register('folder')} autoComplete="off" spellCheck={false} placeholder={status.defaultFolder} />
        </Field>
        <Field label="Daily backups kept" error={e.retention?.daily?.message} className="span-2">
          <input type="number" min={1} max={60} {...register('retention.daily', number)} />
        </Field>
        <Field label="Weekly backups kept" error={e.retention?.weekly?.message} className="span-2">
          <input type="number" min={0} max={52} {...register('retention.weekly', number)} />
        </Field>
        <Field label="Monthly backups kept" error={e.retention?.monthly?.message} className="span-2">
          <input type="number" min={0} max={120} {...register('retention.monthly', number)} />
        </Field>
      </div>
      <p className="muted">Automatic backups run once a day while Runback is open, and before every update of the database. Backups made by hand are never deleted by Runback.</p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={formState.isSubmitting || !formState.isDirty}>
          {formState.isSubmitting ? 'Checking the folder…' : 'Save'}
        </button>
      </div>
    </form>
  );
}

function LastBackup({ status }: { status: Status }) {
  const f = useFormat();
  const { lastGood, lastAttempt } = status;
  const failed: BackupAttempt | null = lastAttempt && !lastAttempt.ok ? lastAttempt : null;
  return (
    <>
      {status.overdue && (
        <Banner tone="error">
          No backup has succeeded for more than {status.warnAfterDays} days{lastGood ? ` (the last good one was ${f.instant(lastGood.at)})` : ''}. Back up now, or check the backup folder.
        </Banner>
      )}
      {failed && (
        <Banner tone="warning">
          The last backup, {f.instant(failed.at)}, failed: {failed.message}
        </Banner>
      )}
      {/* A backup that worked but found attached files already lost says so (its message). */}
      {lastAttempt?.ok && lastAttempt.message && (
        <Banner tone="warning">
          The last backup, {f.instant(lastAttempt.at)}: {lastAttempt.message}
        </Banner>
      )}
      <dl className="backup-facts">
        <dt>Last good backup</dt>
        <dd>{lastGood ? `${f.instant(lastGood.at)} · ${BACKUP_KIND_LABELS[lastGood.kind]} · ${lastGood.bytes ? sizeInWords(lastGood.bytes) : ''} · integrity checked` : 'None yet'}</dd>
        <dt>Encryption</dt>
        <dd>{status.encrypted ? `Encrypted with the clinic’s passphrase (set ${f.instant(status.passphraseSetAt!)})` : 'Not encrypted: anyone who finds a backup can read it'}</dd>
      </dl>
    </>
  );
}

/** Admins: back up now, where backups go and how long they are kept, the passphrase, restore and undo. */
export function BackupSettings() {
  const { data, error, refetch } = useQuery('backups.status', {});
  const f = useFormat();
  const confirm = useConfirm();
  const [notice, setNotice] = useState<string | null>(null);
  const [passphraseOpen, setPassphraseOpen] = useState(false);
  const [restoring, setRestoring] = useState<{ backup: BackupFile | null } | null>(null);
  // A restore ends every session, this one too: what came back is told on the sign-in screen.
  const restored = (report: RestoreReport) => sessionStore.end({ notice: restoredNotice(report, f) });
  const backUp = useAction(() => call('backups.run', {}));
  const stopEncrypting = useAction(() => call('backups.setPassphrase', { passphrase: null }));
  const undo = useAction((file: string) => call('backups.restore', { file }));

  if (error) return <LoadFailed error={error} onRetry={refetch} />;

  const runNow = async () => {
    setNotice(null);
    const done = await backUp.run();
    if (done) setNotice(`Backed up to ${done.file} (${sizeInWords(done.bytes ?? 0)}${done.encrypted ? ', encrypted' : ''}); the copy passed SQLite’s integrity check.`);
    refetch();
  };
  const stop = async () => {
    const ok = await confirm({
      title: 'Stop encrypting backups?',
      message: 'Backups from now on can be read by anyone who has the file. Backups already made stay encrypted with the old passphrase.',
      confirmLabel: 'Stop encrypting',
      tone: 'danger',
    });
    if (ok && (await stopEncrypting.run())) setNotice('Backups are no longer encrypted.');
    refetch();
  };
  const undoRestore = async (file: string) => {
    const ok = await confirm({
      title: 'Undo the last restore?',
      message: 'The clinic goes back to the database as it was just before the last restore. Everyone signs in again.',
      confirmLabel: 'Undo the restore',
      tone: 'danger',
    });
    if (!ok) return;
    const report = await undo.run(file);
    if (report) restored(report);
  };

  const columns: DataTableColumn<BackupFile>[] = [
    { id: 'taken', accessorFn: (b) => b.createdAt, header: 'Taken', enableSorting: true, size: 180, meta: { rowHeader: true }, cell: ({ row: { original: b } }) => f.instant(b.createdAt) },
    { id: 'kind', accessorFn: (b) => BACKUP_KIND_LABELS[b.kind], header: 'Kind', enableSorting: true, size: 150 },
    { id: 'size', accessorFn: (b) => b.bytes, header: 'Size', enableSorting: true, size: 80, meta: { align: 'end' }, cell: ({ row: { original: b } }) => sizeInWords(b.bytes) },
    { id: 'encrypted', accessorFn: (b) => (b.encrypted ? 'Encrypted' : 'Not encrypted'), header: 'Encryption', size: 120 },
    { id: 'file', accessorFn: (b) => b.name, header: 'File', size: 200, meta: { grow: 2 }, cell: ({ row: { original: b } }) => <span className="backup-file-name">{b.name}</span> },
    {
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      size: 110,
      meta: { grow: 0, stickyEnd: true },
      cell: ({ row: { original: b } }) => (
        <button type="button" className="button button-small" onClick={() => setRestoring({ backup: b })}>
          Restore…<span className="visually-hidden"> the backup of {f.instant(b.createdAt)}</span>
        </button>
      ),
    },
  ];

  const problem = backUp.error ?? stopEncrypting.error ?? undo.error;
  return (
    <div className="backup-settings">
      <section aria-labelledby="backup-now-title" className="form-section">
        <div className="section-header">
          <h2 id="backup-now-title">Backups</h2>
          <span className="spacer" />
          <button type="button" className="button button-primary" onClick={() => void runNow()} disabled={backUp.pending || !data}>
            {backUp.pending ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
        {problem && <Banner tone="error">{problem.message}</Banner>}
        {notice && <Banner tone="success">{notice}</Banner>}
        {data && <LastBackup status={data} />}
        {data && (
          <div className="backup-actions">
            <button type="button" className="button" onClick={() => setPassphraseOpen(true)}>
              {data.encrypted ? 'Change the passphrase…' : 'Encrypt backups…'}
            </button>
            {data.encrypted && (
              <button type="button" className="button" onClick={() => void stop()} disabled={stopEncrypting.pending}>
                Stop encrypting
              </button>
            )}
          </div>
        )}
      </section>
      <section aria-labelledby="backup-list-title" className="form-section">
        <div className="section-header">
          <h2 id="backup-list-title">Restore</h2>
          <span className="muted">{data ? `${data.backups.length} in ${data.folder}` : ''}</span>
          <span className="spacer" />
          {data?.undo && (
            <button type="button" className="button" onClick={() => void undoRestore(data.undo!.file)} disabled={undo.pending}>
              Undo the last restore
            </button>
          )}
          <button type="button" className="button" onClick={() => setRestoring({ backup: null })}>
            Restore from another file…
          </button>
        </div>
        <DataTable
          label="Backups in the backup folder"
          columns={columns}
          data={data?.backups ?? []}
          getRowId={(b) => b.file}
          loading={!data}
          loadingLabel="Looking in the backup folder…"
          initialSorting={[{ id: 'taken', desc: true }]}
          maxHeight="40vh"
          empty={<p className="muted">No backups in this folder yet. “Back up now” makes one.</p>}
        />
      </section>
      {data && <FolderForm status={data} onSaved={(text) => (setNotice(text), refetch())} />}
      <PassphraseDialog open={passphraseOpen} onClose={() => setPassphraseOpen(false)} onDone={() => (setNotice('Backups from now on are encrypted with the new passphrase.'), refetch())} />
      <RestoreDialog
        open={restoring !== null}
        backup={restoring?.backup ?? null}
        onClose={() => setRestoring(null)}
        onRestored={restored}
      />
    </div>
  );
}
