import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openDatabase, closeDatabase } from '../../electron/core/db/database';
import { unlockWithPassword } from '../../electron/core/vault/vault';
import { KDF_DEFAULT } from '../../electron/core/vault/kdf';
import { digestTables } from '../../electron/core/backup/manifest';
(async () => {
  const u = await unlockWithPassword('/tmp/large/keyslots.json', 'Bench Admin', 'large database 2026', KDF_DEFAULT);
  const db = openDatabase('/tmp/prof/copy.db', u.dbKey, { readOnly: true, migrate: false });
  const s = db.$client;
  console.log(s.prepare('select sqlite_version()').pluck().get());
  const t = (name: string, f: () => unknown) => { const t0 = performance.now(); const r = f(); console.log(name, Math.round(performance.now() - t0), String(r).slice(0, 70)); return r; };
  const tables = s.prepare(`SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string; sql: string }[];
  const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
  const v2 = () => {
    let rows = 0;
    for (const { name, sql } of tables) {
      const cols = s.prepare(`SELECT name, type, pk FROM pragma_table_info(?)`).all(name) as { name: string; type: string; pk: number }[];
      const without = /WITHOUT\s+ROWID/i.test(sql);
      const key = without ? cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => q(c.name)) : ['rowid'];
      const cells = cols.map((c) => `CASE typeof(${q(c.name)}) WHEN 'blob' THEN hex(${q(c.name)}) ELSE ${q(c.name)} END`).join(', ');
      const tuple = `(${key.join(', ')})`;
      const params = key.map(() => '?').join(', ');
      const boundary = s.prepare(`SELECT ${key.join(', ')} FROM ${q(name)} WHERE ${tuple} > (${params}) ORDER BY ${key.join(', ')} LIMIT 1 OFFSET 1999`).raw(true);
      const first = s.prepare(`SELECT ${key.join(', ')} FROM ${q(name)} ORDER BY ${key.join(', ')} LIMIT 1`).raw(true);
      const chunk = s.prepare(`SELECT count(*), CAST(group_concat(json_array(${cells}), char(10) ORDER BY ${key.join(', ')}) AS BLOB) FROM ${q(name)} WHERE ${tuple} >= (${params}) AND ${tuple} <= (${params})`).raw(true);
      const rest = s.prepare(`SELECT count(*), CAST(group_concat(json_array(${cells}), char(10) ORDER BY ${key.join(', ')}) AS BLOB) FROM ${q(name)} WHERE ${tuple} >= (${params})`).raw(true);
      const h = createHash('sha256');
      let from = first.get() as unknown[] | undefined;
      while (from) {
        const to = boundary.get(...from) as unknown[] | undefined;
        const [n, blob] = (to ? chunk.get(...from, ...to) : rest.get(...from)) as [number, Buffer | null];
        rows += n;
        if (blob) { h.update(blob); h.update('\n'); }
        if (!to) break;
        from = s.prepare(`SELECT ${key.join(', ')} FROM ${q(name)} WHERE ${tuple} > (${params}) ORDER BY ${key.join(', ')} LIMIT 1`).raw(true).get(...to) as unknown[] | undefined;
      }
      h.digest('hex');
    }
    return rows;
  };
  const scan = (expr: (cells: string) => string) => () => { let n = 0; for (const { name } of tables) { const cols = s.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]; const cells = cols.map((c) => q(c)).join(', '); n += s.prepare(`SELECT ${expr(cells)} FROM ${q(name)}`).pluck().get() as number; } return n; };
  for (let i = 0; i < 2; i++) {
    t('sum length of last col', scan((c) => `sum(length(${c.split(', ').at(-1)}))`));
    t('sum length json_array', scan((c) => `sum(length(json_array(${c})))`));
    t('v2', v2);
  }
  closeDatabase(db);
})();
