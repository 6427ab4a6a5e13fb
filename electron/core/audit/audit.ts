import { and, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditEntry, AuditFilters } from '../../../shared/domain/audit';
import { auditFiltersSchema } from '../../../shared/domain/audit';
import type { Db, ReadDb } from '../db/database';
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
  const last = db
    .select({ id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1)
    .get();
  const row: ChainedFields = {
    id: (last?.id ?? 0) + 1,
    at: e.at.toISOString(),
    userId: e.userId,
    action: e.action,
    clientId: e.clientId ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  };
  const hash = auditHash(last?.hash ?? null, row);
  db.insert(auditEvents)
    .values({ ...row, hash })
    .run();
  setSetting(db, HEAD, JSON.stringify({ id: row.id, hash }));
}

/** The trail's last entry (id and hash), as kept beside it. */
export function auditHead(db: Db): { id: number; hash: string } | null {
  const head = getSetting(db, HEAD);
  return head ? (JSON.parse(head) as { id: number; hash: string }) : null;
}

/**
 * Does the trail still hold `anchor` (the entry recorded in the key file when Casebook last locked)?
 * A trail rewritten since (an entry changed, entries dropped) does not: the entry is gone or its hash
 * differs, because every hash covers all that came before it.
 */
export function trailHolds(db: ReadDb, anchor: { id: number; hash: string }): boolean {
  const row = db.$client.prepare('SELECT hash FROM audit_events WHERE id = ?').get(anchor.id) as
    { hash: string } | undefined;
  return row?.hash === anchor.hash;
}

/** The triggers that keep the trail append-only. */
const GUARDS: Record<string, string> = {
  audit_events_no_update: `CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`,
  audit_events_no_delete: `CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`,
};

/** Puts back any of the append-only guards that are missing; returns the names of those that were. */
export function restoreAuditGuards(db: Db): string[] {
  const present = new Set(
    (
      db.$client
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'`)
        .all() as { name: string }[]
    ).map((r) => r.name),
  );
  const missing = Object.keys(GUARDS).filter((name) => !present.has(name));
  for (const name of missing) db.$client.exec(GUARDS[name]!);
  return missing;
}

/**
 * Walks the whole chain. Any changed, removed or inserted entry shows as the first bad id. With the
 * anchor from the key file, a trail rewritten whole (hashes recomputed) shows too.
 */
export function verifyAudit(
  db: ReadDb,
  anchor: { id: number; hash: string } | 'tampered' | null = null,
): { ok: boolean; checked: number; firstBadId: number | null } {
  if (anchor === 'tampered') return { ok: false, checked: 0, firstBadId: 1 };
  if (anchor && !trailHolds(db, anchor)) return { ok: false, checked: 0, firstBadId: anchor.id };
  const stmt = db.$client.prepare(
    'SELECT id, at, user_id AS userId, action, client_id AS clientId, detail, hash FROM audit_events ORDER BY id',
  );
  let previous: string | null = null;
  let expectedId = 1;
  let checked = 0;
  for (const row of stmt.iterate() as IterableIterator<ChainedFields & { hash: string | null }>) {
    if (row.id !== expectedId || row.hash !== auditHash(previous, row))
      return { ok: false, checked, firstBadId: row.id };
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
const toEntry = (r: Row): AuditEntry => ({
  ...r,
  action: r.action as AuditAction,
  detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
});

/** Newest first, with the user's name and the client's reference. */
export function listAudit(
  db: ReadDb,
  filters: AuditFilters,
  limit: number,
  offset: number,
): { items: AuditEntry[]; total: number } {
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
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(auditEvents)
      .where(where)
      .get()?.n ?? 0;
  return { items, total };
}

/** Every matching entry, oldest first, for export: read in pages so a long trail never sits in memory at once. */
export function* iterateAudit(db: ReadDb, filters: AuditFilters, pageSize = 2000): Generator<AuditEntry> {
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
