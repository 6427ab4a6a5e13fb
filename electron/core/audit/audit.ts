import { and, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditEntry, AuditFilters } from '../../../shared/domain/audit';
import { auditFiltersSchema } from '../../../shared/domain/audit';
import type { Db } from '../db/database';
import { auditEvents, clients, users } from '../db/schema';
import { getSetting, setSetting } from '../settings/settings';
import { auditHash, type ChainedFields } from './chain';

export type { AuditAction };

const HEAD = 'audit_head';

export interface AuditEvent {
  userId: number | null;
  action: AuditAction;
  clientId?: number;
  /** What changed (field names, never old values of a client's details). */
  detail?: Record<string, unknown>;
  /** When it happened, by the core's clock (never the machine's own: tests fix it). */
  at: Date;
}

/**
 * Appends one event to the chain, in the caller's transaction. The chain's head (last id and hash)
 * is kept in settings too, so removing entries from the end is noticed as well.
 */
export function recordAudit(db: Db, e: AuditEvent): void {
  const last = db.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get();
  const row: ChainedFields = {
    id: (last?.id ?? 0) + 1,
    at: e.at.toISOString(),
    userId: e.userId,
    action: e.action,
    clientId: e.clientId ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  };
  const hash = auditHash(last?.hash ?? null, row);
  db.insert(auditEvents).values({ ...row, hash }).run();
  setSetting(db, HEAD, JSON.stringify({ id: row.id, hash }));
}

/** Walks the whole chain. Any changed, removed or inserted entry shows as the first bad id. */
export function verifyAudit(db: Db): { ok: boolean; checked: number; firstBadId: number | null } {
  const stmt = db.$client.prepare('SELECT id, at, user_id AS userId, action, client_id AS clientId, detail, hash FROM audit_events ORDER BY id');
  let previous: string | null = null;
  let expectedId = 1;
  let checked = 0;
  for (const row of stmt.iterate() as IterableIterator<ChainedFields & { hash: string | null }>) {
    if (row.id !== expectedId || row.hash !== auditHash(previous, row)) return { ok: false, checked, firstBadId: row.id };
    previous = row.hash;
    expectedId++;
    checked++;
  }
  const head = getSetting(db, HEAD);
  if (checked > 0) {
    const h = head ? (JSON.parse(head) as { id: number; hash: string }) : null;
    if (!h || h.id !== expectedId - 1 || h.hash !== previous) return { ok: false, checked, firstBadId: expectedId - 1 };
  }
  return { ok: true, checked, firstBadId: null };
}

/** The start of a calendar day on this PC, as an ISO instant. */
function dayStart(isoDate: string, plusDays = 0): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
}

/** "CB-00012", "cb12" or "12" -> 12. */
export function clientIdFromReference(text: string): number | null {
  const m = /^(?:cb[\s-]*)?0*(\d{1,9})$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

function whereOf(filters: AuditFilters): SQL | undefined {
  const f = auditFiltersSchema.parse(filters);
  const parts: SQL[] = [];
  if (f.userId !== null) parts.push(eq(auditEvents.userId, f.userId));
  if (f.action !== null) parts.push(eq(auditEvents.action, f.action));
  if (f.client !== null) parts.push(eq(auditEvents.clientId, clientIdFromReference(f.client) ?? -1));
  if (f.from !== null) parts.push(gte(auditEvents.at, dayStart(f.from)));
  if (f.to !== null) parts.push(lt(auditEvents.at, dayStart(f.to, 1)));
  return parts.length ? and(...parts) : undefined;
}

const entryColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  userId: auditEvents.userId,
  userName: users.name,
  action: auditEvents.action,
  clientId: auditEvents.clientId,
  clientReference: clients.reference,
  detail: auditEvents.detail,
};

type Row = Omit<AuditEntry, 'detail' | 'action'> & { action: string; detail: string | null };
const toEntry = (r: Row): AuditEntry => ({ ...r, action: r.action as AuditAction, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null });

/** Newest first, with the user's name and the client's reference. */
export function listAudit(db: Db, filters: AuditFilters, limit: number, offset: number): { items: AuditEntry[]; total: number } {
  const where = whereOf(filters);
  const items = db
    .select(entryColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .leftJoin(clients, eq(clients.id, auditEvents.clientId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map(toEntry);
  const total = db.select({ n: sql<number>`count(*)` }).from(auditEvents).where(where).get()?.n ?? 0;
  return { items, total };
}

/** Every matching entry, oldest first, for export: read in pages so a long trail never sits in memory at once. */
export function* iterateAudit(db: Db, filters: AuditFilters, pageSize = 2000): Generator<AuditEntry> {
  const where = whereOf(filters);
  let after = 0;
  for (;;) {
    const page = db
      .select(entryColumns)
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.userId))
      .leftJoin(clients, eq(clients.id, auditEvents.clientId))
      .where(where ? and(where, gt(auditEvents.id, after)) : gt(auditEvents.id, after))
      .orderBy(auditEvents.id)
      .limit(pageSize)
      .all();
    for (const row of page) yield toEntry(row);
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.id;
  }
}
