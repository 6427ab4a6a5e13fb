import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commitRestore,
  copyRecords,
  createBackup,
  digestAtCopy,
  inspectBackup,
} from '../../electron/core/backup/backup';
import { KDF_MINIMUM } from '../../electron/core/vault/kdf';
import { MAGIC } from '../../electron/core/backup/container';
import { digestTables } from '../../electron/core/backup/manifest';
import { appendErasure } from '../../electron/core/erasure/journal';
import { eraseClientRows } from '../../electron/core/erasure/erasure';
import { CasebookError } from '../../shared/result';
import { addNewPerson, ADMIN, setUp, startCore, tempDir, type TestCore } from './helpers';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function withClients(n: number, t?: TestCore): Promise<TestCore> {
  const core = t ?? startCore();
  if (!t) await setUp(core);
  for (let i = 0; i < n; i++)
    await addNewPerson(core, {
      firstName: `Zofia${i}`,
      lastName: 'Wiśniewska-Łęcka',
      address: `${i} Przystań Road, Leeds`,
    });
  return core;
}

async function backup(t: TestCore, dir = tempDir('casebook-usb-')) {
  const made = await t.ok('backup.create', { targetDir: dir });
  return { dir, made };
}

/** Rewrites a backup's header (for crafted cases) and fixes up its trailer. */
function rewriteHeader(path: string, change: (h: Record<string, unknown>) => void): void {
  const buf = readFileSync(path);
  const len = buf.readUInt32BE(MAGIC.length);
  const header = JSON.parse(buf.subarray(MAGIC.length + 4, MAGIC.length + 4 + len).toString('utf8'));
  change(header);
  const headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
  const lenBuf = Buffer.alloc(4);
  lenBuf.writeUInt32BE(headerBuf.length);
  const body = Buffer.concat([MAGIC, lenBuf, headerBuf, buf.subarray(MAGIC.length + 4 + len, buf.length - 32)]);
  writeFileSync(path, Buffer.concat([body, createHash('sha256').update(body).digest()]));
}

/** The live records and their key slots (the slots themselves: locking records the trail's head beside them). */
const liveState = (t: TestCore) => ({
  db: sha(join(t.dataDir, 'casebook.db')),
  slots: createHash('sha256')
    .update(
      JSON.stringify((JSON.parse(readFileSync(join(t.dataDir, 'keyslots.json'), 'utf8')) as { slots: unknown }).slots),
    )
    .digest('hex'),
});

/** A plain SQLite file in a folder of its own for `fn`, closed after. */
function withPlainDb(fn: (sqlite: Database.Database, dir: string) => void): void {
  const dir = tempDir('casebook-digest-');
  const sqlite = new Database(join(dir, 'rows.db'));
  try {
    fn(sqlite, dir);
  } finally {
    sqlite.close();
  }
}

/** The manifest's hash of a table, written out: each row's JSON (blobs as {"hex"}) then "\n", in key order. */
const rowsHash = (list: unknown[][]) =>
  createHash('sha256')
    .update(
      list
        .map((r) => JSON.stringify(r.map((v) => (Buffer.isBuffer(v) ? { hex: v.toString('hex') } : v))) + '\n')
        .join(''),
    )
    .digest('hex');

