import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../electron/core/db/database';
import { SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { beforeUpgradeDir, openUpgrading } from '../../electron/core/db/upgrade';
import { KDF_MINIMUM } from '../../electron/core/vault/kdf';
import { createKeySlots, generateRecoveryKey } from '../../electron/core/vault/vault';
import { startCore, tempDir } from './helpers';

const FIXTURES = join(__dirname, '../fixtures');
const KEY = Buffer.from(readFileSync(join(FIXTURES, 'schema-3.key'), 'utf8').trim(), 'hex');

/** The first released records (schema 3), copied into a new data folder as its database. */
function oldRecords(): { dir: string; path: string } {
  const dir = tempDir('casebook-upgrade-');
  const path = join(dir, 'casebook.db');
  copyFileSync(join(FIXTURES, 'schema-3.db'), path);
  return { dir, path };
}

/** Every row of every table, by the columns the table had in the old schema. */
function everything(db: Db, columns?: Map<string, string[]>): Map<string, string> {
  const tables = db.$client
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const out = new Map<string, string>();
  for (const t of columns ? [...columns.keys()] : tables) {
    const cols =
      columns?.get(t) ?? (db.$client.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]);
    out.set(
      t,
      JSON.stringify(
        db.$client
          .prepare(
            `SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${t}" ORDER BY ${cols.map((_, i) => i + 1).join(', ')}`,
          )
          .raw()
          .all(),
      ),
    );
  }
  return out;
}

const columnsOf = (db: Db) =>
  new Map(
    (
      db.$client
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
        .pluck()
        .all() as string[]
    ).map((t) => [t, db.$client.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]]),
  );

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('records from an older Casebook', () => {
  it('are brought up to date keeping every row, after a checked copy of them is kept beside them', () => {
    const { path } = oldRecords();
    const before = openDatabase(path, KEY, { migrate: false, readOnly: true });
    expect(before.$client.pragma('user_version', { simple: true })).toBe(3);
    // A household member's relationship becomes a code (migration 14): compared on its own below.
    const columns = columnsOf(before);
    columns.set(
      'household_members',
      columns.get('household_members')!.filter((c) => c !== 'relationship'),
    );
    const rows = everything(before, columns);
    const relationships = before.$client
      .prepare('SELECT id, relationship FROM household_members ORDER BY id')
      .all() as { id: number; relationship: string }[];
    expect(before.$client.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(200);
    before.$client.close();

    const opened = openUpgrading(path, KEY, new Date('2026-11-23T10:00:00Z'));
    expect(opened.upgrade).toMatchObject({ from: 3, to: SCHEMA_VERSION });
    expect(opened.db.$client.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // Every table of the old schema holds the same rows, column for column.
    const after = everything(opened.db, columns);
    // (The search index, derived from the rows, gains terms, short references and phone runs, and
    // loses only tokens that start another token of the same client: a postcode's first word. Every
    // search finds the same clients.)
    for (const [table, data] of rows) {
      if (table !== 'client_search_tokens') expect(after.get(table), table).toBe(data);
      else {
        const nowRows = JSON.parse(after.get(table)!) as [string, number][];
        const now = new Set(nowRows.map((r) => JSON.stringify(r)));
        const lost = (JSON.parse(data) as [string, number][]).filter((r) => !now.has(JSON.stringify(r)));
        for (const [token, client] of lost)
          expect(
            nowRows.some(([t, c]) => c === client && t !== token && t.startsWith(token)),
            `${token} of ${client}`,
          ).toBe(true);
      }
    }
    const codes = new Map(
      (
        opened.db.$client.prepare('SELECT id, relationship FROM household_members').all() as {
          id: number;
          relationship: string;
        }[]
      ).map((r) => [r.id, r.relationship]),
    );
    for (const r of relationships) expect(codes.get(r.id), r.relationship).toBe(r.relationship.toLowerCase());
    // The new tables are there and empty.
    expect(opened.db.$client.prepare('SELECT count(*) FROM subject_access_requests').pluck().get()).toBe(0);
    closeDatabase(opened.db);

    // The copy is the old records as they were, readable with the same key.
    const copy = opened.upgrade!.copy;
    expect(copy.startsWith(beforeUpgradeDir(path))).toBe(true);
    const kept = openDatabase(copy, KEY, { migrate: false, readOnly: true });
    expect(kept.$client.pragma('user_version', { simple: true })).toBe(3);
    expect(everything(kept, columns)).toEqual(rows);
    kept.$client.close();

    // Opened again, nothing more to do and no second copy.
    const again = openUpgrading(path, KEY, new Date('2026-11-24T10:00:00Z'));
    expect(again.upgrade).toBeNull();
    closeDatabase(again.db);
    expect(readdirSync(beforeUpgradeDir(path)).filter((f) => f.endsWith('.db'))).toHaveLength(1);
  });

  it('from a newer Casebook are refused and left exactly as they were', () => {
    const { path } = oldRecords();
    const db = openDatabase(path, KEY, { migrate: false });
    db.$client.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    closeDatabase(db);
    const hash = sha(path);
    expect(() => openUpgrading(path, KEY, new Date('2026-11-23T10:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'DATABASE_TOO_NEW' }),
    );
    expect(sha(path)).toBe(hash);
    expect(existsSync(beforeUpgradeDir(path))).toBe(false);
  });

  it('are upgraded when someone signs in, and the trail says so', async () => {
    const { dir } = oldRecords();
    await createKeySlots(
      join(dir, 'keyslots.json'),
      KEY,
      { userId: 1, name: 'Bench Admin', password: 'correct horse battery' },
      generateRecoveryKey(),
      KDF_MINIMUM,
      new Date('2026-11-23T10:00:00Z'),
    );
    const t = startCore({ dataDir: dir });
    expect((await t.ok('app.status', {})).state).toBe('locked');
    await t.ok('signIn.unlock', { name: 'Bench Admin', password: 'correct horse battery' });
    expect((await t.ok('clients.search', { query: '' })).total).toBe(200);
    const upgraded = (await t.ok('audit.list', { action: 'database.upgraded' })).items;
    expect(upgraded.map((e) => e.detail)).toEqual([
      { from: 3, to: SCHEMA_VERSION, copy: expect.stringMatching(/^casebook-schema-3-2026-11-23-10-00-00\.db$/) },
    ]);
    // The newest features work on the old records.
    const c = (await t.ok('clients.search', { query: '' })).items[0]!;
    expect((await t.ok('subjectAccess.record', { clientId: c.id, receivedOn: '2026-11-20' }))[0]!.dueOn).toBe(
      '2026-12-20',
    );
  });
});
