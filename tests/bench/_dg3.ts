import { openDatabase, closeDatabase } from '../../electron/core/db/database';
import { unlockWithPassword } from '../../electron/core/vault/vault';
import { KDF_DEFAULT } from '../../electron/core/vault/kdf';
import { digestTables } from '../../electron/core/backup/manifest';
(async () => {
  const u = await unlockWithPassword('/tmp/large/keyslots.json', 'Bench Admin', 'large database 2026', KDF_DEFAULT);
  const db = openDatabase('/tmp/prof/copy.db', u.dbKey, { readOnly: true, migrate: false });
  const s = db.$client;
  let last = performance.now(); let lastI = -1; const times: [string, number, number][] = [];
  const names = s.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  const out = digestTables(s, (i) => { if (i !== lastI) { const now = performance.now(); if (lastI >= 0) times.push([names[lastI]!, Math.round(now - last), 0]); last = now; lastI = i; } });
  for (const t of times) t[2] = out[t[0]]!.rows;
  times.sort((a, b) => b[1] - a[1]); console.log(times.slice(0, 10));
  closeDatabase(db);
})();