describe('backing up', () => {
  it('writes one verified, encrypted file named with the charity and date, and remembers it', async () => {
    const t = await withClients(12);
    expect((await t.ok('backup.status', {})).level).toBe('never');
    const { dir, made } = await backup(t);
    expect(readdirSync(dir)).toEqual([made.path.slice(dir.length + 1)]);
    expect(made.path).toMatch(/Casebook Przystań Community Aid 2026-11-23 \d{4}\.casebook-backup$/);
    expect(made.counts).toMatchObject({ clients: 12, users: 1 });
    const bytes = readFileSync(made.path);
    expect(bytes.subarray(0, 16).toString()).toBe('CASEBOOK-BACKUP1');
    expect(bytes.includes(Buffer.from('Wiśniewska'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    const status = await t.ok('backup.status', {});
    expect(status).toMatchObject({ level: 'ok', daysSince: 0, last: { path: made.path, counts: { clients: 12 } } });
    t.clock.now += 8 * 86_400_000;
    expect((await t.ok('backup.status', {})).level).toBe('warn');
    t.clock.now += 7 * 86_400_000;
    expect((await t.ok('backup.status', {})).level).toBe('alert');
    expect((await t.ok('audit.list', { action: 'backup.created' })).total).toBe(1);
  });

  it('keeps the newest N backups of this charity in a folder and leaves other files alone', async () => {
    const t = await withClients(2);
    await t.ok('backup.updateSettings', { keep: 3, warnDays: 7, alertDays: 14 });
    const dir = tempDir('casebook-usb-');
    writeFileSync(join(dir, 'holiday photo.jpg'), 'x');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await t.ok('backup.create', { targetDir: dir })).path);
      t.clock.now += 60_000;
    }
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(4);
    expect(left).toContain('holiday photo.jpg');
    for (const p of made.slice(2)) expect(existsSync(p)).toBe(true);
    expect((await t.fail('backup.updateSettings', { keep: 3, warnDays: 10, alertDays: 5 })).fields).toEqual({
      alertDays: 'alertBeforeWarn',
    });
  });

  it('a USB stick pulled out mid-backup: a clear error, the live database intact, no valid-looking file', async () => {
    const t = await withClients(20);
    for (const pullAt of ['copying', 'writing', 'verifying'] as const) {
      const usb = tempDir('casebook-usb-');
      const target = join(usb, 'KINGSTON');
      mkdirSync(target);
      const s = t.cb.requireSignedIn();
      const err = await createBackup({
        db: s.db,
        dbKey: s.dbKey,
        slotsPath: join(t.dataDir, 'keyslots.json'),
        targetDir: target,
        charityName: 'Test',
        createdBy: 'Anna',
        now: new Date('2026-11-23T10:00:00Z'),
        keep: 10,
        onStage: (stage) => {
          if (stage === pullAt) rmSync(target, { recursive: true, force: true });
        },
      }).catch((e: unknown) => e);
      expect(err, pullAt).toBeInstanceOf(CasebookError);
      expect((err as CasebookError).code, pullAt).toMatch(/NOT_WRITABLE|BACKUP_DAMAGED/);
      expect(existsSync(target)).toBe(false);
      expect(s.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((await t.ok('clients.search', {})).total).toBe(20);
    }
    // A folder that is simply not there.
    expect((await t.fail('backup.create', { targetDir: join(tempDir(), 'gone') })).code).toBe('NOT_WRITABLE');
  });

  it('a full disk: DISK_FULL, and nothing left behind', async (ctx) => {
    const mount = tempDir('casebook-tiny-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=192k', 'tmpfs', mount], { stdio: 'ignore' });
    } catch {
      ctx.skip('cannot mount a small tmpfs here (needs root); the full-disk case is checked where it can be');
      return;
    }
    try {
      const t = await withClients(1);
      t.cb.write((db) => {
        const insert = db.$client.prepare(
          `INSERT INTO clients (id, reference, first_name, last_name, sort_name, address, created_at, updated_at) VALUES (?, ?, 'A', 'B', 'b a', ?, 'x', 'x')`,
        );
        for (let i = 100; i < 700; i++) insert.run(i, `CB-${i}`, 'x'.repeat(480) + i);
      });
      const err = await t.fail('backup.create', { targetDir: mount });
      expect(err.code).toBe('DISK_FULL');
      expect(readdirSync(mount)).toEqual([]);
      expect((await t.ok('clients.search', {})).total).toBe(601);
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});

describe('backing up when Casebook closes', () => {
  it('happens only when asked for and when the last backup’s drive is plugged in', async () => {
    const t = await withClients(3);
    expect(await t.cb.backUpOnExit()).toBe('skipped'); // no backup yet: no known drive
    const { dir } = await backup(t);
    expect(await t.cb.backUpOnExit()).toBe('skipped'); // not asked for
    await t.ok('backup.updateSettings', { keep: 10, warnDays: 7, alertDays: 14, onExit: true });
    t.clock.now += 60_000;
    expect(await t.cb.backUpOnExit()).toBe('done');
    expect(readdirSync(dir).filter((f) => f.endsWith('.casebook-backup'))).toHaveLength(2);
    rmSync(dir, { recursive: true }); // the stick was taken out
    expect(await t.cb.backUpOnExit()).toBe('skipped');
  });
});

describe('the manifest', () => {
  it('hashes every row as it always has (JSON of the row and a line break), so older backups still check', () => {
    withPlainDb((sqlite) => {
      sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, minutes REAL, picture BLOB, n INTEGER)');
      sqlite.exec('CREATE TABLE pairs (a TEXT, b INTEGER, PRIMARY KEY (a, b)) WITHOUT ROWID');
      const rows: unknown[][] = [
        [1, 'Rang about the eviction notice.\nZażółć gęślą jaźń "quoted"', 12.5, null, 3],
        [2, 'x'.repeat(70_000), 0.1, Buffer.from([0, 1, 254, 255]), -7],
        [3, null, null, null, null],
      ];
      const insert = sqlite.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, ?)');
      for (const r of rows) insert.run(...r);
      sqlite.prepare('INSERT INTO pairs VALUES (?, ?), (?, ?)').run('b', 1, 'a', 2);
      expect(digestTables(sqlite)).toEqual({
        notes: { rows: 3, sha256: rowsHash(rows) },
        pairs: {
          rows: 2,
          sha256: rowsHash([
            ['a', 2],
            ['b', 1],
          ]),
        },
      });
    });
  });

  it('hashes the same bytes when SQLite writes the rows (STRICT tables), across pieces and whatever the text holds', () => {
    withPlainDb((sqlite) => {
      sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, picture BLOB, n INTEGER) STRICT');
      sqlite.exec(
        'CREATE TABLE tokens (token TEXT NOT NULL, client_id INTEGER NOT NULL, PRIMARY KEY (token, client_id)) STRICT, WITHOUT ROWID',
      );
      const control = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
      const texts = [
        `${control}"quoted" back\\slash /`,
        'Zażółć gęślą jaźń \u2028\u2029\u007f 🙂 €',
        '',
        'x'.repeat(70_000),
        null,
      ];
      // More rows than one piece, put in out of order (the hash follows the key, not the order written).
      const ids = Array.from({ length: 4_500 }, (_, i) => ((i * 7_919) % 4_500) + 1);
      const insert = sqlite.prepare('INSERT INTO notes VALUES (?, ?, ?, ?)');
      for (const id of ids)
        insert.run(
          id,
          texts[id % texts.length],
          id % 3 === 0 ? Buffer.from([0, id % 256, 255]) : null,
          id % 2 ? -id * 1_000_003 : 2 ** 52 + id,
        );
      const token = sqlite.prepare('INSERT INTO tokens VALUES (?, ?)');
      for (const id of ids) token.run(`t${(id * 31) % 97}`, id);
      const notes = [...ids]
        .sort((a, b) => a - b)
        .map((id) => [
          id,
          texts[id % texts.length],
          id % 3 === 0 ? Buffer.from([0, id % 256, 255]) : null,
          id % 2 ? -id * 1_000_003 : 2 ** 52 + id,
        ]);
      const tokens = ids
        .map((id) => [`t${(id * 31) % 97}`, id] as [string, number])
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
      expect(digestTables(sqlite)).toEqual({
        notes: { rows: 4_500, sha256: rowsHash(notes) },
        tokens: { rows: 4_500, sha256: rowsHash(tokens) },
      });
    });
  });

  it('reads the records for a backup with a small page cache, and gives the connection its full cache back', () => {
    withPlainDb((sqlite, dir) => {
      sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
      sqlite.prepare('INSERT INTO notes (body) VALUES (?)').run('Rang about the eviction notice.');
      sqlite.pragma('cache_size = -65536');
      let during: unknown = null;
      const digests = digestAtCopy(sqlite, () => (during = sqlite.pragma('cache_size', { simple: true })));
      expect(digests.notes!.rows).toBe(1);
      expect(during).toBe(-2048);
      expect(sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
      copyRecords(sqlite, join(dir, 'copy.db'));
      expect(sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
      // Even when the copy fails (no such folder), the cache comes back.
      expect(() => copyRecords(sqlite, join(dir, 'missing', 'copy.db'))).toThrow();
      expect(sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
    });
  });
});

describe('checking and restoring', () => {
  it('a round trip: restore gives back exactly what was backed up; later additions are gone', async () => {
    const t = await withClients(15);
    const before = t.cb.read((db) => digestTables(db.$client));
    const { made } = await backup(t);
    await t.ok('clients.intake', { details: { firstName: 'Added', lastName: 'Afterwards' } });

    const summary = await t.ok('backup.inspect', { path: made.path, credentials: null });
    expect(summary).toMatchObject({
      sameRecords: true,
      recordsHere: true,
      counts: { clients: 15, users: 1 },
      charityName: 'Przystań Community Aid',
      createdBy: ADMIN.name,
    });

    const state = await t.ok('backup.restore', { path: made.path, credentials: null });
    expect(state.state).toBe('locked');
    await t.ok('signIn.unlock', ADMIN);
    expect((await t.ok('clients.search', { query: 'afterwards' })).total).toBe(0);
    expect((await t.ok('clients.search', {})).total).toBe(15);
    const after = t.cb.read((db) => digestTables(db.$client));
    for (const table of ['clients', 'client_search_tokens', 'charity'])
      expect(after[table], table).toEqual(before[table]);
    // Signing in again updates "last signed in", so users are compared by count.
    expect(after['users']!.rows).toBe(before['users']!.rows);
    // The restore is in the restored records' own audit trail, and the chain holds.
    expect((await t.ok('audit.list', { action: 'backup.restored' })).total).toBe(1);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
    // The records as they were before the restore were kept aside.
    expect(readdirSync(join(t.dataDir, 'before-restore'))).toHaveLength(1);
  });

  it('refuses a truncated file, any flipped byte, another program’s file, a newer version and a wrong password; nothing changes', async () => {
    const t = await withClients(5);
    const { dir, made } = await backup(t);
    const live = liveState(t);
    const original = readFileSync(made.path);
    const variant = (name: string, bytes: Buffer) => {
      const p = join(dir, `${name}.casebook-backup`);
      writeFileSync(p, bytes);
      return p;
    };
    const cases: [string, string, string][] = [];
    cases.push([
      'truncated',
      variant('truncated', original.subarray(0, Math.floor(original.length * 0.7))),
      'BACKUP_DAMAGED',
    ]);
    for (const at of [20, Math.floor(original.length / 2), original.length - 40, original.length - 1]) {
      const flipped = Buffer.from(original);
      flipped[at] = flipped[at]! ^ 0x01;
      cases.push([`byte ${at} flipped`, variant(`flip${at}`, flipped), 'BACKUP_DAMAGED']);
    }
    cases.push(['a PDF', variant('pdf', Buffer.from('%PDF-1.7\n' + 'x'.repeat(500))), 'NOT_A_BACKUP']);
    cases.push(['an empty file', variant('empty', Buffer.alloc(0)), 'NOT_A_BACKUP']);
    cases.push(['a SQLite database', variant('sqlite', readFileSync(join(t.dataDir, 'casebook.db'))), 'NOT_A_BACKUP']);
    const newer = variant('newer', original);
    rewriteHeader(newer, (h) => (h['schemaVersion'] = 999));
    cases.push(['a newer version', newer, 'DATABASE_TOO_NEW']);
    const forged = variant('forged', original);
    rewriteHeader(forged, (h) => (h['createdAt'] = '2020-01-01T00:00:00.000Z'));
    cases.push(['a forged date', forged, 'BACKUP_DAMAGED']);

    for (const [what, path, code] of cases) {
      expect((await t.fail('backup.inspect', { path, credentials: null })).code, what).toBe(code);
      expect((await t.fail('backup.restore', { path, credentials: null })).code, what).toBe(code);
    }
    expect(
      (
        await t.fail('backup.restore', {
          path: made.path,
          credentials: { name: ADMIN.name, password: 'wrong password' },
        })
      ).code,
    ).toBe('WRONG_PASSWORD');
    // A file that is not there (the stick was pulled out after choosing it).
    expect((await t.fail('backup.inspect', { path: join(dir, 'gone.casebook-backup'), credentials: null })).code).toBe(
      'BACKUP_MISSING',
    );
    expect((await t.fail('backup.restore', { path: join(dir, 'gone.casebook-backup'), credentials: null })).code).toBe(
      'BACKUP_MISSING',
    );
    expect((await t.ok('app.status', {})).state).toBe('unlocked');
    expect(existsSync(join(t.dataDir, 'casebook.db.restoring'))).toBe(false);
    t.cb.lock('manual');
    expect(liveState(t).slots).toBe(live.slots);
    // The wrong password above counts for that name everywhere: the next try waits a second.
    t.clock.now += 1000;
    expect((await t.ok('signIn.unlock', ADMIN)).state).toBe('unlocked');
    expect((await t.ok('clients.search', {})).total).toBe(5);
  });

  it('restores onto a new computer (no records yet) with a password from the backup', async () => {
    const t = await withClients(7);
    const { made } = await backup(t);
    const fresh = startCore();
    expect((await fresh.ok('app.status', {})).state).toBe('needsSetup');
    expect((await fresh.fail('backup.restore', { path: made.path, credentials: null })).fields).toEqual({
      credentials: 'required',
    });
    expect(
      await fresh.ok('backup.inspect', {
        path: made.path,
        credentials: { name: ADMIN.name, password: ADMIN.password },
      }),
    ).toMatchObject({ sameRecords: false, recordsHere: false });
    expect(
      (
        await fresh.ok('backup.restore', {
          path: made.path,
          credentials: { name: ADMIN.name, password: ADMIN.password },
        })
      ).state,
    ).toBe('locked');
    await fresh.ok('signIn.unlock', ADMIN);
    expect((await fresh.ok('clients.search', {})).total).toBe(7);
  });

  it('while locked, only credentials that also open the current records may restore', async () => {
    const other = await withClients(1);
    const { made: foreign } = await backup(other);
    const t = await withClients(2);
    const { made: own } = await backup(t);
    await t.ok('signIn.lock', {});
    // A stranger's own backup and password: refused, the current records are not theirs to replace.
    expect(
      (
        await t.fail('backup.restore', {
          path: foreign.path,
          credentials: { name: 'Nobody', password: 'whatever pass' },
        })
      ).code,
    ).toBe('NOT_CURRENT_CREDENTIALS');
    expect(
      (await t.ok('backup.restore', { path: own.path, credentials: { name: ADMIN.name, password: ADMIN.password } }))
        .state,
    ).toBe('locked');
  });

  it('restoring an older backup erases again the people erased after it was made', async () => {
    const t = await withClients(3);
    const { made } = await backup(t);
    const victim = (await t.ok('clients.search', { query: 'zofia1' })).items[0]!;
    t.clock.now += 60_000;
    t.cb.write((db, s) => {
      appendErasure(join(t.dataDir, 'erasures.jsonl'), s.dbKey, {
        at: new Date(t.clock.now).toISOString(),
        clientId: victim.id,
        reference: victim.reference,
        mode: 'erase',
      });
      eraseClientRows(db, victim.id);
    });
    await t.ok('backup.restore', { path: made.path, credentials: null });
    await t.ok('signIn.unlock', ADMIN);
    expect((await t.ok('clients.search', {})).items.map((c) => c.reference)).not.toContain(victim.reference);
    expect((await t.ok('clients.search', {})).total).toBe(2);
    expect((await t.ok('audit.list', { action: 'backup.restored' })).items[0]!.detail).toMatchObject({
      erasuresApplied: 1,
    });
  });

  it('a restore interrupted before its commit point leaves the live records; after it, it is finished on the next start', async () => {
    const t = await withClients(4);
    const { made } = await backup(t);
    await t.ok('clients.intake', { details: { firstName: 'Only', lastName: 'Live' } });
    t.cb.dispose();
    // Before the commit point: a verified copy was waiting, but no slots beside it.
    writeFileSync(join(t.dataDir, 'casebook.db.restoring'), 'half written');
    let t2 = t.restart();
    expect((await t2.ok('app.status', {})).state).toBe('locked');
    expect(existsSync(join(t.dataDir, 'casebook.db.restoring'))).toBe(false);
    await t2.ok('signIn.unlock', ADMIN);
    expect((await t2.ok('clients.search', { query: 'live' })).total).toBe(1);
    // After the commit point: both files were waiting when the power went.
    const s = t2.cb.requireSignedIn();
    const r = await inspectBackup(made.path, { dbKey: s.dbKey }, KDF_MINIMUM, {
      copy: join(t.dataDir, 'casebook.db.restoring'),
      keep: true,
    });
    t2.cb.dispose();
    commitRestore({ keySlotsRestoring: join(t.dataDir, 'keyslots.json.restoring') }, r.header);
    t2 = t2.restart();
    expect((await t2.ok('app.status', {})).state).toBe('locked');
    await t2.ok('signIn.unlock', ADMIN);
    expect((await t2.ok('clients.search', { query: 'live' })).total).toBe(0);
    expect((await t2.ok('clients.search', {})).total).toBe(4);
  });
});
