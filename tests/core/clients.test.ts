import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientTokens, fold, queryTerms } from '../../electron/core/clients/folding';
import { addNewPerson, setUp, startCore, type TestCore } from './helpers';
import { clientChannelTests } from './clientChannels';

async function ready(): Promise<TestCore> {
  const t = startCore();
  await setUp(t);
  return t;
}

describe('folding for search', () => {
  it('folds Polish letters and accents', () => {
    expect(fold('Zofia Wiśniewska-Łęcka')).toBe('zofia wisniewska-lecka');
    expect(fold('ŻÓŁĆ Ęą ń ś ź')).toBe('zolc ea n s z');
    expect(fold('Søren Straße Ærø')).toBe('soren strasse aero');
  });

  it('indexes names, reference, phone digits and postcode', () => {
    const tokens = clientTokens({
      firstName: 'Zofia',
      lastName: 'Wiśniewska-Łęcka',
      reference: 'CB-00042',
      phone: '+44 7700 900123',
      postcode: 'LS1 4AB',
    });
    expect(tokens).toEqual(
      expect.arrayContaining([
        'zofia',
        'wisniewska',
        'lecka',
        'cb00042',
        '42',
        '#42#',
        '447700900123',
        '7700900123',
        '900123',
        '123',
        'ls14ab',
        '4ab',
      ]),
    );
    expect(tokens).not.toContain('23');
    // The postcode's first word starts the compact postcode, which every search for it finds already.
    expect(tokens).not.toContain('ls1');
    expect(queryTerms('07700 900123')).toEqual(['7700900123']);
    expect(queryTerms('+44 7700 900123')).toEqual(['7700900123']);
    expect(queryTerms('900 123')).toEqual(['900123']);
    expect(queryTerms('CB-42')).toEqual(['#42#']);
    expect(queryTerms('cb-0004')).toEqual(['cb0004']);
    expect(queryTerms('  Wiśn  zof ')).toEqual(['wisn', 'zof']);
  });
});

clientChannelTests('SQLite, the core', async () => {
  const t = await ready();
  return {
    ok: (channel, input) => t.ok(channel, input),
    fail: (channel, input) => t.fail(channel, input),
    open: async (id) => {
      const r = await t.call('clients.get', { id });
      return r.ok ? { ok: true, value: r.value.client } : r;
    },
    addNewPerson: (details) => addNewPerson(t, details),
    auditOf: async (clientId) =>
      t.cb.read((db) =>
        db.$client
          .prepare('SELECT user_id, action, client_id, detail FROM audit_events WHERE client_id = ? ORDER BY id')
          .all(clientId),
      ) as never,
  };
});

describe('exporting the client list', () => {
  it('saves every client matching the filters as CSV that parses back with Polish letters, and records the export', async () => {
    const t = startCore();
    await setUp(t);
    await addNewPerson(t, {
      firstName: 'Zofia',
      lastName: 'Wiśniewska-Łęcka',
      dateOfBirth: '1984-05-17',
      postcode: 'LS6 2AB',
      intakeDate: '2026-03-01',
    });
    await addNewPerson(t, { firstName: 'Jerzy', lastName: 'Żak', intakeDate: '2026-03-02' });
    const closed = await addNewPerson(t, { firstName: 'Adam', lastName: 'Brown', intakeDate: '2026-03-03' });
    await t.ok('clients.setStatus', {
      id: closed.id,
      version: closed.version,
      change: { status: 'closed', on: '2026-04-01', reason: 'goalsMet' },
    });
    const { path, rows } = await t.ok('clients.exportCsv', { status: 'open' });
    expect(rows).toBe(2);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parse(bytes.toString('utf8'), { bom: true }) as string[][];
    expect(table[0]!.slice(0, 3)).toEqual(['Reference', 'First name', 'Last name']);
    expect(table.slice(1).map((r) => [r[1], r[2], r[4], r[6], r[7]])).toEqual([
      ['Zofia', 'Wiśniewska-Łęcka', '1984-05-17', 'LS6 2AB', 'Open'],
      ['Jerzy', 'Żak', '', '', 'Open'],
    ]);
    expect((await t.ok('audit.list', { action: 'export.created' })).items[0]!.detail).toMatchObject({
      what: 'clients',
      rows: 2,
    });
  });
});
