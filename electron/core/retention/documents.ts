import { and, eq, sql } from 'drizzle-orm';
import { addDays } from '../../../shared/domain/caseload';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../shared/domain/document';
import { DEFAULT_DOCUMENT_KEEP_DAYS, DOCUMENT_KEEP_DAYS_MAX, type DocumentDue } from '../../../shared/domain/retention';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { documents } from '../db/schema';
import { getSetting, setSetting } from '../settings/settings';

const SETTING = 'document_keep_days';
type KeepDays = Record<DocumentKind, number | null>;

/** Days each kind of document is kept after it was added (null: as long as the case); the charity's, or the defaults. */
export function documentKeepDays(db: ReadDb): KeepDays {
  let saved: Record<string, unknown> = {};
  try {
    saved = JSON.parse(getSetting(db, SETTING) ?? '{}') as Record<string, unknown>;
  } catch {
    // A setting that cannot be read is as good as none: the defaults apply.
  }
  const days = {} as KeepDays;
  for (const kind of DOCUMENT_KINDS) {
    const v = kind in saved ? saved[kind] : (DEFAULT_DOCUMENT_KEEP_DAYS[kind] ?? null);
    days[kind] =
      Number.isInteger(v) && (v as number) >= 1 && (v as number) <= DOCUMENT_KEEP_DAYS_MAX ? (v as number) : null;
  }
  return days;
}

export function setDocumentKeepDays(db: Db, kind: DocumentKind, days: number | null): KeepDays {
  const all = { ...documentKeepDays(db), [kind]: days };
  setSetting(db, SETTING, JSON.stringify(all));
  return all;
}

/**
 * Documents past their kind's keeping time by `today` (counted from the day each was added), unless
 * kept until a date still to come. Oldest first; one that was kept before comes back with its reason.
 */
export function documentsDue(db: ReadDb, today: string, days: KeepDays = documentKeepDays(db)): DocumentDue[] {
  const rules = DOCUMENT_KINDS.filter((k) => days[k] !== null).map(
    // Added on or before that day: before the next one begins (added_at is a full ISO time; the index reads it).
    (k) => sql`(d.kind = ${k} AND d.added_at < ${addDays(today, 1 - days[k]!)})`,
  );
  if (!rules.length) return [];
  const rows = db.all<Omit<DocumentDue, 'dueOn'>>(sql`
    SELECT d.id AS documentId, d.version, d.client_id AS clientId, c.reference, c.first_name || ' ' || c.last_name AS name,
      d.kind, d.title, substr(d.added_at, 1, 10) AS addedOn, d.kept_reason AS lastKeptReason
    FROM documents d JOIN clients c ON c.id = d.client_id
    WHERE (${sql.join(rules, sql` OR `)}) AND (d.kept_until IS NULL OR d.kept_until <= ${today})
    ORDER BY d.added_at, d.id`);
  return rows.map((r) => ({ ...r, dueOn: addDays(r.addedOn, days[r.kind]!) }));
}

/** Keeps a document past its keeping time until `reviewOn`, for the reason given. */
export function keepDocument(db: Db, documentId: number, reason: string, reviewOn: string, today: string): number {
  if (reviewOn <= today)
    throw new CasebookError('BAD_INPUT', 'The review date must be after today', {
      fields: { reviewOn: 'reviewNotInFuture' },
    });
  const row = db
    .update(documents)
    .set({ keptUntil: reviewOn, keptReason: reason })
    .where(and(eq(documents.id, documentId)))
    .returning({ clientId: documents.clientId })
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such document');
  return row.clientId;
}
