import { describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Client } from '../../shared/domain/client';
import type { AppError, Result } from '../../shared/result';
import type { PortedChannel } from '../../spikes/postgres/clients';

/**
 * The clients domain's tests, run on each engine that holds the records: the core on SQLite
 * (clients.test.ts) and the PostgreSQL spike of docs/growth.md (postgres.test.ts). The same calls
 * through the same contract must give the same answers on both.
 */
export interface ClientsEngine {
  ok<C extends PortedChannel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  fail<C extends PortedChannel>(channel: C, input: ChannelInput<C>): Promise<AppError>;
  /** Opens a client as `clients.get` does, recorded as seen: the client, or why not. */
  open(id: number): Promise<Result<Client>>;
  /** Takes in a new person, having looked for possible duplicates as the intake screen does. */
  addNewPerson(details: ChannelInput<'clients.intake'>['details']): Promise<Client>;
  /** The audit trail's rows about a client, oldest first. */
  auditOf(
    clientId: number,
  ): Promise<{ user_id: number | null; action: string; client_id: number | null; detail: string | null }[]>;
}

async function opened(t: ClientsEngine, id: number): Promise<Client> {
  const r = await t.open(id);
  if (!r.ok) throw new Error(`client ${id} did not open: ${r.error.code}`);
  return r.value;
}

async function refusedToOpen(t: ClientsEngine, id: number): Promise<string> {
  const r = await t.open(id);
  if (r.ok) throw new Error(`client ${id} opened`);
  return r.error.code;
}

