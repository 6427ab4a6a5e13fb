import Database from 'better-sqlite3';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CasebookError } from '../../shared/result';
import { APPLICATION_ID, closeDatabase, openDatabase, WAL_LIMIT_BYTES } from '../../electron/core/db/database';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/db/migrations';
import * as schema from '../../electron/core/db/schema';
import { recordAudit, verifyAudit } from '../../electron/core/audit/audit';
import { tempDir } from './helpers';

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (err) {
    if (err instanceof CasebookError) return err.code;
    throw err;
  }
}

function newDb(migrations = MIGRATIONS) {
  const path = join(tempDir(), 'casebook.db');
  const key = randomBytes(32);
  closeDatabase(openDatabase(path, key, { create: true, migrations }));
  return { path, key };
}

const columnsOf = (db: ReturnType<typeof openDatabase>, table: string) =>
  (db.$client.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[]).map(
    (c) => c.name,
  );

describe('opening the encrypted database', () => {
  it('sets the pragmas on every open and the file does not start with the SQLite header', () => {
    const { path, key } = newDb();
    const db = openDatabase(path, key);
    const p = (name: string) => db.$client.pragma(name, { simple: true });
    expect(p('synchronous')).toBe(2);
    expect(p('foreign_keys')).toBe(1);
    expect(p('temp_store')).toBe(2);
    expect(p('journal_mode')).toBe('wal');
    expect(p('application_id')).toBe(APPLICATION_ID);
    expect(p('user_version')).toBe(SCHEMA_VERSION);
    expect(p('cache_size')).toBe(-65536);
    expect(p('journal_size_limit')).toBe(WAL_LIMIT_BYTES);
    expect(p('cipher')).toBe('sqlcipher');
    closeDatabase(db);
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('does not keep a large write-ahead log after a large change (the file stays near the size of its backup)', () => {
    const { path, key } = newDb();
    const db = openDatabase(path, key);
    const wal = () => statSync(`${path}-wal`).size;
    const sqlite = db.$client;
    sqlite.exec('CREATE TABLE bulk (id INTEGER PRIMARY KEY, body TEXT)');
    // One large change, as an import of thousands of people or an upgrade makes: about 40 MB.
    const insert = sqlite.prepare('INSERT INTO bulk (body) VALUES (?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run(`${i} `.padEnd(4000, 'x'));
    })();
    expect(wal()).toBeGreaterThan(WAL_LIMIT_BYTES);
    // The next small saves, once the log has been copied into the database, bring it back down.
    for (let i = 0; i < 3; i++) {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
      sqlite.prepare('INSERT INTO bulk (body) VALUES (?)').run('small');
    }
    expect(wal()).toBeLessThanOrEqual(WAL_LIMIT_BYTES);
    closeDatabase(db);
  });

  it('is readable by standard SQLCipher 4 settings with the raw key (no lock-in)', () => {
    const { path, key } = newDb();
    const raw = new Database(path, { fileMustExist: true });
    raw.pragma(`cipher = 'sqlcipher'`);
    raw.pragma('legacy = 4');
    raw.pragma(`key = "x'${key.toString('hex')}'"`);
    expect(raw.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'clients'`).get()).toEqual({ n: 1 });
    raw.close();
  });

  it('refuses a wrong key, a file damaged at its start and a foreign SQLite file (the key does not open them), and an empty file as damaged', () => {
    const { path, key } = newDb();
    expect(codeOf(() => openDatabase(path, randomBytes(32)))).toBe('KEY_NOT_FOR_RECORDS');

    const bytes = readFileSync(path);
    const damaged = Buffer.from(bytes);
    for (let i = 0; i < 64; i++) damaged[i] = damaged[i]! ^ 0xff; // the salt and first page header
    writeFileSync(path, damaged);
    expect(codeOf(() => openDatabase(path, key))).toBe('KEY_NOT_FOR_RECORDS');

    const foreign = join(tempDir(), 'other.db');
    const plain = new Database(foreign);
    plain.exec('CREATE TABLE t(x)');
    plain.close();
    expect(codeOf(() => openDatabase(foreign, key))).toBe('KEY_NOT_FOR_RECORDS');

    const empty = join(tempDir(), 'empty.db');
    writeFileSync(empty, '');
    expect(codeOf(() => openDatabase(empty, key))).toBe('DATABASE_DAMAGED');
  });

  it('refuses an encrypted SQLite file of another program (wrong application id)', () => {
    const path = join(tempDir(), 'x.db');
    const key = randomBytes(32);
    const other = new Database(path);
    other.pragma(`cipher = 'sqlcipher'`);
    other.pragma('legacy = 4');
    other.pragma(`key = "x'${key.toString('hex')}'"`);
    other.exec('CREATE TABLE t(x)');
    other.close();
    expect(codeOf(() => openDatabase(path, key))).toBe('DATABASE_DAMAGED');
  });

  it('never creates a database when opening: a missing file is DATABASE_MISSING and stays missing', () => {
    const path = join(tempDir(), 'casebook.db');
    expect(codeOf(() => openDatabase(path, randomBytes(32)))).toBe('DATABASE_MISSING');
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a database from a newer Casebook', () => {
    const { path, key } = newDb();
    const db = openDatabase(path, key);
    db.$client.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    closeDatabase(db);
    expect(codeOf(() => openDatabase(path, key))).toBe('DATABASE_TOO_NEW');
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3… with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('migration 1 creates the first tables', () => {
    const { path, key } = newDb(MIGRATIONS.slice(0, 1));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 1) });
    expect(db.$client.pragma('user_version', { simple: true })).toBe(1);
    expect(columnsOf(db, 'users')).toEqual(['id', 'name', 'login', 'role', 'active', 'created_at']);
    expect(columnsOf(db, 'audit_events')).toEqual(['id', 'at', 'user_id', 'action', 'client_id', 'detail']);
    expect(columnsOf(db, 'clients')).toContain('sort_name');
    expect(columnsOf(db, 'client_search_tokens')).toEqual(['token', 'client_id']);
    closeDatabase(db);
  });

  it('migration 2 adds the user flags and chains the audit rows that already exist', () => {
    const { path, key } = newDb(MIGRATIONS.slice(0, 1));
    const old = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 1) });
    old.$client.exec(
      `INSERT INTO users (id, name, login, role, created_at) VALUES (1, 'Anna', 'anna', 'admin', '2026-01-01')`,
    );
    for (const action of ['setup.completed', 'session.unlocked', 'client.created'])
      old.$client
        .prepare(`INSERT INTO audit_events (user_id, action, at) VALUES (1, ?, '2026-01-01T10:00:00.000Z')`)
        .run(action);
    closeDatabase(old);

    const db = openDatabase(path, key);
    expect(db.$client.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.$client.prepare('SELECT must_change_password AS m, last_login_at AS l FROM users').get()).toEqual({
      m: 0,
      l: null,
    });
    const hashes = db.$client.prepare('SELECT hash FROM audit_events ORDER BY id').all() as { hash: string }[];
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h.hash))).toBe(true);
    expect(new Set(hashes.map((h) => h.hash)).size).toBe(3);
    expect(verifyAudit(db)).toEqual({ ok: true, checked: 3, firstBadId: null });
    // The chain the migration built is the one new entries continue.
    recordAudit(db, { userId: 1, action: 'client.viewed', at: new Date('2026-11-23T10:00:00Z') });
    expect(verifyAudit(db)).toEqual({ ok: true, checked: 4, firstBadId: null });
    expect(() => db.$client.prepare(`UPDATE audit_events SET action = 'x'`).run()).toThrow(/append-only/);
    closeDatabase(db);
  });

  it('the latest schema is what the drizzle schema describes, column for column', () => {
    const { path, key } = newDb();
    const db = openDatabase(path, key);
    const tables = (Object.values(schema) as unknown[]).filter(
      (v): v is SQLiteTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:Name') in v,
    );
    expect(tables.length).toBeGreaterThan(4);
    for (const table of tables) {
      const cfg = getTableConfig(table);
      const cols = db.$client.prepare(`SELECT name, "notnull" AS required FROM pragma_table_info(?)`).all(cfg.name) as {
        name: string;
        required: number;
      }[];
      expect(cols.map((c) => c.name).sort(), cfg.name).toEqual(cfg.columns.map((c) => c.name).sort());
      for (const c of cfg.columns)
        expect(cols.find((x) => x.name === c.name)!.required === 1, `${cfg.name}.${c.name} not null`).toBe(
          c.notNull || c.primary,
        );
    }
    closeDatabase(db);
  });

  it('migration 3 gives existing clients an intake date and an open case, and seeds the nine need areas', () => {
    const { path, key } = newDb(MIGRATIONS.slice(0, 2));
    const old = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 2) });
    old.$client.exec(
      `INSERT INTO users (id, name, login, role, created_at) VALUES (1, 'Anna', 'anna', 'admin', '2026-01-01')`,
    );
    old.$client.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, created_at, updated_at) VALUES (1, 'CB-00001', 'Jan', 'Nowak', 'nowak jan', '2025-03-04T09:00:00.000Z', '2025-03-04T09:00:00.000Z')`,
    );
    closeDatabase(old);

    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 3) });
    expect(db.$client.pragma('user_version', { simple: true })).toBe(3);
    expect(
      db.$client.prepare('SELECT intake_date, status, status_since, interpreter_needed FROM clients').get(),
    ).toEqual({
      intake_date: '2025-03-04',
      status: 'open',
      status_since: '2025-03-04',
      interpreter_needed: 0,
    });
    expect(db.$client.prepare('SELECT builtin_key FROM need_areas ORDER BY position').pluck().all()).toEqual([
      'housing',
      'money',
      'physicalHealth',
      'mentalHealth',
      'safety',
      'family',
      'workLearning',
      'substanceUse',
      'practical',
    ]);
    // Every table about one client goes when the client goes.
    for (const table of [
      'consents',
      'household_members',
      'key_contacts',
      'risk_flags',
      'assessments',
      'client_status_changes',
      'client_merges',
    ]) {
      const fks = db.$client
        .prepare(`SELECT "table", on_delete FROM pragma_foreign_key_list(?) WHERE "table" = 'clients'`)
        .all(table);
      expect(fks, table).toEqual([{ table: 'clients', on_delete: 'CASCADE' }]);
    }
    expect(() => db.$client.exec(`UPDATE clients SET status = 'lost'`)).toThrow(/CHECK/);
    closeDatabase(db);
  });

  it('migration 4 adds the casework tables: one active plan per client, everything goes with the client', () => {
    const { path, key } = newDb(MIGRATIONS.slice(0, 3));
    const old = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 3) });
    old.$client.exec(
      `INSERT INTO users (id, name, login, role, created_at) VALUES (1, 'Anna', 'anna', 'admin', '2026-01-01')`,
    );
    old.$client.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, created_at, updated_at) VALUES (1, 'CB-00001', 'Jan', 'Nowak', 'nowak jan', '2025-03-04T09:00:00.000Z', '2025-03-04T09:00:00.000Z')`,
    );
    closeDatabase(old);

    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 4) });
    expect(db.$client.pragma('user_version', { simple: true })).toBe(4);
    const plan = (status: string, ended: string | null) =>
      db.$client
        .prepare(
          `INSERT INTO support_plans (client_id, agreed_on, status, ended_on, created_at, updated_at) VALUES (1, '2026-01-01', ?, ?, 'x', 'x')`,
        )
        .run(status, ended);
    plan('ended', '2026-02-01');
    plan('active', null);
    expect(() => plan('active', null)).toThrow(/UNIQUE/);
    expect(() => plan('ended', null)).toThrow(/CHECK/);
    expect(() =>
      db.$client.exec(
        `INSERT INTO case_notes (client_id, occurred_at, kind, body, created_at) VALUES (1, '2026-01-01T10:00', 'carrierPigeon', 'x', 'x')`,
      ),
    ).toThrow(/CHECK/);
    for (const table of [
      'support_plans',
      'goals',
      'goal_updates',
      'tasks',
      'case_notes',
      'case_note_versions',
      'safety_plans',
    ]) {
      const fks = db.$client
        .prepare(`SELECT "table", on_delete FROM pragma_foreign_key_list(?) WHERE "table" = 'clients'`)
        .all(table);
      expect(fks, table).toEqual([{ table: 'clients', on_delete: 'CASCADE' }]);
    }
    db.$client.exec(`DELETE FROM clients`);
    expect(db.$client.prepare(`SELECT count(*) FROM support_plans`).pluck().get()).toBe(0);
    closeDatabase(db);
  });

  it('migration 5 keeps the charity, adds agencies, referrals and letters, and seeds the English and Polish templates', () => {
    const { path, key } = newDb(MIGRATIONS.slice(0, 4));
    const old = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 4) });
    old.$client.exec(`INSERT INTO charity (id, name, address, updated_at) VALUES (1, 'Przystań', '1 High St', 'x')`);
    old.$client.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, created_at, updated_at) VALUES (1, 'CB-00001', 'Jan', 'Nowak', 'nowak jan', '2025-03-04T09:00:00.000Z', '2025-03-04T09:00:00.000Z')`,
    );
    closeDatabase(old);

    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 5) });
    expect(db.$client.pragma('user_version', { simple: true })).toBe(5);
    expect(db.$client.prepare(`SELECT name, address, email, logo FROM charity`).get()).toEqual({
      name: 'Przystań',
      address: '1 High St',
      email: null,
      logo: null,
    });
    expect(
      db.$client
        .prepare(`SELECT kind || '.' || language FROM letter_templates WHERE builtin_key IS NOT NULL ORDER BY id`)
        .pluck()
        .all(),
    ).toEqual([
      'referral.en',
      'referral.pl',
      'appointment.en',
      'appointment.pl',
      'general.en',
      'general.pl',
      'safetyPlan.en',
      'safetyPlan.pl',
    ]);
    db.$client.exec(
      `INSERT INTO agencies (id, name, folded_name, search_text, created_at, updated_at) VALUES (1, 'Housing', 'housing', 'housing', 'x', 'x')`,
    );
    expect(() =>
      db.$client.exec(
        `INSERT INTO agencies (name, folded_name, search_text, created_at, updated_at) VALUES ('HOUSING', 'housing', 'housing', 'x', 'x')`,
      ),
    ).toThrow(/UNIQUE/);
    const referral = (status: string, sentOn: string | null) =>
      db.$client
        .prepare(
          `INSERT INTO referrals (client_id, agency_id, reason, urgency, status, status_on, sent_on, created_on, created_at, updated_at) VALUES (1, 1, 'r', 'soon', ?, '2026-01-01', ?, '2026-01-01', 'x', 'x')`,
        )
        .run(status, sentOn);
    referral('draft', null);
    referral('sent', '2026-01-01');
    expect(() => referral('accepted', null)).toThrow(/CHECK/);
    expect(() => referral('lost', '2026-01-01')).toThrow(/CHECK/);
    // An agency with referrals cannot be deleted (it is archived instead).
    expect(() => db.$client.exec(`DELETE FROM agencies`)).toThrow(/FOREIGN KEY/);
    for (const table of ['referrals', 'referral_changes', 'letters']) {
      const fks = db.$client
        .prepare(`SELECT "table", on_delete FROM pragma_foreign_key_list(?) WHERE "table" = 'clients'`)
        .all(table);
      expect(fks, table).toEqual([{ table: 'clients', on_delete: 'CASCADE' }]);
    }
    db.$client.exec(`DELETE FROM clients`);
    expect(db.$client.prepare(`SELECT count(*) FROM referrals`).pluck().get()).toBe(0);
    closeDatabase(db);
  });

  it('migration 6 adds programmes, sessions, attendance and help given, seeds the kinds of help, and keeps money in GBP until told', () => {
    const { path, key } = newDb(MIGRATIONS.slice(0, 5));
    const old = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 5) });
    old.$client.exec(`INSERT INTO charity (id, name, updated_at) VALUES (1, 'Przystań', 'x')`);
    old.$client.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, created_at, updated_at) VALUES (1, 'CB-00001', 'Jan', 'Nowak', 'nowak jan', '2025-03-04T09:00:00.000Z', '2025-03-04T09:00:00.000Z')`,
    );
    closeDatabase(old);

    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 6) });
    expect(db.$client.pragma('user_version', { simple: true })).toBe(6);
    expect(db.$client.prepare(`SELECT name, currency FROM charity`).get()).toEqual({
      name: 'Przystań',
      currency: 'GBP',
    });
    expect(
      db.$client.prepare(`SELECT builtin_key, repeat_limit, repeat_days FROM support_types ORDER BY position`).all(),
    ).toEqual([
      { builtin_key: 'foodParcel', repeat_limit: 3, repeat_days: 30 },
      { builtin_key: 'clothing', repeat_limit: null, repeat_days: null },
      { builtin_key: 'voucher', repeat_limit: 2, repeat_days: 30 },
      { builtin_key: 'travelFare', repeat_limit: null, repeat_days: null },
      { builtin_key: 'hygienePack', repeat_limit: 2, repeat_days: 30 },
      { builtin_key: 'furniture', repeat_limit: null, repeat_days: null },
      { builtin_key: 'other', repeat_limit: null, repeat_days: null },
    ]);
    expect(() => db.$client.exec(`UPDATE charity SET currency = 'USD'`)).toThrow(/CHECK/);
    db.$client.exec(
      `INSERT INTO programmes (id, name, kind, starts_on, created_at, updated_at) VALUES (1, 'Drop-in', 'dropIn', '2026-01-01', 'x', 'x')`,
    );
    expect(() =>
      db.$client.exec(
        `INSERT INTO programmes (name, kind, starts_on, ends_on, created_at, updated_at) VALUES ('X', 'dropIn', '2026-01-01', '2025-01-01', 'x', 'x')`,
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      db.$client.exec(
        `INSERT INTO programmes (name, kind, starts_on, created_at, updated_at) VALUES ('X', 'party', '2026-01-01', 'x', 'x')`,
      ),
    ).toThrow(/CHECK/);
    const session = `INSERT INTO programme_sessions (id, programme_id, held_on, starts_at, created_at, updated_at) VALUES (1, 1, '2026-01-08', '18:00', 'x', 'x')`;
    db.$client.exec(session);
    expect(() => db.$client.exec(session.replace('(id, ', '(').replace('VALUES (1, ', 'VALUES ('))).toThrow(/UNIQUE/);
    db.$client.exec(
      `INSERT INTO programme_members (programme_id, client_id, registered_on) VALUES (1, 1, '2026-01-01')`,
    );
    db.$client.exec(`INSERT INTO attendance (session_id, client_id, marked_at) VALUES (1, 1, 'x')`);
    expect(() =>
      db.$client.exec(`INSERT INTO attendance (session_id, client_id, marked_at) VALUES (1, 1, 'x')`),
    ).toThrow(/UNIQUE|PRIMARY/);
    expect(() =>
      db.$client.exec(`INSERT INTO session_headcounts (session_id, age_band, people) VALUES (1, '100plus', 2)`),
    ).toThrow(/CHECK/);
    db.$client.exec(
      `INSERT INTO support_given (client_id, type_id, given_on, quantity, session_id, recorded_at) VALUES (1, 1, '2026-01-08', 1, 1, 'x')`,
    );
    expect(() =>
      db.$client.exec(
        `INSERT INTO support_given (client_id, type_id, given_on, quantity, recorded_at) VALUES (1, 1, '2026-01-08', 0, 'x')`,
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      db.$client.exec(
        `INSERT INTO support_types (name, repeat_limit, position, updated_at) VALUES ('Half a rule', 3, 9, 'x')`,
      ),
    ).toThrow(/CHECK/);
    for (const table of ['programme_members', 'attendance', 'support_given']) {
      const fks = db.$client
        .prepare(`SELECT "table", on_delete FROM pragma_foreign_key_list(?) WHERE "table" = 'clients'`)
        .all(table);
      expect(fks, table).toEqual([{ table: 'clients', on_delete: 'CASCADE' }]);
    }
    // Removing a session keeps the help given at it (the link is cleared); removing the client takes everything of theirs.
    db.$client.exec(`DELETE FROM programme_sessions`);
    expect(db.$client.prepare(`SELECT session_id FROM support_given`).pluck().all()).toEqual([null]);
    db.$client.exec(`DELETE FROM clients`);
    for (const table of ['programme_members', 'attendance', 'support_given'])
      expect(db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    closeDatabase(db);
  });

  it('migration 7 adds the indexes a report over a period counts with', () => {
    const { path, key } = newDb(MIGRATIONS.slice(0, 6));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 7) });
    expect(db.$client.pragma('user_version', { simple: true })).toBe(7);
    const plan = (q: string) =>
      (db.$client.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(
      plan(
        `SELECT kind, count(*) FROM case_notes WHERE occurred_at >= '2026-01-01' AND occurred_at < '2026-07-01' GROUP BY kind`,
      ),
    ).toMatch(/case_notes_occurred/);
    expect(plan(`SELECT count(*) FROM clients WHERE intake_date BETWEEN '2026-01-01' AND '2026-06-30'`)).toMatch(
      /clients_intake/,
    );
    expect(plan(`SELECT count(*) FROM referrals WHERE created_on BETWEEN '2026-01-01' AND '2026-06-30'`)).toMatch(
      /referrals_created/,
    );
    expect(plan(`SELECT count(*) FROM goals WHERE added_on BETWEEN '2026-01-01' AND '2026-06-30'`)).toMatch(
      /goals_added/,
    );
    expect(
      plan(
        `SELECT count(*) FROM goal_updates WHERE updated_on BETWEEN '2026-01-01' AND '2026-06-30' AND status = 'achieved'`,
      ),
    ).toMatch(/goal_updates_on/);
    closeDatabase(db);
  });

  it('migration 8 keeps decisions to hold closed cases past retention, going with the client', () => {
    const { path, key } = newDb(MIGRATIONS.slice(0, 7));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 8) });
    expect(db.$client.pragma('user_version', { simple: true })).toBe(8);
    db.$client.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, created_at, updated_at) VALUES (1, 'CB-00001', 'Jan', 'Nowak', 'nowak jan', 'x', 'x')`,
    );
    db.$client.exec(
      `INSERT INTO retention_holds (client_id, reason, kept_on, review_on) VALUES (1, 'Court case', '2026-11-23', '2027-11-23')`,
    );
    expect(() =>
      db.$client.exec(
        `INSERT INTO retention_holds (client_id, reason, kept_on, review_on) VALUES (1, 'x', '2026-11-23', '2026-11-23')`,
      ),
    ).toThrow(/CHECK/);
    db.$client.exec(`DELETE FROM clients`);
    expect(db.$client.prepare(`SELECT count(*) FROM retention_holds`).pluck().get()).toBe(0);
    closeDatabase(db);
  });

  it('migration 9 keeps subject access requests with their due dates, going with the client', () => {
    const { path, key } = newDb(MIGRATIONS.slice(0, 8));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 9) });
    expect(db.$client.pragma('user_version', { simple: true })).toBe(9);
    db.$client.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, created_at, updated_at) VALUES (1, 'CB-00001', 'Jan', 'Nowak', 'nowak jan', 'x', 'x')`,
    );
    db.$client.exec(
      `INSERT INTO subject_access_requests (client_id, received_on, due_on, recorded_at) VALUES (1, '2026-01-31', '2026-02-28', 'x')`,
    );
    expect(() =>
      db.$client.exec(
        `INSERT INTO subject_access_requests (client_id, received_on, due_on, recorded_at) VALUES (1, '2026-01-31', '2026-01-31', 'x')`,
      ),
    ).toThrow(/CHECK/);
    expect(() => db.$client.exec(`UPDATE subject_access_requests SET answered_on = '2026-01-30'`)).toThrow(/CHECK/);
    db.$client.exec(`DELETE FROM clients`);
    expect(db.$client.prepare(`SELECT count(*) FROM subject_access_requests`).pluck().get()).toBe(0);
    closeDatabase(db);
  });

  it('migration 10 records imports and which clients each added, both going with the client', () => {
    const { path, key } = newDb(MIGRATIONS.slice(0, 9));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 10) });
    expect(db.$client.pragma('user_version', { simple: true })).toBe(10);
    db.$client.exec(
      `INSERT INTO clients (id, reference, first_name, last_name, sort_name, created_at, updated_at) VALUES (1, 'CB-00001', 'Jan', 'Nowak', 'nowak jan', 'x', 'x'), (2, 'CB-00002', 'Ewa', 'Zając', 'zajac ewa', 'x', 'x')`,
    );
    db.$client.exec(
      `INSERT INTO client_imports (id, file_name, imported_at, clients, skipped) VALUES (1, 'list.csv', 'x', 2, 0)`,
    );
    db.$client.exec(`INSERT INTO client_import_members (import_id, client_id) VALUES (1, 1), (1, 2)`);
    expect(() => db.$client.exec(`INSERT INTO client_import_members (import_id, client_id) VALUES (1, 1)`)).toThrow(
      /UNIQUE|PRIMARY/,
    );
    db.$client.exec(`DELETE FROM clients WHERE id = 1`);
    expect(db.$client.prepare(`SELECT client_id FROM client_import_members`).pluck().all()).toEqual([2]);
    const plan = (
      db.$client.prepare(`EXPLAIN QUERY PLAN DELETE FROM client_import_members WHERE client_id = 2`).all() as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/client_import_members_client/);
    closeDatabase(db);
  });

  it('migration 11 lets the coordinator’s caseload count read open clients from one index, not the client rows', () => {
    const { path, key } = newDb(MIGRATIONS.slice(0, 10));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 11) });
    expect(db.$client.pragma('user_version', { simple: true })).toBe(11);
    const plan = (
      db.$client
        .prepare(
          `EXPLAIN QUERY PLAN SELECT caseworker_id, count(*), sum(coalesce(intake_date, '2026-11-23') <= '2026-08-31') FROM clients WHERE status = 'open' GROUP BY caseworker_id`,
        )
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/COVERING INDEX clients_load/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    closeDatabase(db);
  });

  it('migration 1 makes the audit trail append-only', () => {
    const { path, key } = newDb();
    const db = openDatabase(path, key);
    db.$client.prepare(`INSERT INTO audit_events (action) VALUES ('test')`).run();
    expect(() => db.$client.prepare(`UPDATE audit_events SET action = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.$client.prepare(`DELETE FROM audit_events`).run()).toThrow(/append-only/);
    closeDatabase(db);
  });

  it('runs only the migrations a file does not have yet', () => {
    const { path, key } = newDb();
    const db = openDatabase(path, key);
    expect(db.$client.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    closeDatabase(db);
    const again = openDatabase(path, key); // would fail with "table already exists" if re-run
    closeDatabase(again);
  });
});

