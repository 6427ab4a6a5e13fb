import { reachFilter, type Reach } from '../clients/reach';
import { alias } from 'drizzle-orm/sqlite-core';
import { and, asc, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  isReferralOpen,
  referralTransitionProblem,
  type Referral,
  type ReferralLine,
  type ReferralStatus,
  type ReferralValues,
} from '../../../shared/domain/referral';
import { CasebookError } from '../../../shared/result';
import { checkContactOfAgency, requireActiveAgency } from '../agencies/agencies';
import { OPEN_STATUS_LIST } from './openStatuses';
import { requireSharingConsent } from '../consent/consent';
import { requireCurrentEligibility } from '../eligibility/checks';
import type { Db, ReadDb } from '../db/database';
import { agencies, agencyContacts, clients, referralChanges, referrals, users } from '../db/schema';
import { checkArea } from '../plans/plans';
import { refuseIfChanged } from '../db/versions';

const creator = alias(users, 'creator');
const changer = alias(users, 'changer');

export interface StatusChange {
  id: number;
  version: number;
  status: ReferralStatus;
  on: string;
  note: string | null;
  outcome: string | null;
  followUpOn: string | null;
}

const isOpen = sql`${referrals.status} IN (${OPEN_STATUS_LIST})`;

/** A new referral, as a draft: it can be prepared before the client's consent is recorded, but not sent. */

export function createReferral(
  db: Db,
  clientId: number,
  r: ReferralValues,
  userId: number,
  now: Date,
  today: string,
): number {
  requireActiveAgency(db, r.agencyId);
  checkContactOfAgency(db, r.contactId, r.agencyId);
  checkArea(db, r.areaId, null, 'referral.areaId');
  const at = now.toISOString();
  const id = db
    .insert(referrals)
    .values({
      ...r,
      clientId,
      status: 'draft',
      statusOn: today,
      createdOn: today,
      createdBy: userId,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: referrals.id })
    .get().id;
  db.insert(referralChanges)
    .values({
      referralId: id,
      clientId,
      fromStatus: null,
      status: 'draft',
      changedOn: today,
      changedBy: userId,
      changedAt: at,
    })
    .run();
  return id;
}

