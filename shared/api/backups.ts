import { z } from 'zod';
import { channel } from './channel';

export const BACKUP_KINDS = ['manual', 'daily', 'pre-migration'] as const;
export const BACKUP_KIND_LABELS: Record<(typeof BACKUP_KINDS)[number], string> = {
  manual: 'Backed up by hand',
  daily: 'Daily (automatic)',
  'pre-migration': 'Before an update',
};

export const retentionSchema = z.object({
  daily: z.number().int('Type a whole number of days').min(1, 'Keep at least 1 daily backup').max(60, 'Keep at most 60 daily backups'),
  weekly: z.number().int('Type a whole number of weeks').min(0, 'Type 0 or more weekly backups').max(52, 'Keep at most 52 weekly backups'),
  monthly: z.number().int('Type a whole number of months').min(0, 'Type 0 or more monthly backups').max(120, 'Keep at most 120 monthly backups'),
});
export type Retention = z.infer<typeof retentionSchema>;

export const recordCountsSchema = z.object({
  patients: z.number().int(),
  appointments: z.number().int(),
  runs: z.number().int(),
  notes: z.number().int().nullable(),
});
export type RecordCounts = z.infer<typeof recordCountsSchema>;

export const backupAttemptSchema = z.object({
  at: z.string(),
  kind: z.enum(BACKUP_KINDS),
  ok: z.boolean(),
  file: z.string().nullable(),
  bytes: z.number().int().nullable(),
  encrypted: z.boolean(),
  counts: recordCountsSchema.nullable(),
  message: z.string().nullable(),
});
export type BackupAttempt = z.infer<typeof backupAttemptSchema>;

export const backupFileSchema = z.object({
  name: z.string(),
  file: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  bytes: z.number().int(),
  encrypted: z.boolean(),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

/** A clinic passphrase: long enough that a stolen backup drive does not give it up. */
export const BACKUP_PASSPHRASE_MIN = 12;
export const passphraseSchema = z
  .string()
  .min(BACKUP_PASSPHRASE_MIN, `Use at least ${BACKUP_PASSPHRASE_MIN} characters (a few words are easy to remember and hard to guess)`)
  .max(200, 'Use at most 200 characters');

const pathSchema = z.string().trim().min(1, 'Give the file’s full path').max(1000, 'This path is too long');

export const restoreReportSchema = z.object({
  from: z.string(),
  takenAt: z.string().nullable(),
  schemaVersion: z.number().int(),
  migratedTo: z.number().int(),
  counts: recordCountsSchema,
  /** Attached files and exercise photos put back into the data folder (those still there and sound are left as they are). */
  filesRestored: z.number().int(),
  undoFile: z.string().nullable(),
});
export type RestoreReport = z.infer<typeof restoreReportSchema>;

export const backupChannels = {
  'backups.status': channel({
    summary: 'Backup settings, the last good backup and the last attempt, the backups in the folder, and the database kept aside by the last restore.',
    access: ['admin'],
    kind: 'read',
    request: z.object({}),
    response: z.object({
      folder: z.string(),
      defaultFolder: z.string(),
      retention: retentionSchema,
      encrypted: z.boolean(),
      passphraseSetAt: z.string().nullable(),
      lastGood: backupAttemptSchema.nullable(),
      lastAttempt: backupAttemptSchema.nullable(),
      overdue: z.boolean(),
      warnAfterDays: z.number().int(),
      backups: z.array(backupFileSchema),
      undo: z.object({ file: z.string(), keptAt: z.string() }).nullable(),
    }),
  }),
  'backups.alert': channel({
    summary: 'Whether an admin should be warned that no backup has succeeded for days (shown in the app frame).',
    access: ['admin'],
    kind: 'read',
    request: z.object({}),
    response: z.object({ overdue: z.boolean(), lastGoodAt: z.string().nullable(), lastError: z.string().nullable(), warnAfterDays: z.number().int() }),
  }),
  'backups.run': channel({
    summary: 'Back up now: an online copy of the live database, integrity-checked, encrypted when the clinic has a backup passphrase, into the backup folder.',
    access: ['admin'],
    kind: 'write',
    request: z.object({}),
    response: backupAttemptSchema,
  }),
  'backups.saveSettings': channel({
    summary: 'The backup folder (null = the data folder’s own) and how many daily, weekly and monthly automatic backups to keep.',
    access: ['admin'],
    kind: 'write',
    request: z.object({ folder: z.string().trim().max(1000, 'This path is too long').nullable(), retention: retentionSchema }),
    response: z.object({ folder: z.string() }),
  }),
  'backups.setPassphrase': channel({
    summary: 'Sets the clinic’s backup passphrase (backups from now on are encrypted) or, with null, stops encrypting.',
    access: ['admin'],
    kind: 'write',
    request: z.object({ passphrase: passphraseSchema.nullable() }),
    response: z.object({ encrypted: z.boolean() }),
  }),
  'backups.restore': channel({
    summary: 'Restores a backup (checked whole first), keeping the current database aside so it can be undone; everyone signs in again.',
    access: ['admin'],
    kind: 'write',
    request: z.object({ file: pathSchema, passphrase: z.string().max(200).optional() }),
    response: restoreReportSchema,
  }),
} as const;
