import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { closeDatabase, openDatabase } from '../../electron/core/db/database';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { setUp, signInAsNewUser, startCore, tempDir } from './helpers';
import { expectNoOverlaps, pdfText } from './pdfCheck';

const AGENCY = {
  name: 'Łódź Housing Advice',
  services: 'Housing advice, homelessness prevention',
  address: '4 Park Row\nLeeds LS1 5HD',
  phone: '0113 222 3333',
  email: 'help@housing.example.org',
  website: 'www.housing.example.org',
  howToRefer: 'Drop in Monday to Friday, 9:30 to 12:30, or phone first.',
  referralRoutes: ['phone'] as 'phone'[],
  contacts: [],
};

const contact = (more: Partial<ChannelInput<'signposting.record'>> = {}): ChannelInput<'signposting.record'> => ({
  contactedOn: '2026-11-20',
  how: 'dropIn',
  topic: 'Eviction notice',
  ...more,
});

describe('signposting', () => {
  it('records a contact anonymously unless a name is given, counts it in the funder report, and hands over the agency sheet', async () => {
    const t = startCore();
    await setUp(t);
    const agency = await t.ok('agencies.save', { agency: AGENCY });
    const housing = (await t.ok('needAreas.list', {})).find((a) => a.builtinKey === 'housing')!;
    // Somewhere to send them, and what they needed, are the least a contact says.
    expect((await t.fail('signposting.record', contact())).fields).toEqual({ agencyId: 'signpostedToRequired' });
    expect((await t.fail('signposting.record', contact({ topic: '', elsewhere: 'Shelter' }))).fields).toEqual({
      topic: 'required',
    });
    expect((await t.fail('signposting.record', contact({ named: true, elsewhere: 'Shelter' }))).fields).toEqual({
      name: 'required',
    });
    // A volunteer at the drop-in records one: no name was agreed, so none is kept even if typed.
    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    const anonymous = await t.ok(
      'signposting.record',
      contact({ agencyId: agency.id, needAreaId: housing.id, name: 'Typed anyway', phone: '07700 900111' }),
    );
    expect(anonymous).toMatchObject({
      name: null,
      phone: null,
      agencyName: 'Łódź Housing Advice',
      recordedByName: 'Vera Volunteer',
    });
    await t.ok(
      'signposting.record',
      contact({ elsewhere: 'Citizens Advice helpline', how: 'phone', contactedOn: '2026-11-21' }),
    );
    await t.ok(
      'signposting.record',
      contact({
        agencyId: agency.id,
        named: true,
        name: 'Jan Nowak',
        phone: '07700 900222',
        contactedOn: '2026-11-22',
      }),
    );
    expect((await t.ok('signposting.list', {})).map((s) => s.contactedOn)).toEqual([
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
    ]);

    // The agency sheet in the person's language, naming nobody.
    const { path } = await t.ok('signposting.agencySheetPdf', { agencyId: agency.id, language: 'pl' });
    const text = pdfText(readFileSync(path)).replace(/\s+/g, ' ');
    expect(text).toContain('Tutaj możesz uzyskać pomoc: Łódź Housing Advice');
    expect(text).toContain('Jak poprosić o pomoc Drop in Monday to Friday');
    expect(text).not.toContain('Jan Nowak');
    expectNoOverlaps(readFileSync(path), 'agency sheet');

    // The funder report counts the contacts, by need and by place.
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', { name: 'Anna Kowalska', password: 'correct horse battery' });
    const r = await t.ok('reports.funder', { from: '2026-11-01', to: '2026-11-30' });
    expect(r.signposting.contacts).toBe(3);
    expect(r.signposting.byNeed.map((n) => [n.areaKey, n.count])).toEqual([
      [null, 2],
      ['housing', 1],
    ]);
    expect(r.signposting.byPlace).toEqual([
      { place: 'Łódź Housing Advice', count: 2 },
      { place: 'Citizens Advice helpline', count: 1 },
    ]);
  });

  it('a named contact who comes back becomes an intake; an anonymous one cannot', async () => {
    const t = startCore();
    await setUp(t);
    const named = await t.ok('signposting.record', contact({ elsewhere: 'Shelter', named: true, name: 'Jan Nowak' }));
    const anonymous = await t.ok('signposting.record', contact({ elsewhere: 'Shelter' }));
    expect(
      (
        await t.fail('clients.intake', {
          details: { firstName: 'Someone', lastName: 'Else', intakeDate: '2026-11-23' },
          signpostId: anonymous.id,
        })
      ).fields,
    ).toEqual({ signpostId: 'signpostNotNamed' });
    const jan = await t.ok('clients.intake', {
      details: { firstName: 'Jan', lastName: 'Nowak', intakeDate: '2026-11-23' },
      signpostId: named.id,
    });
    expect((await t.ok('signposting.get', { id: named.id })).clientId).toBe(jan.id);
    await t.ok('erasure.eraseClient', {
      id: jan.id,
      mode: 'erase',
      reason: 'Asked us to',
      confirmation: jan.reference,
    });
    expect((await t.ok('signposting.list', {})).map((s) => s.id)).toEqual([anonymous.id]);
  });
});

describe('migration 28', () => {
  it('keeps a phone only with a name, and where they were sent', () => {
    const dir = tempDir('casebook-migration-');
    const path = join(dir, 'casebook.db');
    const key = randomBytes(32);
    closeDatabase(openDatabase(path, key, { create: true, migrations: MIGRATIONS.slice(0, 27) }));
    const db = openDatabase(path, key, { migrations: MIGRATIONS.slice(0, 28) });
    const x = db.$client;
    expect(x.pragma('user_version', { simple: true })).toBe(28);
    const insert = (cols: string) =>
      x.exec(
        `INSERT INTO signposting (contacted_on, how, recorded_at${cols.split('|')[0]}) VALUES ('2026-11-01', 'phone', 'x'${cols.split('|')[1]})`,
      );
    expect(() => insert('|')).toThrow(/CHECK/);
    expect(() => insert(", elsewhere, phone|, 'Shelter', '07700'")).toThrow(/CHECK/);
    insert(", elsewhere|, 'Shelter'");
    closeDatabase(db);
  });
});
