import { ApiError } from '../../../shared/api/errors';
import type { BackupAttempt } from '../../../shared/api/backups';
import type { HistoryEntry } from '../../backup/backup-store';
import { WARN_AFTER_DAYS } from '../../backup/backup-service';
import { BackupError } from '../../backup/errors';
import { restoreBackup, undoFiles } from '../../backup/restore';
import type { HandlerContext } from '../context';
import { AfterCommit, defineHandlers } from '../handler';

/** A refused backup or restore as the API's error: the message is already in the admin's words. */
async function asApiError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) {
      const field = error.code === 'WRONG_PASSPHRASE' || error.code === 'PASSPHRASE_NEEDED' ? 'passphrase' : error.code === 'FOLDER' ? 'folder' : 'file';
      throw new ApiError(error.code === 'FOLDER' || error.code === 'EXISTS' ? 'CONFLICT' : 'VALIDATION', error.message, { fields: { [field]: error.message } });
    }
    throw error;
  }
}

const attempt = ({ at, kind, ok, file, bytes, encrypted, counts, message }: HistoryEntry): BackupAttempt => ({ at, kind, ok, file, bytes, encrypted, counts, message });

async function clinicCreatedAt(ctx: HandlerContext): Promise<string | null> {
  return (await ctx.db.selectFrom('clinic').select('createdAt').executeTakeFirst())?.createdAt ?? null;
}

export const backupHandlers = defineHandlers({
  async 'backups.status'(_input, ctx) {
    const b = ctx.backups;
    const settings = b.settings();
    const history = b.history();
    const lastGood = history.filter((e) => e.ok).at(-1) ?? null;
    const lastAttempt = history.at(-1) ?? null;
    return {
      folder: b.folder(),
      defaultFolder: b.defaultFolder,
      retention: settings.retention,
      encrypted: settings.key !== null,
      passphraseSetAt: settings.key?.setAt ?? null,
      lastGood: lastGood && attempt(lastGood),
      lastAttempt: lastAttempt && attempt(lastAttempt),
      overdue: b.overdue(await clinicCreatedAt(ctx)),
      warnAfterDays: WARN_AFTER_DAYS,
      backups: b.list(),
      undo: undoFiles(b.dataDir)[0] ?? null,
    };
  },

  async 'backups.alert'(_input, ctx) {
    const history = ctx.backups.history();
    const lastGood = history.filter((e) => e.ok).at(-1) ?? null;
    const last = history.at(-1);
    return {
      overdue: ctx.backups.overdue(await clinicCreatedAt(ctx)),
      lastGoodAt: lastGood?.at ?? null,
      lastError: last && !last.ok ? last.message : null,
      warnAfterDays: WARN_AFTER_DAYS,
    };
  },

  async 'backups.run'(_input, ctx) {
    ctx.audit({ entity: 'clinic', detail: `Back up now, to ${ctx.backups.folder()}` });
    // The copy is read from its own connection, after this call's transaction: the clinic keeps working meanwhile.
    return new AfterCommit(() =>
      asApiError(async () => {
        await ctx.backups.backup('manual');
        return attempt(ctx.backups.history().at(-1)!);
      }),
    );
  },

  async 'backups.saveSettings'(input, ctx) {
    await asApiError(() => ctx.backups.saveSettings(input));
    const folder = ctx.backups.folder();
    ctx.audit({ entity: 'clinic', detail: `Backups go to ${folder}; keep ${input.retention.daily} daily, ${input.retention.weekly} weekly, ${input.retention.monthly} monthly` });
    return { folder };
  },

  async 'backups.setPassphrase'({ passphrase }, ctx) {
    await ctx.backups.setPassphrase(passphrase);
    ctx.audit({ entity: 'clinic', detail: passphrase === null ? 'Backups are no longer encrypted' : 'Backups are encrypted with a new passphrase' });
    return { encrypted: passphrase !== null };
  },

  async 'backups.restore'({ file, passphrase }, ctx) {
    // Checked whole (decrypted, integrity, schema) before anything changes; a refusal changes nothing.
    const verified = await asApiError(() => ctx.backups.verify(file, passphrase || undefined));
    ctx.audit({ entity: 'clinic', detail: `Restore from ${file}` });
    const by = { username: ctx.user.username, displayName: ctx.user.displayName };
    return new AfterCommit(() => asApiError(() => restoreBackup(ctx.backups, { file, passphrase: passphrase || undefined, at: ctx.now, by, liveDb: ctx.appDb, verified })));
  },
});