function loadForChange(db: Db, id: number, version: number) {
  const row = db
    .select({
      clientId: referrals.clientId,
      status: referrals.status,
      statusOn: referrals.statusOn,
      agencyId: referrals.agencyId,
      areaId: referrals.areaId,
      version: referrals.version,
      createdOn: referrals.createdOn,
    })
    .from(referrals)
    .where(eq(referrals.id, id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such referral');
  refuseIfChanged(row.version === version, 'referral');
  return row;
}

/** Changes what the referral says. The agency can only change while it is a draft; a finished referral is left as it was. */
export function updateReferral(db: Db, id: number, version: number, r: ReferralValues, now: Date): number {
  const row = loadForChange(db, id, version);
  if (!isReferralOpen(row.status))
    throw new CasebookError('BAD_INPUT', 'This referral is finished', { fields: { status: 'referralFinished' } });
  if (r.agencyId !== row.agencyId) {
    if (row.status !== 'draft')
      throw new CasebookError('BAD_INPUT', 'The agency of a sent referral cannot change', {
        fields: { 'referral.agencyId': 'agencyFixedOnceSent' },
      });
    requireActiveAgency(db, r.agencyId);
  }
  checkContactOfAgency(db, r.contactId, r.agencyId);
  checkArea(db, r.areaId, row.areaId, 'referral.areaId');
  db.update(referrals)
    .set({ ...r, updatedAt: now.toISOString(), version: version + 1 })
    .where(eq(referrals.id, id))
    .run();
  return row.clientId;
}

/**
 * Moves a referral on: draft -> sent -> accepted / declined -> completed, or withdrawn while open.
 * Sending needs the client's consent to share with this agency (the consent gate). Each change is
 * dated and kept; a finished referral has no follow-up date.
 */
export function changeReferralStatus(
  db: Db,
  c: StatusChange,
  userId: number,
  now: Date,
  today: string,
): { clientId: number; from: ReferralStatus } {
  const row = loadForChange(db, c.id, c.version);
  const problem = referralTransitionProblem(row.status, c.status);
  if (problem)
    throw new CasebookError('BAD_INPUT', `A ${row.status} referral cannot become ${c.status}`, {
      fields: { status: problem },
    });
  if (c.on < row.statusOn)
    throw new CasebookError('BAD_INPUT', 'Before the last change', { fields: { on: 'beforeLastChange' } });
  if (c.on > today) throw new CasebookError('BAD_INPUT', 'In the future', { fields: { on: 'dateInFuture' } });
  if (c.status === 'sent') {
    const agency = db
      .select({ name: agencies.name, requiresServiceId: agencies.requiresServiceId })
      .from(agencies)
      .where(eq(agencies.id, row.agencyId))
      .get()!;
    requireSharingConsent(db, row.clientId, agency.name, today);
    if (agency.requiresServiceId !== null) requireCurrentEligibility(db, row.clientId, agency.requiresServiceId, today);
  }
  const open = isReferralOpen(c.status);
  const at = now.toISOString();
  db.update(referrals)
    .set({
      status: c.status,
      statusOn: c.on,
      ...(c.status === 'sent' ? { sentOn: c.on } : {}),
      followUpOn: open ? c.followUpOn : null,
      ...(c.outcome !== null || c.status === 'completed' ? { outcome: c.outcome } : {}),
      updatedAt: at,
      version: c.version + 1,
    })
    .where(eq(referrals.id, c.id))
    .run();
  db.insert(referralChanges)
    .values({
      referralId: c.id,
      clientId: row.clientId,
      fromStatus: row.status,
      status: c.status,
      changedOn: c.on,
      note: c.note,
      changedBy: userId,
      changedAt: at,
    })
    .run();
  return { clientId: row.clientId, from: row.status };
}

const lineColumns = {
  id: referrals.id,
  clientId: referrals.clientId,
  clientName: sql<string>`${clients.firstName} || ' ' || ${clients.lastName}`,
  clientReference: clients.reference,
  agencyId: referrals.agencyId,
  agencyName: agencies.name,
  reason: referrals.reason,
  urgency: referrals.urgency,
  status: referrals.status,
  statusOn: referrals.statusOn,
  followUpOn: referrals.followUpOn,
  createdByName: creator.name,
};

/** One client's referrals, newest first, each with its history. */
export function listClientReferrals(db: ReadDb, clientId: number): Referral[] {
  const rows = db
    .select({
      ...lineColumns,
      contactId: referrals.contactId,
      contactName: agencyContacts.name,
      areaId: referrals.areaId,
      sharedInfo: referrals.sharedInfo,
      sentOn: referrals.sentOn,
      outcome: referrals.outcome,
      createdOn: referrals.createdOn,
      version: referrals.version,
    })
    .from(referrals)
    .innerJoin(clients, eq(clients.id, referrals.clientId))
    .innerJoin(agencies, eq(agencies.id, referrals.agencyId))
    .leftJoin(agencyContacts, eq(agencyContacts.id, referrals.contactId))
    .leftJoin(creator, eq(creator.id, referrals.createdBy))
    .where(eq(referrals.clientId, clientId))
    .orderBy(desc(referrals.createdOn), desc(referrals.id))
    .all();
  const changes = db
    .select({
      referralId: referralChanges.referralId,
      id: referralChanges.id,
      fromStatus: referralChanges.fromStatus,
      status: referralChanges.status,
      on: referralChanges.changedOn,
      note: referralChanges.note,
      byName: changer.name,
    })
    .from(referralChanges)
    .leftJoin(changer, eq(changer.id, referralChanges.changedBy))
    .where(eq(referralChanges.clientId, clientId))
    .orderBy(asc(referralChanges.id))
    .all();
  return rows.map((r) => ({
    ...r,
    changes: changes.filter((c) => c.referralId === r.id).map(({ referralId: _, ...c }) => c),
  }));
}

export interface ReferralListQuery {
  show: 'open' | 'overdue' | 'all';
  agencyId?: number | null;
  /** Only referrals this user made or of clients allocated to them. */
  mineOf?: number | null;
  /** Only referrals of clients within this person's reach (clients/reach.ts). */
  reach?: Reach;
  limit: number;
  offset: number;
}

/**
 * Referrals across clients: the coordinator's list of everything open, the overdue follow-ups, or one
 * agency's. Those to chase first come first (earliest follow-up date; none last).
 */
export function listReferrals(
  db: ReadDb,
  q: ReferralListQuery,
  today: string,
): { items: ReferralLine[]; total: number } {
  const where: (SQL | undefined)[] = [];
  if (q.show !== 'all') where.push(isOpen);
  if (q.show === 'overdue') where.push(lt(referrals.followUpOn, today));
  if (q.agencyId) where.push(eq(referrals.agencyId, q.agencyId));
  if (q.mineOf) where.push(or(eq(referrals.createdBy, q.mineOf), eq(clients.caseworkerId, q.mineOf)));
  where.push(...reachFilter(q.reach ?? null, sql`${referrals.clientId}`));
  const cond = and(...where);
  const items = db
    .select(lineColumns)
    .from(referrals)
    .innerJoin(clients, eq(clients.id, referrals.clientId))
    .innerJoin(agencies, eq(agencies.id, referrals.agencyId))
    .leftJoin(creator, eq(creator.id, referrals.createdBy))
    .where(cond)
    .orderBy(
      sql`${referrals.followUpOn} IS NULL`,
      asc(referrals.followUpOn),
      desc(referrals.createdOn),
      desc(referrals.id),
    )
    .limit(q.limit)
    .offset(q.offset)
    .all();
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(referrals)
    .innerJoin(clients, eq(clients.id, referrals.clientId))
    .where(cond)
    .get()!.n;
  return { items, total };
}

/** The home screen's reminders: this user's open referrals whose follow-up date is within `until`. */
export function referralsToFollowUp(db: ReadDb, userId: number, until: string, reach: Reach = null): ReferralLine[] {
  return db
    .select(lineColumns)
    .from(referrals)
    .innerJoin(clients, eq(clients.id, referrals.clientId))
    .innerJoin(agencies, eq(agencies.id, referrals.agencyId))
    .leftJoin(creator, eq(creator.id, referrals.createdBy))
    .where(
      and(
        isOpen,
        sql`${referrals.followUpOn} <= ${until}`,
        or(eq(referrals.createdBy, userId), eq(clients.caseworkerId, userId)),
        ...reachFilter(reach, sql`${referrals.clientId}`),
      ),
    )
    .orderBy(asc(referrals.followUpOn), asc(referrals.id))
    .limit(200)
    .all();
}

/** Open referrals, anyone's, past their follow-up date: the coordinator's count on the home screen. */
export function countOverdueReferrals(db: ReadDb, today: string): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(referrals)
    .where(and(isOpen, lt(referrals.followUpOn, today)))
    .get()!.n;
}
