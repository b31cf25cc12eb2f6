/** Why a backup or a restore was refused; the message is written for the clinic's admin. */
export type BackupErrorCode =
  | 'NOT_FOUND'
  | 'NOT_BACKUP'
  | 'TOO_NEW'
  | 'TRUNCATED'
  | 'DAMAGED'
  | 'PASSPHRASE_NEEDED'
  | 'WRONG_PASSPHRASE'
  | 'INTEGRITY'
  | 'FOLDER'
  | 'EXISTS'
  /** Files the records refer to (attachments, photos) that the backup cannot bring back. */
  | 'FILES';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}
