import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, gt } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { countClients, getClient, insertClient, searchClients } from '../../electron/core/clients/queries';
import { withClock } from '../../electron/core/clock';
import { closeDatabase, openDatabase } from '../../electron/core/db/database';
import { clients as sqliteClients, clientSearchTokens as sqliteTokens } from '../../electron/core/db/schema';
import { localToday } from '../../shared/clock';
import { clientDetailsSchema } from '../../shared/domain/client';
import * as pg from '../../spikes/postgres/schema';
import { getClient as pgGetClient, postgresClientHandlers, type PgDesk } from '../../spikes/postgres/clients';
import { findPostgres, startCluster } from '../core/postgresCluster';
import { generateClients, SEARCHES_AS_TYPED } from './clients';
import { measure, report, type Figure } from './stats';

const NOW = () => new Date('2026-11-23T10:00:00');

/**
 * `npm run bench:postgres`: the same clients, the same searches, on the core's SQLite file and on the
 * PostgreSQL spike (docs/growth.md), on this machine, the server on a local socket. It measures what
 * a second engine costs per call before any network is added; it never passes or fails.
 */
async function main() {
  const bin = findPostgres();
  if (!bin) throw new Error('PostgreSQL is not installed here (apt-get install postgresql)');
  const n = Number(process.env['BENCH_CLIENTS'] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'casebook-bench-pg-'));
  const cluster = await startCluster(bin, { durable: true });
  const pool = new Pool({ host: cluster.socketDir, port: cluster.port, user: cluster.user, database: 'postgres' });
  const sqlite = openDatabase(join(dir, 'casebook.db'), randomBytes(32), { create: true });
  const figures: Figure[] = [];
  try {
    const started = Date.now();
    generateClients(sqlite, n);
    const db = drizzle(pool, { schema: pg });
    await pool.query(pg.CREATE_TABLES);
    await db.insert(pg.users).values([
      { id: 1, name: 'Bench Admin', role: 'admin' },
      { id: 2, name: 'Bench Caseworker', role: 'caseworker' },
    ]);
    // The same rows, copied in chunks, so both engines search the same clients.
    for (let last = 0; ;) {
      const rows = sqlite
        .select()
        .from(sqliteClients)
        .where(gt(sqliteClients.id, last))
        .orderBy(asc(sqliteClients.id))
        .limit(2000)
        .all();
      if (!rows.length) break;
      last = rows.at(-1)!.id;
      await db.insert(pg.clients).values(rows.map(({ lastAssessedOn: _, ...r }) => r));
    }
    const tokens = sqlite.select().from(sqliteTokens).all();
    for (let i = 0; i < tokens.length; i += 5000)
      await db.insert(pg.clientSearchTokens).values(tokens.slice(i, i + 5000));
    await pool.query(`SELECT setval('clients_id_seq', ${n}); ANALYZE;`);
    console.error(
      `${n.toLocaleString('en-GB')} clients and ${tokens.length.toLocaleString('en-GB')} search tokens in both engines in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    const desk: PgDesk = { db, userId: 1, now: NOW, today: () => localToday(NOW()) };
    const onPg = postgresClientHandlers(desk);
    const label = `${(n / 1000).toFixed(0)}k clients`;
    const filters = {
      status: null,
      caseworkerId: null,
      riskFlag: null,
      answer: null,
      sort: 'name' as const,
      descending: false,
      limit: 100,
      offset: 0,
      withTotal: true,
    };
    const typed = (k: number) => SEARCHES_AS_TYPED[k % SEARCHES_AS_TYPED.length]!;
    const note = `${SEARCHES_AS_TYPED.length} prefixes; first 100 in name order + total`;
    let k = 0;
    figures.push(
      await measure(
        `search as you type, SQLite (${label})`,
        400,
        () => searchClients(sqlite, { ...filters, query: typed(k++) }),
        {
          warmup: SEARCHES_AS_TYPED.length,
          note,
        },
      ),
    );
    k = 0;
    figures.push(
      await measure(
        `search as you type, PostgreSQL (${label})`,
        400,
        () => onPg['clients.search']({ ...filters, query: typed(k++) }),
        {
          warmup: SEARCHES_AS_TYPED.length,
          note,
        },
      ),
    );
    const count = { query: 'nowak', status: null, caseworkerId: null, riskFlag: null, answer: null };
    figures.push(await measure(`count "nowak", SQLite (${label})`, 100, () => countClients(sqlite, count)));
    figures.push(await measure(`count "nowak", PostgreSQL (${label})`, 100, () => onPg['clients.count'](count)));
    let id = 0;
    figures.push(await measure(`open a client, SQLite (${label})`, 400, () => getClient(sqlite, (id++ % n) + 1)));
    id = 0;
    figures.push(await measure(`open a client, PostgreSQL (${label})`, 400, () => pgGetClient(db, (id++ % n) + 1)));
    const details = clientDetailsSchema.parse({
      firstName: 'Zofia',
      lastName: 'Wiśniewska',
      phone: '07700 900123',
      postcode: 'LS6 2AB',
    });
    figures.push(
      await measure(
        `take in a client, SQLite (${label})`,
        200,
        () => sqlite.$client.transaction(() => insertClient(sqlite, details, 1, NOW(), localToday(NOW())))(),
        { note: 'row, status history, search tokens' },
      ),
    );
    figures.push(
      await measure(
        `take in a client, PostgreSQL (${label})`,
        200,
        () => withClock(NOW, () => onPg['clients.intake']({ details, consent: null, duplicatesSeen: [] } as never)),
        { note: 'row, search tokens, audit row; one transaction' },
      ),
    );
  } finally {
    closeDatabase(sqlite);
    await pool.end();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  report(figures);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
