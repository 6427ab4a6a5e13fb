import { inspectBackup } from '../../electron/core/backup/backup';
import { recordAudit } from '../../electron/core/audit/audit';
import { openDatabase } from '../../electron/core/db/database';
import { KDF_MINIMUM } from '../../electron/core/vault/kdfParams';

/**
 * The child of the restore-kill test: does what a restore does up to the moment the waiting copy's
 * write-ahead log gets its first frames (the verified copy is opened and written to), says so on
 * stdout, and waits to be killed with SIGKILL there.
 */
const [backup, restoring, keyHex] = [
  process.env['KILL_BACKUP']!,
  process.env['KILL_RESTORING']!,
  process.env['KILL_KEY']!,
];
const key = Buffer.from(keyHex, 'hex');
void inspectBackup(backup, { dbKey: key }, KDF_MINIMUM, { copy: restoring, keep: true }).then((r) => {
  const db = openDatabase(restoring, r.dbKey);
  db.$client.transaction(() =>
    recordAudit(db, { userId: null, action: 'backup.restored', at: new Date('2026-11-23T10:00:00Z') }),
  )();
  process.stdout.write('frames written\n');
  setInterval(() => {}, 1000);
});
