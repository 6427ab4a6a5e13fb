import { z } from 'zod';

/** A backup file's extension (the installers associate it with Casebook). */
export const BACKUP_EXTENSION = 'casebook-backup';

export const driveSchema = z.object({
  path: z.string(),
  label: z.string(),
  freeBytes: z.number(),
  totalBytes: z.number(),
  removable: z.boolean(),
});
export type DriveInfo = z.infer<typeof driveSchema>;

export const backupCountsSchema = z.object({
  clients: z.number().int(),
  users: z.number().int(),
  auditEvents: z.number().int(),
});

export const backupSettingsSchema = z.object({
  /** Backups of this charity kept in a folder; older ones are removed after a new one is verified. */
  keep: z.number().int().min(1, { error: 'keepRange' }).max(100, { error: 'keepRange' }),
  /** Days after the last verified backup when the reminder turns amber, then red. */
  warnDays: z.number().int().min(1, { error: 'daysRange' }).max(365, { error: 'daysRange' }),
  alertDays: z.number().int().min(1, { error: 'daysRange' }).max(365, { error: 'daysRange' }),
  /** Back up when Casebook closes, if the folder of the last backup (e.g. the USB stick) is there. */
  onExit: z.boolean().default(false),
});
export type BackupSettings = z.output<typeof backupSettingsSchema>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keep: 10, warnDays: 7, alertDays: 14, onExit: false };

export const backupStatusSchema = z.object({
  last: z.object({ at: z.string(), path: z.string(), location: z.string(), counts: backupCountsSchema }).nullable(),
  daysSince: z.number().int().nullable(),
  /** never: no backup yet; ok; warn (amber); alert (red). */
  level: z.enum(['never', 'ok', 'warn', 'alert']),
  settings: backupSettingsSchema,
  /** The documents on file, and the bytes they add to the records and so to every backup. */
  documents: z.object({ count: z.number().int(), bytes: z.number() }),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupMadeSchema = z.object({
  path: z.string(),
  location: z.string(),
  bytes: z.number(),
  createdAt: z.string(),
  counts: backupCountsSchema,
  removedOld: z.number().int(),
});

export const backupCredentialsSchema = z
  .union([
    z.object({
      name: z.string().trim().min(1, { error: 'required' }).max(100),
      password: z.string().min(1, { error: 'required' }).max(1024),
    }),
    z.object({ recoveryKey: z.string().min(1, { error: 'required' }).max(200) }),
  ])
  .nullish()
  .transform((v) => v ?? null);

export const backupSummarySchema = z.object({
  path: z.string(),
  createdAt: z.string(),
  charityName: z.string(),
  createdBy: z.string(),
  counts: backupCountsSchema,
  schemaVersion: z.number().int(),
  bytes: z.number(),
  /** True when the backup is of the records open now (not another charity's or another install's). */
  sameRecords: z.boolean(),
  /** False on a computer with no records yet (a new PC): nothing here would be replaced. */
  recordsHere: z.boolean(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupProgressSchema = z.object({
  running: z.boolean(),
  stage: z.enum(['reading', 'copying', 'checkingCopy', 'writing', 'verifying', 'done']).nullable(),
  fraction: z.number(),
});