describe('the templates Casebook came with', () => {
  it('take the reworded text when nobody has changed them, and stay as the charity wrote them when someone has', () => {
    // Records made by the Casebook before migration 13, with its Polish referral wording.
    const { path, key } = newDb(MIGRATIONS.filter((m) => m.version < 13));
    const old = openDatabase(path, key, { migrate: false });
    old.$client
      .prepare(
        `UPDATE letter_templates SET body = 'Prosimy powoływać się na nasz znak {{client.reference}}.' WHERE builtin_key = 'referral.pl'`,
      )
      .run();
    old.$client
      .prepare(`UPDATE letter_templates SET body = 'Our own words.', version = 2 WHERE builtin_key = 'general.en'`)
      .run();
    closeDatabase(old);

    const db = openDatabase(path, key);
    const body = (k: string) =>
      db.$client.prepare('SELECT body FROM letter_templates WHERE builtin_key = ?').pluck().get(k) as string;
    expect(body('referral.pl')).toContain('W odpowiedzi prosimy powołać się na nasz znak: {{letter.reference}}.');
    expect(body('general.en')).toBe('Our own words.');
    closeDatabase(db);
  });
});

describe('household relationships', () => {
  it('are stored as codes: the words once typed or picked in either language become their code, anything else stays as it was typed', () => {
    const { path, key } = newDb(MIGRATIONS.filter((m) => m.version < 14));
    const old = openDatabase(path, key, { migrate: false });
    old.$client
      .prepare(
        `INSERT INTO clients (id, reference, first_name, last_name, sort_name, created_at, updated_at) VALUES (1, 'CB-00001', 'Zofia', 'W', 'w zofia', 'x', 'x')`,
      )
      .run();
    const add = old.$client.prepare(
      `INSERT INTO household_members (client_id, name, relationship, lives_with_client, updated_at) VALUES (1, ?, ?, 1, 'x')`,
    );
    for (const [name, words] of [
      ['a', 'Dziecko'],
      ['b', 'Child'],
      ['c', ' córka '],
      ['d', 'Brat lub siostra'],
      ['e', 'Grandparent'],
      ['f', 'Foster daughter'],
      ['g', 'WSPÓŁLOKATOR'],
    ])
      add.run(name, words);
    closeDatabase(old);

    const db = openDatabase(path, key);
    const rows = db.$client
      .prepare('SELECT name, relationship, relationship_detail AS detail FROM household_members ORDER BY name')
      .all();
    expect(rows).toEqual([
      { name: 'a', relationship: 'child', detail: null },
      { name: 'b', relationship: 'child', detail: null },
      { name: 'c', relationship: 'child', detail: null },
      { name: 'd', relationship: 'sibling', detail: null },
      { name: 'e', relationship: 'grandparent', detail: null },
      { name: 'f', relationship: 'other', detail: 'Foster daughter' },
      { name: 'g', relationship: 'lodger', detail: null },
    ]);
    closeDatabase(db);
  });
});
