import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, setUp, signInAsNewUser, startCore, type TestCore } from './helpers';

async function ready(): Promise<TestCore> {
  const t = startCore();
  await setUp(t);
  return t;
}

/** Changes the database behind the app's back, as someone with a SQLCipher tool and the key could. */
function tamper(t: TestCore, sql: string): void {
  const sqlite = t.cb.requireSignedIn().db.$client;
  sqlite.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;');
  sqlite.exec(sql);
}

async function someHistory(t: TestCore) {
  const c = await t.ok('clients.intake', { details: { firstName: 'Zofia', lastName: 'Nowak' } });
  await t.ok('clients.get', { id: c.id });
  await t.ok('clients.update', { id: c.id, version: 1, details: { firstName: 'Zofia', lastName: 'Nowak-Lis' } });
  return c;
}

describe('the audit trail', () => {
  it('cannot be changed through SQL without the app noticing: edit, removal in the middle, cut at the end', async () => {
    const t = await ready();
    await someHistory(t);
    const ok = await t.ok('audit.verify', {});
    expect(ok).toEqual({ ok: true, checked: ok.checked, firstBadId: null });
    expect(ok.checked).toBeGreaterThanOrEqual(4);
    const sqlite = t.cb.requireSignedIn().db.$client;
    expect(() => sqlite.exec(`UPDATE audit_events SET user_id = NULL`)).toThrow(/append-only/);
    expect(() => sqlite.exec(`DELETE FROM audit_events`)).toThrow(/append-only/);
    // Inside the core, a read cannot change anything at all, raw SQL included; a write still can.
    expect(() => t.cb.read((db) => db.$client.exec(`DELETE FROM audit_events`))).toThrow(/readonly/);
    expect(() => t.cb.read((db) => db.$client.exec(`UPDATE clients SET first_name = 'X'`))).toThrow(/readonly/);
    expect(t.cb.read((db) => db.$client.prepare('SELECT first_name FROM clients').pluck().get())).toBe('Zofia');
    t.cb.write((db, s) => t.cb.audit(db, s, 'audit.exported', {}));

    tamper(t, `UPDATE audit_events SET action = 'client.created' WHERE action = 'client.viewed'`);
    const edited = await t.ok('audit.verify', {});
    expect(edited.ok).toBe(false);
    expect(edited.firstBadId).toBeGreaterThan(1);

    const t2 = await ready();
    await someHistory(t2);
    tamper(t2, `DELETE FROM audit_events WHERE id = 2`);
    expect(await t2.ok('audit.verify', {})).toMatchObject({ ok: false, firstBadId: 3 });

    const t3 = await ready();
    await someHistory(t3);
    const n = (await t3.ok('audit.verify', {})).checked;
    tamper(t3, `DELETE FROM audit_events WHERE id = ${n}`);
    expect(await t3.ok('audit.verify', {})).toMatchObject({ ok: false });
  });

  it('lists newest first with names and references, filtered by user, action, client and day', async () => {
    const t = await ready();
    const c = await someHistory(t);
    const { user: vol } = await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    await t.ok('clients.get', { id: c.id });
    await t.ok('signIn.lock', {});
    t.clock.now += 24 * 3600_000; // the next day
    await t.ok('signIn.unlock', ADMIN);

    const all = await t.ok('audit.list', {});
    expect(all.items[0]).toMatchObject({ action: 'session.unlocked', userName: ADMIN.name });
    expect(all.total).toBe(all.items.length);

    const views = await t.ok('audit.list', { action: 'client.viewed' });
    expect(views.items.map((e) => e.userName)).toEqual(['Vera Volunteer', ADMIN.name]);
    expect(views.items.every((e) => e.clientReference === c.reference)).toBe(true);

    const byVolunteer = await t.ok('audit.list', { userId: vol.id });
    expect(byVolunteer.items.map((e) => e.action).sort()).toEqual([
      'client.viewed',
      'session.locked',
      'session.unlocked',
      'user.passwordChanged',
    ]);

    expect((await t.ok('audit.list', { client: 'cb-1' })).total).toBe(4);
    expect((await t.ok('audit.list', { client: c.reference, userId: vol.id })).total).toBe(1);

    const today = new Date(t.clock.now);
    const iso = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const onlyToday = await t.ok('audit.list', { from: iso(today), to: iso(today) });
    expect(onlyToday.items.map((e) => e.action)).toEqual(['session.unlocked']);
    expect((await t.fail('audit.list', { from: '2026-02-30' })).fields).toEqual({ from: 'invalidDate' });
  });

  it('exports CSV that Excel and LibreOffice read: BOM, CRLF, quotes, Polish letters, no formulas', async () => {
    const t = await ready();
    await t.ok('users.create', { name: '=HYPERLINK("x") Łucja', role: 'volunteer', password: 'temporary pass 1' });
    await t.ok('clients.intake', { details: { firstName: 'Zofia', lastName: 'Wiśniewska' } });
    const { path, rows } = await t.ok('audit.exportCsv', {});
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('When,User,Action,Action code,Client,Details');
    expect(lines).toHaveLength(rows + 1);
    expect(text).toContain('Added a client');
    expect(text).not.toContain('Wiśniewska'); // the trail never holds client details
    expect(text).toContain('"{""userId"":2,""role"":""volunteer""}"');
    // The export is itself audited.
    expect((await t.ok('audit.list', { action: 'audit.exported' })).total).toBe(1);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const { spreadsheetCell } = await import('../../electron/core/storage/csv');
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\ry', 'Anna', 12].map(spreadsheetCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\ry",
      'Anna',
      12,
    ]);
  });

  it('records failed logins made while locked, sealed until the next unlock', async () => {
    const t = await ready();
    const { user } = await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    await t.ok('signIn.lock', {});
    await t.fail('signIn.unlock', { name: 'Vera Volunteer', password: 'guess one' });
    t.clock.now += 60_000;
    await t.fail('signIn.unlock', { name: 'Mallory Stranger', password: 'guess two' });
    t.clock.now += 60_000;
    await t.fail('signIn.unlockWithRecoveryKey', { name: 'Vera Volunteer', recoveryKey: '000000'.repeat(8) });

    const inbox = join(t.dataDir, 'audit-inbox.jsonl');
    const sealed = readFileSync(inbox, 'utf8');
    expect(sealed.trim().split('\n')).toHaveLength(3);
    expect(sealed).not.toContain('Mallory');
    expect(sealed).not.toContain('failedLogin');

    t.clock.now += 60_000;
    await t.ok('signIn.unlock', ADMIN);
    expect(existsSync(inbox)).toBe(false);
    const failed = (await t.ok('audit.list', { action: 'session.failedLogin' })).items;
    expect(failed.map((e) => [e.userId, e.detail])).toEqual([
      [null, { name: 'Mallory Stranger' }],
      [user.id, null],
    ]);
    expect((await t.ok('audit.list', { action: 'session.failedRecoveryKey' })).total).toBe(1);
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('a damaged line in the inbox is reported, the rest imported', async () => {
    const t = await ready();
    await t.ok('signIn.lock', {});
    await t.fail('signIn.unlock', { name: ADMIN.name, password: 'wrong' });
    appendFileSync(join(t.dataDir, 'audit-inbox.jsonl'), '{"e":"AAAA","iv":"AAAA","ct":"AAAA"}\nnot json at all\n');
    t.clock.now += 5000;
    await t.ok('signIn.unlock', ADMIN);
    expect((await t.ok('audit.list', { action: 'session.failedLogin' })).total).toBe(1);
    expect((await t.ok('audit.list', { action: 'audit.inboxDamaged' })).items[0]!.detail).toEqual({ lines: 2 });
  });

  it('never records a client’s details, only which fields changed', async () => {
    const t = await ready();
    await someHistory(t);
    const detail = JSON.stringify((await t.ok('audit.list', {})).items.map((e) => e.detail));
    expect(detail).not.toContain('Nowak');
    expect(detail).toContain('lastName');
  });
});
