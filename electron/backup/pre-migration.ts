import type { BackupService } from './backup-service';
import { BackupError } from './errors';

export class MigrationBackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationBackupError';
  }
}

/**
 * Before a migration: a backup in the chosen folder, or when that cannot be reached (an unplugged
 * drive) in the data folder's own. When neither works the update does not run (nothing is changed).
 */
export async function backupBeforeMigration(backups: BackupService, from: number, to: number): Promise<void> {
  try {
    await backups.backup('pre-migration');
    return;
  } catch (error) {
    if (backups.folder() === backups.defaultFolder) throw refused(from, to, error);
  }
  try {
    await backups.backup('pre-migration', { folder: backups.defaultFolder });
  } catch (error) {
    throw refused(from, to, error);
  }
}

function refused(from: number, to: number, error: unknown) {
  const why = error instanceof BackupError || error instanceof Error ? error.message : String(error);
  return new MigrationBackupError(
    `Runback must update this clinic's database (version ${from} to ${to}) and backs it up first, but the backup failed: ${why} Nothing was changed; free some space or fix the backup folder and start again.`,
  );
}
