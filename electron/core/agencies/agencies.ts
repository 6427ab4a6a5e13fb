import { and, asc, eq, sql } from 'drizzle-orm';
import type { Agency, AgencySummary, AgencyValues } from '../../../shared/domain/agency';
import { CasebookError } from '../../../shared/result';
import { fold } from '../clients/folding';
import type { Db, ReadDb } from '../db/database';
import { agencies, agencyContacts } from '../db/schema';
import { OPEN_STATUS_LIST } from '../referrals/openStatuses';
import { refuseIfChanged } from '../db/versions';

// Written out in full: drizzle leaves a column of a one-table query unqualified, which the subquery would take as its own.
const openReferrals = sql<number>`(SELECT count(*) FROM referrals r WHERE r.agency_id = agencies.id AND r.status IN (${OPEN_STATUS_LIST}))`;
const totalReferrals = sql<number>`(SELECT count(*) FROM referrals r WHERE r.agency_id = agencies.id)`;

const searchTextOf = (a: AgencyValues) => fold([a.name, a.services ?? '', ...a.contacts.map((c) => c.name)].join(' '));

function checkNameFree(db: Db, name: string, exceptId: number | null): void {
  const clash = db
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      and(
        eq(agencies.foldedName, fold(name)),
        eq(agencies.active, true),
        exceptId === null ? undefined : sql`${agencies.id} <> ${exceptId}`,
      ),
    )
    .get();
  if (clash)
    throw new CasebookError('BAD_INPUT', 'An agency of that name is already in the directory', {
      fields: { 'agency.name': 'agencyNameTaken' },
    });
}

/** Keeps contacts that are still listed (changed in place, so referrals naming them keep them), adds new ones, drops the rest. */
function saveContacts(db: Db, agencyId: number, contacts: AgencyValues['contacts']): void {
  const existing = new Set(
    db
      .select({ id: agencyContacts.id })
      .from(agencyContacts)
      .where(eq(agencyContacts.agencyId, agencyId))
      .all()
      .map((r) => r.id),
  );
  const kept = new Set<number>();
  contacts.forEach((c, position) => {
    const values = { name: c.name, role: c.role, phone: c.phone, email: c.email, position };
    if (c.id !== null) {
      if (!existing.has(c.id)) throw new CasebookError('NOT_FOUND', 'That contact is not one of this agency\u2019s');
      db.update(agencyContacts).set(values).where(eq(agencyContacts.id, c.id)).run();
      kept.add(c.id);
    } else {
      db.insert(agencyContacts)
        .values({ ...values, agencyId })
        .run();
    }
  });
  for (const id of existing) if (!kept.has(id)) db.delete(agencyContacts).where(eq(agencyContacts.id, id)).run();
}

export function addAgency(db: Db, a: AgencyValues, userId: number, now: Date): number {
  checkNameFree(db, a.name, null);
  const { contacts, ...fields } = a;
  const at = now.toISOString();
  const id = db
    .insert(agencies)
    .values({
      ...fields,
      foldedName: fold(a.name),
      searchText: searchTextOf(a),
      createdBy: userId,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: agencies.id })
    .get().id;
  saveContacts(db, id, contacts);
  return id;
}

export function updateAgency(db: Db, id: number, version: number, a: AgencyValues, now: Date): void {
  const row = db
    .select({ version: agencies.version, active: agencies.active })
    .from(agencies)
    .where(eq(agencies.id, id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such agency');
  refuseIfChanged(row.version === version, 'agency');
  if (row.active) checkNameFree(db, a.name, id);
  const { contacts, ...fields } = a;
  db.update(agencies)
    .set({
      ...fields,
      foldedName: fold(a.name),
      searchText: searchTextOf(a),
      updatedAt: now.toISOString(),
      version: version + 1,
    })
    .where(eq(agencies.id, id))
    .run();
  saveContacts(db, id, contacts);
}

/** Archives (or brings back) an agency: it stays on the referrals that name it but is not offered for new ones. */
export function setAgencyActive(db: Db, id: number, active: boolean, now: Date): void {
  const row = db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, id)).get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such agency');
  if (active) checkNameFree(db, row.name, id);
  db.update(agencies)
    .set({ active, updatedAt: now.toISOString(), version: sql`${agencies.version} + 1` })
    .where(eq(agencies.id, id))
    .run();
}

export function readAgency(db: ReadDb, id: number): Agency {
  const row = db
    .select({
      id: agencies.id,
      name: agencies.name,
      services: agencies.services,
      address: agencies.address,
      phone: agencies.phone,
      email: agencies.email,
      website: agencies.website,
      referralRoutes: agencies.referralRoutes,
      howToRefer: agencies.howToRefer,
      notes: agencies.notes,
      requiresServiceId: agencies.requiresServiceId,
      active: agencies.active,
      updatedAt: agencies.updatedAt,
      version: agencies.version,
      openReferrals,
      totalReferrals,
    })
    .from(agencies)
    .where(eq(agencies.id, id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such agency');
  const contacts = db
    .select({
      id: agencyContacts.id,
      name: agencyContacts.name,
      role: agencyContacts.role,
      phone: agencyContacts.phone,
      email: agencyContacts.email,
    })
    .from(agencyContacts)
    .where(eq(agencyContacts.agencyId, id))
    .orderBy(asc(agencyContacts.position))
    .all();
  return { ...row, contacts };
}

/**
 * The directory: every word typed must appear in the agency's name, services or contact names,
 * accents and capitals ignored ("lodz" finds "Łódź"). A few hundred agencies: a scan is instant.
 */
export function searchAgencies(db: ReadDb, query: string, includeArchived: boolean): AgencySummary[] {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  const like = terms.map(
    (t) => sql`${agencies.searchText} LIKE ${`%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`,
  );
  return db
    .select({
      id: agencies.id,
      name: agencies.name,
      services: agencies.services,
      phone: agencies.phone,
      email: agencies.email,
      referralRoutes: agencies.referralRoutes,
      active: agencies.active,
      openReferrals,
    })
    .from(agencies)
    .where(and(includeArchived ? undefined : eq(agencies.active, true), ...like))
    .orderBy(sql`${agencies.active} DESC`, asc(agencies.foldedName))
    .all();
}

export function requireActiveAgency(db: Db, id: number): { name: string } {
  const row = db
    .select({ name: agencies.name, active: agencies.active })
    .from(agencies)
    .where(eq(agencies.id, id))
    .get();
  if (!row) throw new CasebookError('BAD_INPUT', 'No such agency', { fields: { 'referral.agencyId': 'required' } });
  if (!row.active)
    throw new CasebookError('BAD_INPUT', 'That agency is archived', {
      fields: { 'referral.agencyId': 'agencyArchived' },
    });
  return row;
}

export function checkContactOfAgency(db: Db, contactId: number | null, agencyId: number): void {
  if (contactId === null) return;
  const row = db
    .select({ agencyId: agencyContacts.agencyId })
    .from(agencyContacts)
    .where(eq(agencyContacts.id, contactId))
    .get();
  if (!row || row.agencyId !== agencyId)
    throw new CasebookError('BAD_INPUT', 'That contact is not at this agency', {
      fields: { 'referral.contactId': 'invalid' },
    });
}
