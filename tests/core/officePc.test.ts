import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLog, LOG_FILE, redact } from '../../electron/core/log/log';
import { ADMIN, addNewPerson, setUp, startCore, tempDir } from './helpers';

/**
 * The office PC around the records: the error log (kept, small, and never about clients), Help >
 * About, a data folder that cannot be written or a disk that is full (before and during work), and
 * printing through the system's dialog.
 */
describe('the error log', () => {
  it('blanks anything quoted, e-mail addresses and long numbers, but keeps the code positions of a stack', () => {
    const line = redact(
      `SyntaxError: Unexpected token 'Z', "Zofia Nowak" is not valid JSON (zofia@example.org, 07700 900123)\n    at parse (file:///app/out/main/index.js:1204:17)`,
    );
    expect(line).not.toMatch(/Zofia|zofia@|07700/);
    expect(line).toContain('[…] is not valid JSON ([e-mail], [number])');
    expect(line).toContain('index.js:1204:17');
  });

  it('is moved aside at its size limit, keeping three files', () => {
    const dir = tempDir('casebook-log-');
    const log = fileLog(dir, { maxBytes: 200 });
    for (let i = 0; i < 40; i++) log(`[casebook] line ${i} ${'x'.repeat(20)}`);
    expect(readdirSync(dir).sort()).toEqual(['casebook.1.log', 'casebook.2.log', LOG_FILE]);
    expect(readFileSync(join(dir, LOG_FILE), 'utf8')).toContain('line 39');
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).length).toBeLessThan(400);
  });

  it('after a working session holds the events for support, and nothing about the clients worked on', async () => {
    const logDir = tempDir('casebook-logs-');
    const t = startCore({ log: fileLog(logDir), logDir });
    await setUp(t);
    const client = await addNewPerson(t, {
      firstName: 'Zofia',
      lastName: 'Wiśniewska-Łęcka',
      email: 'zofia.wl@example.org',
      phone: '07700 900123',
    });
    await t.ok('notes.save', {
      clientId: client.id,
      note: {
        date: '2026-11-20',
        time: '10:00',
        kind: 'phone',
        durationMinutes: 15,
        body: 'Rent arrears of £1,240 to Mr Żółkiewski.',
      },
    });
    await t.ok('signIn.lock', {});
    await t.fail('signIn.unlock', { name: ADMIN.name, password: 'a wrong guess' });
    t.clock.now += 60_000;
    await t.ok('signIn.unlock', ADMIN);
    // An unexpected failure is logged (a channel whose handler throws something that is not ours).
    t.cb.handlers['clients.search'] = () => {
      throw new SyntaxError(`Unexpected token 'Z', "Zofia Wiśniewska-Łęcka 07700 900123" is not valid JSON`);
    };
    expect((await t.fail('clients.search', { query: 'Zofia' })).code).toBe('INTERNAL');
    const log = readFileSync(join(logDir, LOG_FILE), 'utf8');
    expect(log).toMatch(/unlocked \(password, role admin\)/);
    expect(log).toMatch(/clients\.search failed: SyntaxError/);
    for (const secret of [
      'Zofia',
      'Wiśniewska',
      'zofia.wl',
      '07700',
      '1,240',
      'Żółkiewski',
      ADMIN.password,
      'a wrong guess',
    ])
      expect(log).not.toContain(secret);
  });
});

describe('Help > About and Where my data is', () => {
  it('names the version, the data and log folders, the record files, and the last backup only when signed in', async () => {
    const logDir = tempDir('casebook-logs-');
    const t = startCore({ version: '1.2.3', runtime: 'Electron 45', logDir, log: fileLog(logDir) });
    const before = await t.ok('app.about', {});
    expect(before).toMatchObject({
      version: '1.2.3',
      runtime: 'Electron 45',
      dataDir: t.dataDir,
      logDir,
      files: [],
      signedIn: false,
      lastBackup: null,
    });
    await setUp(t);
    const usb = tempDir('casebook-usb-');
    await t.ok('backup.create', { targetDir: usb });
    const after = await t.ok('app.about', {});
    expect(after.files.map((f) => f.name)).toEqual(['casebook.db', 'keyslots.json']);
    expect(after.files.every((f) => f.bytes > 0)).toBe(true);
    expect(after.signedIn).toBe(true);
    expect(after.lastBackup?.location).toBe(usb);
    await t.ok('signIn.lock', {});
    expect((await t.ok('app.about', {})).lastBackup).toBeNull();
    await t.ok('app.openFolder', { folder: 'data' });
    await t.ok('app.openFolder', { folder: 'logs' });
    expect(t.platform.opened).toEqual([t.dataDir, logDir]);
    // Without a log folder (as in some tests) there is nothing to open, said as such.
    expect((await startCore().fail('app.openFolder', { folder: 'logs' })).code).toBe('NOT_FOUND');
  });
});

describe('a data folder Casebook cannot use', () => {
  it('a folder that cannot be written shows NOT_WRITABLE, and clears once it can', async () => {
    const parent = tempDir('casebook-blocked-');
    const blocker = join(parent, 'drive');
    writeFileSync(blocker, 'a file where the folder should be');
    const t = startCore({ dataDir: join(blocker, 'data') });
    expect(await t.ok('app.status', {})).toMatchObject({ state: 'problem', problem: 'NOT_WRITABLE' });
    // Setup is refused in this state rather than half-done.
    expect((await t.call('setup.prepare', { charity: { name: 'X' }, admin: ADMIN } as never)).ok).toBe(false);
  });

  it('a disk with less free space than Casebook needs shows DISK_FULL before any work starts', async () => {
    const t = startCore({ minFreeBytes: Number.MAX_SAFE_INTEGER });
    expect(await t.ok('app.status', {})).toMatchObject({ state: 'problem', problem: 'DISK_FULL' });
  });

  it('the disk filling up during work: the change is refused as DISK_FULL, nothing half-saved, and work goes on once there is room', async () => {
    const t = startCore();
    await setUp(t);
    const client = await addNewPerson(t, { firstName: 'Jan', lastName: 'Kowalski' });
    const sqlite = t.cb.requireSignedIn().db.$client;
    // SQLite's own limit on the file's size stands in for a full disk: every write past it fails with SQLITE_FULL.
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);
    const big = 'A long note. '.repeat(1_000);
    const refused = await t.fail('notes.save', {
      clientId: client.id,
      note: { date: '2026-11-20', time: '10:00', kind: 'phone', durationMinutes: 15, body: big },
    });
    expect(refused.code).toBe('DISK_FULL');
    const notes = async () => (await t.ok('timeline.get', { clientId: client.id, types: ['note'] })).items.length;
    expect(await notes()).toBe(0);
    sqlite.pragma('max_page_count = 1073741823');
    await t.ok('notes.save', {
      clientId: client.id,
      note: { date: '2026-11-20', time: '10:00', kind: 'phone', durationMinutes: 15, body: 'Room again.' },
    });
    expect(await notes()).toBe(1);
  });
});
