import { reachFilter, type Reach } from './reach';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  clientReference,
  type CaseStatus,
  type Client,
  type ClientDetails,
  type ClientSummary,
  type ClosureReason,
  CLIENT_SORTS,
} from '../../../shared/domain/client';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { clientMerges, clients, clientSearchTokens, clientStatusChanges, riskFlags, users } from '../db/schema';
import { clientTokens, fold, queryTerms } from './folding';
import { refuseIfChanged } from '../db/versions';

const caseworker = alias(users, 'caseworker');

/** Kinds of active risk flags, comma-separated, for the list icon. */
const activeFlags = sql<
  string | null
>`(SELECT group_concat(${riskFlags.kind}) FROM ${riskFlags} WHERE ${riskFlags.clientId} = ${clients.id} AND ${riskFlags.removedOn} IS NULL)`;

const summaryColumns = {
  id: clients.id,
  reference: clients.reference,
  firstName: clients.firstName,
  lastName: clients.lastName,
  preferredName: clients.preferredName,
  dateOfBirth: clients.dateOfBirth,
  estimatedBirthYear: clients.estimatedBirthYear,
  phone: clients.phone,
  postcode: clients.postcode,
  status: clients.status,
  caseworkerName: caseworker.name,
  intakeDate: clients.intakeDate,
  flags: activeFlags,
};

const toSummary = ({ flags, ...row }: { flags: string | null } & Omit<ClientSummary, 'riskFlags'>): ClientSummary => ({
  ...row,
  riskFlags: flags ? [...new Set(flags.split(','))].sort() : [],
});

const sortNameOf = (d: Pick<ClientDetails, 'firstName' | 'lastName'>) => fold(`${d.lastName} ${d.firstName}`);

/** Rewrites a client's search tokens: their names, references (including merged ones), phone and postcode. */
import { answerFilter } from '../customFields/answers';
export function writeTokens(db: Db, id: number): void {
  const c = db
    .select({
      firstName: clients.firstName,
      lastName: clients.lastName,
      preferredName: clients.preferredName,
      reference: clients.reference,
      phone: clients.phone,
      postcode: clients.postcode,
    })
    .from(clients)
    .where(eq(clients.id, id))
    .get();
  db.delete(clientSearchTokens).where(eq(clientSearchTokens.clientId, id)).run();
  if (!c) return;
  const former = db
    .select({ ref: clientMerges.fromReference })
    .from(clientMerges)
    .where(eq(clientMerges.intoClientId, id))
    .all();
  const tokens = new Set([
    ...clientTokens(c),
    ...former.flatMap((f) =>
      clientTokens({ firstName: '', lastName: '', preferredName: null, reference: f.ref, phone: null, postcode: null }),
    ),
  ]);
  if (tokens.size)
    db.insert(clientSearchTokens)
      .values([...tokens].map((token) => ({ token, clientId: id })))
      .run();
}

/** Refuses a caseworker who is not an active admin or caseworker. */
function checkCaseworker(db: Db, caseworkerId: number | null): void {
  if (caseworkerId === null) return;
  const u = db.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, caseworkerId)).get();
  if (!u || !u.active || u.role === 'volunteer')
    throw new CasebookError('BAD_INPUT', 'Not an active caseworker', {
      fields: { 'details.caseworkerId': 'unknownCaseworker' },
    });
}

export function insertClient(db: Db, details: ClientDetails, userId: number, now: Date, today: string): Client {
  return getClient(db, insertClients(db, [details], userId, now, today)[0]!)!;
}

/** Rows per INSERT statement when adding many clients: well under SQLite's limit of bound values. */
const CHUNK = 400;

/**
 * Adds new clients, open from their intake date (today when not given), with their search tokens;
 * returns their ids. Many at once (an import) go in a few statements of many rows each. Called
 * inside the caller's write transaction, so the next ids cannot be taken by anyone else.
 */
