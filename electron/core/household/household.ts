import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  householdMemberInputSchema,
  HouseholdMember,
  KeyContact,
  keyContactInputSchema,
} from '../../../shared/domain/household';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { householdMembers, keyContacts } from '../db/schema';

type MemberValues = z.output<typeof householdMemberInputSchema>;
type ContactValues = z.output<typeof keyContactInputSchema>;

/** Adds a household member (no id) or changes one of this client's; returns the row's id. */
export function saveHouseholdMember(
  db: Db,
  clientId: number,
  id: number | null,
  m: MemberValues,
  userId: number,
  now: Date,
): number {
  const stamp = { updatedAt: now.toISOString(), updatedBy: userId };
  m = { ...m, relationshipDetail: m.relationship === 'other' ? m.relationshipDetail : null };
  if (id === null)
    return db
      .insert(householdMembers)
      .values({ ...m, ...stamp, clientId })
      .returning({ id: householdMembers.id })
      .get().id;
  const res = db
    .update(householdMembers)
    .set({ ...m, ...stamp })
    .where(and(eq(householdMembers.id, id), eq(householdMembers.clientId, clientId)))
    .run();
  if (res.changes === 0) throw new CasebookError('NOT_FOUND', 'No such household member');
  return id;
}

export function removeHouseholdMember(db: Db, id: number): { clientId: number } {
  const row = db
    .delete(householdMembers)
    .where(eq(householdMembers.id, id))
    .returning({ clientId: householdMembers.clientId })
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such household member');
  return row;
}

export function listHousehold(db: ReadDb, clientId: number): HouseholdMember[] {
  return db
    .select({
      id: householdMembers.id,
      name: householdMembers.name,
      relationship: householdMembers.relationship,
      relationshipDetail: householdMembers.relationshipDetail,
      dateOfBirth: householdMembers.dateOfBirth,
      livesWithClient: householdMembers.livesWithClient,
      note: householdMembers.note,
    })
    .from(householdMembers)
    .where(eq(householdMembers.clientId, clientId))
    .orderBy(asc(householdMembers.id))
    .all();
}

export function saveKeyContact(
  db: Db,
  clientId: number,
  id: number | null,
  c: ContactValues,
  userId: number,
  now: Date,
): number {
  const values = {
    ...c,
    roleDetail: c.role === 'other' ? c.roleDetail : null,
    updatedAt: now.toISOString(),
    updatedBy: userId,
  };
  if (id === null)
    return db
      .insert(keyContacts)
      .values({ ...values, clientId })
      .returning({ id: keyContacts.id })
      .get().id;
  const res = db
    .update(keyContacts)
    .set(values)
    .where(and(eq(keyContacts.id, id), eq(keyContacts.clientId, clientId)))
    .run();
  if (res.changes === 0) throw new CasebookError('NOT_FOUND', 'No such key contact');
  return id;
}

export function removeKeyContact(db: Db, id: number): { clientId: number } {
  const row = db.delete(keyContacts).where(eq(keyContacts.id, id)).returning({ clientId: keyContacts.clientId }).get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such key contact');
  return row;
}

export function listKeyContacts(db: ReadDb, clientId: number): KeyContact[] {
  return db
    .select({
      id: keyContacts.id,
      role: keyContacts.role,
      roleDetail: keyContacts.roleDetail,
      name: keyContacts.name,
      organisation: keyContacts.organisation,
      phone: keyContacts.phone,
      email: keyContacts.email,
      note: keyContacts.note,
    })
    .from(keyContacts)
    .where(eq(keyContacts.clientId, clientId))
    .orderBy(asc(keyContacts.id))
    .all();
}
