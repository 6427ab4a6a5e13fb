import { reachFilter, type Reach } from '../clients/reach';
import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import {
  dayNumber,
  repeatedWithin,
  type RepeatWarning,
  type HelpGiven,
  type HelpGivenTotals,
  type HelpType,
  type HelpTypeValues,
  type HelpGivenValues,
} from '../../../shared/domain/helpGiven';
import { addDays } from '../../../shared/domain/caseload';
import { CasebookError } from '../../../shared/result';
import { fold } from '../clients/folding';
import type { Db, ReadDb } from '../db/database';
import { attendance, helpGiven, helpTypes } from '../db/schema';
import { refuseIfChanged } from '../db/versions';

/** The kinds of help, in the charity's order; retired ones only when asked for. */
export function listHelpTypes(db: ReadDb): HelpType[] {
  return db
    .select({
      id: helpTypes.id,
      builtinKey: helpTypes.builtinKey,
      name: helpTypes.name,
      unitValue: helpTypes.unitValue,
      repeatLimit: helpTypes.repeatLimit,
      repeatDays: helpTypes.repeatDays,
      active: helpTypes.active,
      version: helpTypes.version,
    })
    .from(helpTypes)
    .orderBy(asc(helpTypes.position), asc(helpTypes.id))
    .all();
}

