import { openDatabase, closeDatabase } from '../../electron/core/db/database';
import { unlockWithPassword } from '../../electron/core/vault/vault';
import { KDF_DEFAULT } from '../../electron/core/vault/kdf';
(async () => {
  const u = await unlockWithPassword('/tmp/large/keyslots.json', 'Bench Admin', 'large database 2026', KDF_DEFAULT);
  const db = openDatabase(process.argv[2] ?? '/tmp/prof/copy.db', u.dbKey, { readOnly: true, migrate: false });
  const s = db.$client;
  const rows = s.prepare(`SELECT name, count(*) AS pages, sum(pgsize)/1e6 AS mb, sum(unused)/1e6 AS unused_mb FROM dbstat GROUP BY name ORDER BY pages DESC LIMIT 25`).all();
  console.table(rows);
  console.log(s.pragma('page_count', { simple: true }), s.pragma('freelist_count', { simple: true }), s.pragma('page_size', { simple: true }), s.pragma('auto_vacuum', { simple: true }));
  closeDatabase(db);
})();