export function insertClients(
  db: Db,
  list: readonly ClientDetails[],
  userId: number,
  now: Date,
  today: string,
): number[] {
  for (const caseworkerId of new Set(list.map((d) => d.caseworkerId))) checkCaseworker(db, caseworkerId);
  // A number is never given twice: not even that of a client erased or merged away, whose reference
  // may still be on paper and whose events stay in the audit trail (which keeps every client's id).
  const first =
    (db.get<{ high: number }>(
      sql`SELECT max(coalesce((SELECT max(id) FROM clients), 0), coalesce((SELECT max(client_id) FROM audit_events), 0)) AS high`,
    )?.high ?? 0) + 1;
  const at = now.toISOString();
  const rows = list.map((details, i) => {
    const id = first + i;
    const intakeDate = details.intakeDate ?? today;
    const reference = clientReference(id);
    return {
      row: {
        ...details,
        id,
        intakeDate,
        reference,
        sortName: sortNameOf(details),
        status: 'open' as const,
        statusSince: intakeDate,
        createdAt: at,
        createdBy: userId,
        updatedAt: at,
        updatedBy: userId,
      },
      tokens: clientTokens({ ...details, reference }).map((token) => ({ token, clientId: id })),
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    db.insert(clients)
      .values(chunk.map((r) => r.row))
      .run();
    db.insert(clientStatusChanges)
      .values(
        chunk.map(({ row }) => ({
          clientId: row.id,
          status: 'open' as const,
          changedOn: row.intakeDate,
          changedBy: userId,
          changedAt: at,
        })),
      )
      .run();
    const tokens = chunk.flatMap((r) => r.tokens);
    for (let j = 0; j < tokens.length; j += CHUNK * 4)
      db.insert(clientSearchTokens)
        .values(tokens.slice(j, j + CHUNK * 4))
        .run();
  }
  return rows.map((r) => r.row.id);
}

/** Writes the new details if the row is still at `version`; throws CONFLICT when it was changed meanwhile. */
export function updateClient(
  db: Db,
  id: number,
  version: number,
  details: ClientDetails,
  userId: number,
  now: Date,
): { before: Client; after: Client } {
  const before = requireClient(db, id);
  checkCaseworker(db, details.caseworkerId);
  const res = db
    .update(clients)
    .set({
      ...details,
      intakeDate: details.intakeDate ?? before.intakeDate,
      sortName: sortNameOf(details),
      version: sql`${clients.version} + 1`,
      updatedAt: now.toISOString(),
      updatedBy: userId,
    })
    .where(and(eq(clients.id, id), eq(clients.version, version)))
    .run();
  refuseIfChanged(res.changes > 0, 'client');
  writeTokens(db, id);
  return { before, after: getClient(db, id)! };
}

/** Opens, puts on hold or closes a case, keeping the history. */
export function changeStatus(
  db: Db,
  id: number,
  version: number,
  change: { status: CaseStatus; on: string; reason: ClosureReason | null; note: string | null },
  userId: number,
  now: Date,
): Client {
  requireClient(db, id);
  const closureReason = change.status === 'closed' ? change.reason : null;
  const res = db
    .update(clients)
    .set({
      status: change.status,
      statusSince: change.on,
      closureReason,
      version: sql`${clients.version} + 1`,
      updatedAt: now.toISOString(),
      updatedBy: userId,
    })
    .where(and(eq(clients.id, id), eq(clients.version, version)))
    .run();
  refuseIfChanged(res.changes > 0, 'client');
  db.insert(clientStatusChanges)
    .values({
      clientId: id,
      status: change.status,
      changedOn: change.on,
      reason: closureReason,
      note: change.note,
      changedBy: userId,
      changedAt: now.toISOString(),
    })
    .run();
  return getClient(db, id)!;
}

export function getClient(db: ReadDb, id: number): Client | undefined {
  const { flags: _flags, ...columns } = summaryColumns;
  return db
    .select({
      ...columns,
      gender: clients.gender,
      genderWithheld: clients.genderWithheld,
      pronouns: clients.pronouns,
      email: clients.email,
      address: clients.address,
      preferredLanguage: clients.preferredLanguage,
      interpreterNeeded: clients.interpreterNeeded,
      referralSource: clients.referralSource,
      referredBy: clients.referredBy,
      caseworkerId: clients.caseworkerId,
      statusSince: clients.statusSince,
      closureReason: clients.closureReason,
      version: clients.version,
      createdAt: clients.createdAt,
      updatedAt: clients.updatedAt,
    })
    .from(clients)
    .leftJoin(caseworker, eq(caseworker.id, clients.caseworkerId))
    .where(eq(clients.id, id))
    .get();
}

export function requireClient(db: ReadDb, id: number): Client {
  const c = getClient(db, id);
  if (!c) throw new CasebookError('NOT_FOUND', 'No such client');
  return c;
}

export function clientSummaries(db: ReadDb, ids: number[]): ClientSummary[] {
  if (!ids.length) return [];
  return db
    .select(summaryColumns)
    .from(clients)
    .leftJoin(caseworker, eq(caseworker.id, clients.caseworkerId))
    .where(sql`${clients.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .all()
    .map(toSummary);
}

const SORT_COLUMNS: Record<(typeof CLIENT_SORTS)[number], SQLiteColumn> = {
  name: clients.sortName,
  reference: clients.id,
  dateOfBirth: clients.dateOfBirth,
  intakeDate: clients.intakeDate,
};

/** What a search matches: the typed words and the filters. */
export interface CountFilters {
  query: string;
  status: CaseStatus | null;
  caseworkerId: number | null;
  riskFlag: string | null;
  /** Who gave this answer to one of the charity's questions (customFields/answers.ts `answerFilter`). */
  answer?: string | null;
  /** Only the clients within this person's reach (clients/reach.ts); everyone when null or absent. */
  reach?: Reach;
}

export interface SearchFilters extends CountFilters {
  sort: (typeof CLIENT_SORTS)[number];
  descending: boolean;
  limit: number;
  offset: number;
  /** Count every match (the default), or leave the total null when the page is full. */
  withTotal?: boolean;
}

const range = (term: string) => [term, `${term}\uffff`] as const;

/** Clients with a token starting with `term`, checked from the client's side (a few tokens each): cheap per candidate. */
const hasTokenStartingWith = (idColumn: SQL | typeof clients.id, term: string) =>
  sql`EXISTS (SELECT 1 FROM ${clientSearchTokens} t2 WHERE t2.client_id = ${idColumn} AND +t2.token >= ${range(term)[0]} AND +t2.token < ${range(term)[1]})`;

/** What a search matches, before its order and page: the WHERE clause and a way to count it cheaply. */
function matching(db: ReadDb, f: CountFilters): { where: SQL | undefined; count: () => number; sorted: boolean } {
  const terms = queryTerms(f.query);
  const filters: SQL[] = [];
  let main: string | null = null;
  if (terms.length === 1 && /^\p{L}$/u.test(terms[0]!)) {
    const [from, to] = range(terms[0]!);
    filters.push(sql`${clients.sortName} >= ${from} AND ${clients.sortName} < ${to}`);
  } else if (terms.length) {
    main = [...terms].sort((a, b) => b.length - a.length)[0]!;
    const [from, to] = range(main);
    filters.push(
      sql`${clients.id} IN (SELECT ${clientSearchTokens.clientId} FROM ${clientSearchTokens} WHERE ${clientSearchTokens.token} >= ${from} AND ${clientSearchTokens.token} < ${to})`,
    );
    for (const other of terms.filter((t) => t !== main)) filters.push(hasTokenStartingWith(clients.id, other));
  }
  filters.push(...reachFilter(f.reach ?? null, sql`${clients.id}`));
  if (f.status) filters.push(eq(clients.status, f.status));
  if (f.caseworkerId) filters.push(eq(clients.caseworkerId, f.caseworkerId));
  if (f.riskFlag === 'any')
    filters.push(
      sql`${clients.id} IN (SELECT ${riskFlags.clientId} FROM ${riskFlags} WHERE ${riskFlags.removedOn} IS NULL)`,
    );
  else if (f.riskFlag)
    filters.push(
      sql`${clients.id} IN (SELECT ${riskFlags.clientId} FROM ${riskFlags} WHERE ${riskFlags.kind} = ${f.riskFlag} AND ${riskFlags.removedOn} IS NULL)`,
    );
  if (f.answer) filters.push(answerFilter(sql`${clients.id}`, f.answer));
  const where = filters.length ? and(...filters) : undefined;
  const count = () => {
    if (main !== null && filters.length === terms.length) {
      // Terms only: count distinct clients straight from the token index, without visiting their rows.
      const [from, to] = range(main);
      const others = terms.filter((t) => t !== main).map((t) => hasTokenStartingWith(sql`m.client_id`, t));
      return (
        db.get<{ n: number }>(
          sql`SELECT count(*) AS n FROM (SELECT DISTINCT ${clientSearchTokens.clientId} AS client_id FROM ${clientSearchTokens} WHERE ${clientSearchTokens.token} >= ${from} AND ${clientSearchTokens.token} < ${to}) m ${others.length ? sql`WHERE ${sql.join(others, sql` AND `)}` : sql``}`,
        )?.n ?? 0
      );
    }
    return (
      db
        .select({ n: sql<number>`count(*)` })
        .from(clients)
        .where(where)
        .get()?.n ?? 0
    );
  };
  // A range of the name index is read in order, page by page; a token search finds every match and sorts them.
  return { where, count, sorted: main !== null };
}

/**
 * Finds clients whose tokens start with every typed term (AND), with the filters, in the chosen
 * order. The longest term drives the search (a B-tree range on the token index); the other terms
 * are checked per candidate through the client's own few tokens. A single letter on its own means
 * "surnames starting with it", a range on the name index, as in a phone book: a token range for one
 * letter would match a fifth of all clients. Stays within a few milliseconds at 100,000 clients.
 *
 * The total is counted unless `withTotal` is false; then it is null when the page is full (the list
 * shows the first rows at once and asks for the count separately, `countClients`).
 */
export function searchClients(db: ReadDb, f: SearchFilters): { items: ClientSummary[]; total: number | null } {
  const { where, count, sorted } = matching(db, f);
  const dir = f.descending ? desc : asc;
  // A token search finds and sorts every match before the page: counting them on the way costs
  // nothing more, where a second query would find them all again.
  const counted = sorted && f.withTotal !== false;
  // Narrow rows are sorted; only the page that is shown gets its caseworker and flags looked up.
  const rows = db
    .select({ id: clients.id, ...(counted ? { total: sql<number>`count(*) OVER ()` } : {}) })
    .from(clients)
    .where(where)
    .orderBy(dir(SORT_COLUMNS[f.sort]), dir(clients.sortName), dir(clients.id))
    .limit(f.limit)
    .offset(f.offset)
    .all() as { id: number; total?: number }[];
  const byId = new Map(
    clientSummaries(
      db,
      rows.map((r) => r.id),
    ).map((c) => [c.id, c]),
  );
  const items = rows.map((r) => byId.get(r.id)!);
  if (items.length < f.limit && (f.offset === 0 || items.length > 0)) return { items, total: f.offset + items.length };
  if (f.withTotal === false) return { items, total: null };
  return { items, total: rows[0]?.total ?? count() };
}

/** How many clients a search matches (the list's total), counted without reading their rows where it can. */
export function countClients(db: ReadDb, f: CountFilters): number {
  return matching(db, f).count();
}

export function statusHistory(db: ReadDb, clientId: number) {
  return db
    .select({
      id: clientStatusChanges.id,
      status: clientStatusChanges.status,
      on: clientStatusChanges.changedOn,
      reason: clientStatusChanges.reason,
      note: clientStatusChanges.note,
      byName: users.name,
    })
    .from(clientStatusChanges)
    .leftJoin(users, eq(users.id, clientStatusChanges.changedBy))
    .where(eq(clientStatusChanges.clientId, clientId))
    .orderBy(desc(clientStatusChanges.changedOn), desc(clientStatusChanges.id))
    .all();
}