export function clientChannelTests(engine: string, ready: () => Promise<ClientsEngine>): void {
  describe(`client channels, on ${engine}`, () => {
    it('creates a client with a reference, opens and edits them, and keeps the version', async () => {
      const t = await ready();
      const zofia = await t.ok('clients.intake', {
        details: {
          firstName: ' Zofia ',
          lastName: 'Wiśniewska-Łęcka',
          dateOfBirth: '1984-03-07',
          phone: '07700 900123',
          address: '3 Mill Lane\nLeeds',
          postcode: 'LS6 2AB',
          preferredLanguage: 'pl',
        },
      });
      expect(zofia).toMatchObject({ id: 1, reference: 'CB-00001', firstName: 'Zofia', version: 1 });
      expect(await opened(t, zofia.id)).toEqual(zofia);

      const edited = await t.ok('clients.update', {
        id: zofia.id,
        version: 1,
        details: { ...zofia, phone: '', postcode: 'LS6 3CD' },
      });
      expect(edited).toMatchObject({ version: 2, phone: null, postcode: 'LS6 3CD' });
      // An edit based on the old version is refused, not silently applied over the newer one.
      expect(
        (await t.fail('clients.update', { id: zofia.id, version: 1, details: { ...zofia, lastName: 'Nowak' } })).code,
      ).toBe('CONFLICT');
      expect((await opened(t, zofia.id)).lastName).toBe('Wiśniewska-Łęcka');
      expect(await refusedToOpen(t, 999)).toBe('NOT_FOUND');

      const found = await t.ok('clients.search', { query: 'ls6 3' });
      expect(found.items.map((c) => c.id)).toEqual([zofia.id]);
      expect((await t.ok('clients.search', { query: 'LS6 2AB' })).total).toBe(0);
      // The district alone, and the second half alone, still find her.
      expect((await t.ok('clients.search', { query: 'ls6' })).items.map((c) => c.id)).toEqual([zofia.id]);
      expect((await t.ok('clients.search', { query: '3cd' })).items.map((c) => c.id)).toEqual([zofia.id]);
    });

    it('finds by typing part of a name, with or without Polish letters', async () => {
      const t = await ready();
      await t.ok('clients.intake', {
        details: { firstName: 'Zofia', lastName: 'Wiśniewska-Łęcka', phone: '+48 601 234 567' },
      });
      await t.ok('clients.intake', { details: { firstName: 'Zbigniew', lastName: 'Wiśniewski' } });
      await t.ok('clients.intake', { details: { firstName: 'John', lastName: 'Smith' } });
      const names = async (query: string) =>
        (await t.ok('clients.search', { query })).items.map((c) => `${c.firstName} ${c.lastName}`);
      expect(await names('wiśn')).toEqual(['Zofia Wiśniewska-Łęcka', 'Zbigniew Wiśniewski']);
      expect(await names('WISN')).toEqual(['Zofia Wiśniewska-Łęcka', 'Zbigniew Wiśniewski']);
      expect(await names('lecka')).toEqual(['Zofia Wiśniewska-Łęcka']);
      expect(await names('łęc zof')).toEqual(['Zofia Wiśniewska-Łęcka']);
      expect(await names('601 234')).toEqual(['Zofia Wiśniewska-Łęcka']);
      expect(await names('CB-00003')).toEqual(['John Smith']);
      expect(await names('3')).toEqual(['John Smith']);
      expect(await names('nobody')).toEqual([]);
      expect(await names('')).toEqual(['John Smith', 'Zofia Wiśniewska-Łęcka', 'Zbigniew Wiśniewski']);
    });

    it('finds a client by any run of three or more digits of their phone number, and by a short reference', async () => {
      const t = await ready();
      await t.ok('clients.intake', { details: { firstName: 'Zofia', lastName: 'Wiśniewska', phone: '07700 900 456' } });
      await t.ok('clients.intake', { details: { firstName: 'Adam', lastName: 'Brown', phone: '+44 7700 123 999' } });
      for (const lastName of ['Nowak', 'Lis', 'Mazur', 'Zając', 'Kowal', 'Sikora', 'Wójcik', 'Dudek'])
        await t.ok('clients.intake', { details: { firstName: 'Ewa', lastName } });
      const refs = async (query: string) => (await t.ok('clients.search', { query })).items.map((c) => c.reference);
      // Read from the end, or in pieces, with or without spaces.
      for (const q of ['900 456', '900456', '456', '0456', '7700 900', '07700 900 456', '+44 7700 900456'])
        expect(await refs(q), q).toEqual(['CB-00001']);
      expect(await refs('7700')).toEqual(['CB-00002', 'CB-00001']);
      expect(await refs('999')).toEqual(['CB-00002']);
      expect(await refs('07700 123999')).toEqual(['CB-00002']);
      // Two digits are too few to mean a phone number.
      expect(await refs('56')).toEqual([]);
      // A reference by its number without the zeros: "CB-1" is client 1 (not 10); "1" finds it among others.
      expect(await refs('CB-1')).toEqual(['CB-00001']);
      expect(await refs('cb 10')).toEqual(['CB-00010']);
      expect(await refs('1')).toEqual(expect.arrayContaining(['CB-00001', 'CB-00010']));
      // Typed as printed, it is still being typed: "CB-0001" is on its way to CB-00010.
      expect(await refs('CB-0001')).toEqual(['CB-00010']);
    });

    it('sorts Polish surnames where a reader expects (Ł with L, not after Z)', async () => {
      const t = await ready();
      for (const lastName of ['Zając', 'Łukasik', 'Lis', 'Mazur'])
        await t.ok('clients.intake', { details: { firstName: 'A', lastName } });
      expect((await t.ok('clients.search', {})).items.map((c) => c.lastName)).toEqual([
        'Lis',
        'Łukasik',
        'Mazur',
        'Zając',
      ]);
    });

    it('pages through a long list with a true total', async () => {
      const t = await ready();
      for (let i = 0; i < 25; i++) await t.addNewPerson({ firstName: `Person${i}`, lastName: 'Nowak' });
      const page = await t.ok('clients.search', { query: 'nowak', limit: 10, offset: 20 });
      expect(page.items).toHaveLength(5);
      expect(page.total).toBe(25);
      expect((await t.ok('clients.search', { query: 'nowak', limit: 10 })).total).toBe(25);
      // Counted as the matches are found (two words, a filter), and past the last page too.
      expect((await t.ok('clients.search', { query: 'nowak p', limit: 10 })).total).toBe(25);
      expect((await t.ok('clients.search', { query: 'person1 nowak', status: 'open', limit: 5 })).total).toBe(11);
      expect(await t.ok('clients.search', { query: 'nowak', limit: 10, offset: 30 })).toEqual({ items: [], total: 25 });
    });

    it('gives the first rows without counting every match, and counts them on their own', async () => {
      const t = await ready();
      for (let i = 0; i < 25; i++)
        await t.addNewPerson({ firstName: `Person${i}`, lastName: i < 20 ? 'Nowak' : 'Nowakowska' });
      await t.addNewPerson({ firstName: 'Jan', lastName: 'Kowal' });
      // A full page: the total is left for the count.
      const first = await t.ok('clients.search', { query: 'nowak', limit: 10, withTotal: false });
      expect(first.items).toHaveLength(10);
      expect(first.total).toBeNull();
      expect(first.items).toEqual((await t.ok('clients.search', { query: 'nowak', limit: 10 })).items);
      expect((await t.ok('clients.count', { query: 'nowak' })).total).toBe(25);
      expect((await t.ok('clients.count', { query: 'nowak p' })).total).toBe(25);
      expect((await t.ok('clients.count', { query: 'nowakowska' })).total).toBe(5);
      expect((await t.ok('clients.count', { query: '' })).total).toBe(26);
      expect((await t.ok('clients.count', { query: 'n' })).total).toBe(25);
      expect((await t.ok('clients.count', { query: 'nowak', status: 'closed' })).total).toBe(0);
      // A page that is not full knows its total anyway.
      expect((await t.ok('clients.search', { query: 'kowal', withTotal: false })).total).toBe(1);
    });

    it('refuses bad input with BAD_INPUT and field messages, and writes nothing', async () => {
      const t = await ready();
      await t.ok('clients.intake', { details: { firstName: 'Existing', lastName: 'Client' } });
      const cases: [Record<string, unknown>, Record<string, string>][] = [
        [{ lastName: 'Nowak' }, { firstName: 'required' }],
        [{ firstName: '   ', lastName: 'Nowak' }, { firstName: 'required' }],
        [{ firstName: 'Jan', lastName: 'Nowak', dateOfBirth: '2999-01-01' }, { dateOfBirth: 'dateInFuture' }],
        [{ firstName: 'Jan', lastName: 'Nowak', dateOfBirth: '2001-02-30' }, { dateOfBirth: 'invalidDate' }],
        [{ firstName: 'Jan', lastName: 'Nowak', dateOfBirth: '1850-01-01' }, { dateOfBirth: 'dateTooEarly' }],
        [{ firstName: 'x'.repeat(10_000), lastName: 'Nowak' }, { firstName: 'tooLong' }],
        [{ firstName: 'Jan', lastName: 'Nowak', phone: 'call me maybe' }, { phone: 'invalidPhone' }],
        [
          { firstName: 'Jan', lastName: 'Nowak', preferredLanguage: 'klingon' },
          { preferredLanguage: 'invalidLanguage' },
        ],
        [{ firstName: 'Jan', lastName: 'Nowak', address: 'a'.repeat(501) }, { address: 'tooLong' }],
      ];
      for (const [input, fields] of cases) {
        const err = await t.fail('clients.intake', { details: input } as never);
        expect(err.code).toBe('BAD_INPUT');
        expect(err.fields).toEqual(Object.fromEntries(Object.entries(fields).map(([k, v]) => [`details.${k}`, v])));
      }
      const existing = (await t.ok('clients.search', {})).items[0]!;
      const err = await t.fail('clients.update', {
        id: existing.id,
        version: 1,
        details: { firstName: '', lastName: 'Client' },
      });
      expect(err.fields).toEqual({ 'details.firstName': 'required' });
      expect((await t.ok('clients.search', { query: '' })).total).toBe(1);
      expect((await opened(t, existing.id)).firstName).toBe('Existing');
    });

    it('records who created, opened and changed a client, naming fields but not their values', async () => {
      const t = await ready();
      const c = await t.ok('clients.intake', {
        details: { firstName: 'Jan', lastName: 'Nowak', phone: '0113 496 0001' },
      });
      await opened(t, c.id);
      await t.ok('clients.update', { id: c.id, version: 1, details: { ...c, phone: '0113 496 0002' } });
      const rows = await t.auditOf(c.id);
      expect(rows).toEqual([
        { user_id: 1, action: 'client.created', client_id: c.id, detail: null },
        { user_id: 1, action: 'client.viewed', client_id: c.id, detail: null },
        { user_id: 1, action: 'client.changed', client_id: c.id, detail: '{"fields":["phone"]}' },
      ]);
    });
  });
}
