import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/contract';
import { dispatch, type Handlers } from '../../electron/core/rpc';
import { localToday } from '../../shared/clock';
import { withClock } from '../../electron/core/clock';
import { getClient, openClient, postgresClientHandlers, type PgDesk } from '../../spikes/postgres/clients';
import * as schema from '../../spikes/postgres/schema';
import { clientChannelTests, type ClientsEngine } from './clientChannels';
import { findPostgres, startCluster, type Cluster } from './postgresCluster';
import { CasebookError } from '../../shared/result';

/**
 * The spike of docs/growth.md: the clients domain's tests, the same ones the core passes on SQLite,
 * run against a real PostgreSQL server through drizzle, the calls going through the core's own
 * `dispatch` (the contract's checks of input and output). CI installs PostgreSQL; on a machine
 * without it these tests are skipped, and say so.
 */
const bin = findPostgres();
let cluster: Cluster | undefined;
let pool: Pool | undefined;
const NOW = Date.parse('2026-11-23T10:00:00Z');

/** A fresh, empty set of tables and one administrator, as `setUp` gives the SQLite core. */
async function ready(): Promise<ClientsEngine> {
  const db = drizzle(pool!, { schema });
  await pool!.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await pool!.query(schema.CREATE_TABLES);
  const [admin] = await db.insert(schema.users).values({ name: 'Ada Admin', role: 'admin' }).returning();
  const clock = () => new Date(NOW);
  const desk: PgDesk = { db, userId: admin!.id, now: clock, today: () => localToday(clock()) };
  const handlers = postgresClientHandlers(desk) as unknown as Handlers;
  const call = (channel: Channel, input: unknown) =>
    withClock(clock, () => dispatch(handlers, () => {}, channel, input));
  return {
    ok: async (channel, input) => {
      const r = await call(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.value as never;
    },
    fail: async (channel, input) => {
      const r = await call(channel, input);
      if (r.ok) throw new Error(`${channel} succeeded`);
      return r.error;
    },
    open: async (id) => {
      try {
        return { ok: true, value: await openClient(desk, id) };
      } catch (e) {
        if (e instanceof CasebookError) return { ok: false, error: { code: e.code, message: e.message } };
        throw e;
      }
    },
    // The duplicate check is not part of the spike: a new person is taken in as they are.
    addNewPerson: async (details) => {
      const r = await call('clients.intake', { details });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as never;
    },
    auditOf: async (clientId) =>
      (
        await pool!.query(
          'SELECT user_id, action, client_id, detail FROM audit_events WHERE client_id = $1 ORDER BY id',
          [clientId],
        )
      ).rows,
  };
}

describe.skipIf(!bin)('the clients domain on PostgreSQL (the spike of docs/growth.md)', () => {
  beforeAll(async () => {
    cluster = await startCluster(bin!);
    pool = new Pool({ host: cluster.socketDir, port: cluster.port, user: cluster.user, database: 'postgres', max: 4 });
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await cluster?.stop();
  });

  clientChannelTests('PostgreSQL, the spike', ready);

  it('gives two offices taking in a client at the same moment two references, never the same one', async () => {
    const t = await ready();
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.ok('clients.intake', { details: { firstName: `Office${i}`, lastName: 'Nowak' } }),
      ),
    );
    expect(new Set(made.map((c) => c.reference)).size).toBe(8);
    expect((await t.ok('clients.count', { query: 'nowak' })).total).toBe(8);
  });

  it('refuses the second of two edits made from the same version, as the core does', async () => {
    const t = await ready();
    const c = await t.ok('clients.intake', { details: { firstName: 'Jan', lastName: 'Kowal' } });
    const both = await Promise.allSettled([
      t.ok('clients.update', { id: c.id, version: 1, details: { ...c, phone: '0113 496 0001' } }),
      t.ok('clients.update', { id: c.id, version: 1, details: { ...c, phone: '0113 496 0002' } }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((both.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(/CONFLICT/);
    expect((await getClient(drizzle(pool!, { schema }), c.id))?.version).toBe(2);
  });
});

if (!bin)
  describe('the clients domain on PostgreSQL', () => {
    it.skip('is not tried: PostgreSQL is not installed here (apt-get install postgresql)', () => {});
  });