/** Adds a kind of help, or renames one, changes its value or repeat rule, retires or restores it. */
export function saveHelpType(db: Db, s: HelpTypeValues, now: Date): number {
  const at = now.toISOString();
  const folded = s.name ? fold(s.name) : null;
  if (folded) {
    const clash = db
      .select({ id: helpTypes.id })
      .from(helpTypes)
      .where(and(eq(helpTypes.foldedName, folded), s.id === null ? undefined : sql`${helpTypes.id} <> ${s.id}`))
      .get();
    if (clash)
      throw new CasebookError('BAD_INPUT', 'There is already a kind of help with that name', {
        fields: { name: 'helpTypeNameTaken' },
      });
  }
  if (s.id === null) {
    if (!s.name)
      throw new CasebookError('BAD_INPUT', 'A new kind of help needs a name', { fields: { name: 'required' } });
    const position = db.get<{ n: number }>(sql`SELECT coalesce(max(position), -1) + 1 AS n FROM support_types`).n;
    return db
      .insert(helpTypes)
      .values({
        name: s.name,
        foldedName: folded,
        unitValue: s.unitValue,
        repeatLimit: s.repeatLimit,
        repeatDays: s.repeatDays,
        active: s.active,
        position,
        updatedAt: at,
      })
      .returning({ id: helpTypes.id })
      .get().id;
  }
  const row = db
    .select({ builtinKey: helpTypes.builtinKey, version: helpTypes.version })
    .from(helpTypes)
    .where(eq(helpTypes.id, s.id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such kind of help');
  refuseIfChanged(s.version === null || s.version === row.version, 'kind of help');
  if (!s.name && !row.builtinKey)
    throw new CasebookError('BAD_INPUT', 'A kind of help needs a name', { fields: { name: 'required' } });
  db.update(helpTypes)
    .set({
      name: s.name,
      foldedName: folded,
      unitValue: s.unitValue,
      repeatLimit: s.repeatLimit,
      repeatDays: s.repeatDays,
      active: s.active,
      updatedAt: at,
      version: row.version + 1,
    })
    .where(eq(helpTypes.id, s.id))
    .run();
  return s.id;
}

function requireType(db: ReadDb, id: number) {
  const t = db
    .select({ active: helpTypes.active, repeatLimit: helpTypes.repeatLimit, repeatDays: helpTypes.repeatDays })
    .from(helpTypes)
    .where(eq(helpTypes.id, id))
    .get();
  if (!t) throw new CasebookError('NOT_FOUND', 'No such kind of help');
  return t;
}

/**
 * Would giving this help on this date break the type's repeat rule ("no more than 3 food parcels in
 * 30 days")? Every window of that many days around the date counts, so help recorded late is checked
 * too. Null when there is no rule or it holds.
 */
export function repeatWarning(
  db: ReadDb,
  clientId: number,
  typeId: number,
  givenOn: string,
  exceptId: number | null = null,
): RepeatWarning | null {
  const t = requireType(db, typeId);
  if (t.repeatLimit === null || t.repeatDays === null) return null;
  const near = db
    .select({ givenOn: helpGiven.givenOn, quantity: helpGiven.quantity, id: helpGiven.id })
    .from(helpGiven)
    .where(
      and(
        eq(helpGiven.clientId, clientId),
        eq(helpGiven.typeId, typeId),
        gte(helpGiven.givenOn, addDays(givenOn, -(t.repeatDays - 1))),
        lte(helpGiven.givenOn, addDays(givenOn, t.repeatDays - 1)),
      ),
    )
    .orderBy(asc(helpGiven.givenOn), asc(helpGiven.id))
    .all()
    .filter((r) => r.id !== exceptId);
  const window = repeatedWithin(
    near.map((r) => r.givenOn),
    givenOn,
    t.repeatLimit,
    t.repeatDays,
    dayNumber,
  );
  if (!window) return null;
  // The same date can appear twice (two gives on one day): take each earlier give once.
  const earlier: RepeatWarning['earlier'] = [];
  const remaining = [...near];
  for (const d of window) {
    const i = remaining.findIndex((r) => r.givenOn === d);
    earlier.push({ givenOn: d, quantity: remaining[i]!.quantity });
    remaining.splice(i, 1);
  }
  return { typeId, limit: t.repeatLimit, days: t.repeatDays, earlier };
}

/**
 * Records help given to a client. When the repeat rule warns, the help is only recorded with a
 * reason (the user has seen the warning); a linked session must be one the client came to.
 */
export function giveHelp(
  db: Db,
  clientId: number,
  s: HelpGivenValues,
  userId: number,
  now: Date,
): { id: number; overridden: boolean } {
  const t = requireType(db, s.typeId);
  if (!t.active)
    throw new CasebookError('BAD_INPUT', 'This kind of help is no longer given', {
      fields: { 'helpGiven.typeId': 'helpTypeRetired' },
    });
  if (s.sessionId !== null) {
    const came = db
      .select({ c: attendance.clientId })
      .from(attendance)
      .where(and(eq(attendance.sessionId, s.sessionId), eq(attendance.clientId, clientId)))
      .get();
    if (!came)
      throw new CasebookError('BAD_INPUT', 'The client is not marked as having come to that session', {
        fields: { 'helpGiven.sessionId': 'sessionNotAttended' },
      });
  }
  const warning = repeatWarning(db, clientId, s.typeId, s.givenOn);
  if (warning && !s.overrideReason)
    throw new CasebookError('BAD_INPUT', 'Given too often: a reason is needed', {
      fields: { 'helpGiven.overrideReason': 'repeatHelpReason' },
    });
  const id = db
    .insert(helpGiven)
    .values({
      ...s,
      overrideReason: warning ? s.overrideReason : null,
      clientId,
      givenBy: userId,
      recordedAt: now.toISOString(),
    })
    .returning({ id: helpGiven.id })
    .get().id;
  return { id, overridden: warning !== null };
}

/** Removes help recorded by mistake (the reason goes in the audit trail). */
export function removeHelpGiven(db: Db, id: number): number {
  const row = db.select({ clientId: helpGiven.clientId }).from(helpGiven).where(eq(helpGiven.id, id)).get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such record of help given');
  db.delete(helpGiven).where(eq(helpGiven.id, id)).run();
  return row.clientId;
}

const GIVEN_SELECT = sql`
  SELECT g.id, g.client_id AS clientId, c.first_name || ' ' || c.last_name AS clientName, c.reference AS clientReference,
    g.type_id AS typeId, t.builtin_key AS typeKey, t.name AS typeName, g.given_on AS givenOn, g.quantity, g.value,
    g.session_id AS sessionId, p.name AS programmeName, g.note, g.override_reason AS overrideReason, u.name AS givenByName
  FROM support_given g
  JOIN clients c ON c.id = g.client_id
  JOIN support_types t ON t.id = g.type_id
  LEFT JOIN programme_sessions s ON s.id = g.session_id
  LEFT JOIN programmes p ON p.id = s.programme_id
  LEFT JOIN users u ON u.id = g.given_by`;

/** Help given to one client, newest first. */
export function clientHelpGiven(db: ReadDb, clientId: number): HelpGiven[] {
  return db.all<HelpGiven>(sql`${GIVEN_SELECT} WHERE g.client_id = ${clientId} ORDER BY g.given_on DESC, g.id DESC`);
}

export interface HelpGivenQuery {
  from?: string | null;
  to?: string | null;
  typeId?: number | null;
  /** Only help given to these clients (a subquery of client ids): a report's chosen group. */
  clientIn?: SQL | null;
}

const periodWhere = (q: HelpGivenQuery) =>
  sql.join(
    [
      sql`1`,
      q.from ? sql`g.given_on >= ${q.from}` : null,
      q.to ? sql`g.given_on <= ${q.to}` : null,
      q.typeId ? sql`g.type_id = ${q.typeId}` : null,
      q.clientIn ? sql`g.client_id IN (${q.clientIn})` : null,
    ].filter((x): x is NonNullable<typeof x> => x !== null),
    sql` AND `,
  );

/** Help given to anyone in a period, newest first, a page at a time. */
export function listHelpGiven(
  db: ReadDb,
  q: HelpGivenQuery & { limit: number; offset: number },
  reach: Reach = null,
): { items: HelpGiven[]; total: number } {
  const where = sql.join([periodWhere(q), ...reachFilter(reach, sql`g.client_id`)], sql` AND `);
  const items = db.all<HelpGiven>(
    sql`${GIVEN_SELECT} WHERE ${where} ORDER BY g.given_on DESC, g.id DESC LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM support_given g WHERE ${where}`).n;
  return { items, total };
}

/** Totals by kind of help in a period: times given, items, value, and how many different people. */
export function helpGivenTotals(db: ReadDb, q: HelpGivenQuery): HelpGivenTotals {
  const where = periodWhere(q);
  const byType = db.all<HelpGivenTotals['byType'][number]>(sql`
    SELECT t.id AS typeId, t.builtin_key AS typeKey, t.name AS typeName, count(*) AS times, sum(g.quantity) AS quantity,
      coalesce(sum(g.value), 0) AS value, count(DISTINCT g.client_id) AS people
    FROM support_given g JOIN support_types t ON t.id = g.type_id
    WHERE ${where}
    GROUP BY t.id ORDER BY t.position, t.id`);
  const all = db.get<{ times: number; value: number; people: number }>(sql`
    SELECT count(*) AS times, coalesce(sum(g.value), 0) AS value, count(DISTINCT g.client_id) AS people FROM support_given g WHERE ${where}`);
  return { byType, ...all };
}
