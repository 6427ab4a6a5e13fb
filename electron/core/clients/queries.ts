import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { clientReference, type Client, type ClientDetails, type ClientSummary } from '../../../shared/domain/client';
import type { Db } from '../db/database';
import { clients, clientSearchTokens } from '../db/schema';
import { clientTokens, fold, queryTerms } from './folding';

const summaryColumns = {
  id: clients.id,
  reference: clients.reference,
  firstName: clients.firstName,
  lastName: clients.lastName,
  dateOfBirth: clients.dateOfBirth,
  phone: clients.phone,
  postcode: clients.postcode,
};

const sortNameOf = (d: Pick<ClientDetails, 'firstName' | 'lastName'>) => fold(`${d.lastName} ${d.firstName}`);

function writeTokens(db: Db, id: number, row: Parameters<typeof clientTokens>[0]): void {
  db.delete(clientSearchTokens).where(eq(clientSearchTokens.clientId, id)).run();
  const tokens = clientTokens(row);
  if (tokens.length) db.insert(clientSearchTokens).values(tokens.map((token) => ({ token, clientId: id }))).run();
}

export function insertClient(db: Db, details: ClientDetails, userId: number, now: string): Client {
  // Called inside the caller's write transaction, so the next id cannot be taken by anyone else.
  const id = (db.select({ max: sql<number | null>`max(${clients.id})` }).from(clients).get()?.max ?? 0) + 1;
  const reference = clientReference(id);
  db.insert(clients)
    .values({ ...details, id, reference, sortName: sortNameOf(details), createdAt: now, createdBy: userId, updatedAt: now, updatedBy: userId })
    .run();
  writeTokens(db, id, { ...details, reference });
  return getClient(db, id)!;
}

/** Writes the new details if the row is still at `version`; returns null when it was changed meanwhile. */
export function updateClient(db: Db, id: number, version: number, details: ClientDetails, userId: number, now: string): Client | null {
  const res = db
    .update(clients)
    .set({ ...details, sortName: sortNameOf(details), version: sql`${clients.version} + 1`, updatedAt: now, updatedBy: userId })
    .where(and(eq(clients.id, id), eq(clients.version, version)))
    .run();
  if (res.changes === 0) return null;
  const client = getClient(db, id)!;
  writeTokens(db, id, client);
  return client;
}

export function getClient(db: Db, id: number): Client | undefined {
  return db
    .select({
      ...summaryColumns,
      address: clients.address,
      preferredLanguage: clients.preferredLanguage,
      version: clients.version,
      createdAt: clients.createdAt,
      updatedAt: clients.updatedAt,
    })
    .from(clients)
    .where(eq(clients.id, id))
    .get();
}

/**
 * Finds clients whose tokens start with every typed term (AND), in name order. Each term is a
 * B-tree range on the token index, so it stays fast at 100,000 clients.
 */
export function searchClients(db: Db, query: string, limit: number, offset: number): { items: ClientSummary[]; total: number } {
  const terms = queryTerms(query);
  const filters: SQL[] = terms.map(
    (term) =>
      sql`${clients.id} IN (SELECT ${clientSearchTokens.clientId} FROM ${clientSearchTokens} WHERE ${clientSearchTokens.token} >= ${term} AND ${clientSearchTokens.token} < ${term + '\uffff'})`,
  );
  const where = filters.length ? and(...filters) : undefined;
  const items = db.select(summaryColumns).from(clients).where(where).orderBy(asc(clients.sortName), asc(clients.id)).limit(limit).offset(offset).all();
  const total = items.length < limit && offset === 0 ? items.length : (db.select({ n: sql<number>`count(*)` }).from(clients).where(where).get()?.n ?? 0);
  return { items, total };
}
