import { openDatabase, closeDatabase } from '../../electron/core/db/database';
import { unlockWithPassword } from '../../electron/core/vault/vault';
import { KDF_DEFAULT } from '../../electron/core/vault/kdf';
import { digestTables } from '../../electron/core/backup/manifest';
(async () => {
  const u = await unlockWithPassword('/tmp/large/keyslots.json', 'Bench Admin', 'large database 2026', KDF_DEFAULT);
  const db = openDatabase('/tmp/prof/copy.db', u.dbKey, { readOnly: true, migrate: false });
  for (let i = 0; i < 3; i++) { const t0 = performance.now(); digestTables(db.$client); console.log('digest', Math.round(performance.now() - t0)); }
  closeDatabase(db);
})();
