import { createHash } from 'node:crypto';
import { openDatabase, closeDatabase } from '../../electron/core/db/database';
import { unlockWithPassword } from '../../electron/core/vault/vault';
import { KDF_DEFAULT } from '../../electron/core/vault/kdf';
(async () => {
  const u = await unlockWithPassword('/tmp/large/keyslots.json', 'Bench Admin', 'large database 2026', KDF_DEFAULT);
  const db = openDatabase('/tmp/prof/copy.db', u.dbKey, { readOnly: true, migrate: false });
  const s = db.$client;
  const q = (n: string) => `"${n}"`;
  for (const table of ['case_notes', 'client_search_tokens', 'clients']) {
    const cols = (s.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map(q);
    const order = /WITHOUT ROWID/i.test(s.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(table) as string) ? cols.slice(0, 2).join(',') : 'rowid';
    for (let rep = 0; rep < 2; rep++) {
      let t0 = performance.now();
      let h = createHash('sha256'); let run = '';
      for (const row of s.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).raw(true).iterate() as IterableIterator<unknown[]>) { run += JSON.stringify(row) + '\n'; if (run.length > 65536) { h.update(run); run = ''; } }
      h.update(run); h.digest();
      const v1 = performance.now() - t0;
      t0 = performance.now();
      h = createHash('sha256'); let parts: Buffer[] = []; let len = 0;
      for (const b of s.prepare(`SELECT CAST(json_array(${cols.join(',')}) || char(10) AS BLOB) FROM ${table} ORDER BY ${order}`).pluck().iterate() as IterableIterator<Buffer>) { parts.push(b); len += b.length; if (len > 65536) { h.update(Buffer.concat(parts, len)); parts = []; len = 0; } }
      h.update(Buffer.concat(parts)); h.digest();
      const v4 = performance.now() - t0;
      t0 = performance.now();
      h = createHash('sha256'); let srun = '';
      for (const b of s.prepare(`SELECT json_array(${cols.join(',')}) FROM ${table} ORDER BY ${order}`).pluck().iterate() as IterableIterator<string>) { srun += b + '\n'; if (srun.length > 65536) { h.update(srun); srun = ''; } }
      h.update(srun); h.digest();
      const v5 = performance.now() - t0;
      console.log(table, Math.round(v1), Math.round(v4), Math.round(v5));
    }
  }
  closeDatabase(db);
})();
