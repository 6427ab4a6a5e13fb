import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { loginKey, type Role, type User } from '../../../shared/domain/user';
import type { Db, ReadDb } from '../db/database';
import { users } from '../db/schema';
import { nameSkeleton } from './confusable';

export type UserRow = User;

const columns = {
  id: users.id,
  name: users.name,
  role: users.role,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

export function findUser(db: ReadDb, where: { id: number } | { login: string }): UserRow | undefined {
  return db
    .select(columns)
    .from(users)
    .where('id' in where ? eq(users.id, where.id) : eq(users.login, where.login))
    .get();
}

export function listUsers(db: ReadDb): UserRow[] {
  return db
    .select(columns)
    .from(users)
    .orderBy(sql`${users.active} DESC`, asc(users.name))
    .all();
}

/** True when another user (active or not) already signs in with this name. */
export function nameTaken(db: ReadDb, name: string, exceptId?: number): boolean {
  const login = loginKey(name);
  return !!db
    .select({ id: users.id })
    .from(users)
    .where(exceptId === undefined ? eq(users.login, login) : and(eq(users.login, login), ne(users.id, exceptId)))
    .get();
}

/**
 * Another user (active or not) whose name looks the same on screen as `name` (see nameSkeleton),
 * though it is written differently: "Anna Kowalska" with a Cyrillic "А", a digit one for an "l".
 */
export function nameLooksTaken(db: ReadDb, name: string, exceptId?: number): boolean {
  const skeleton = nameSkeleton(name);
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .all()
    .some((u) => u.id !== exceptId && nameSkeleton(u.name) === skeleton);
}

/** Active administrators other than `exceptId`. */
export function otherActiveAdmins(db: ReadDb, exceptId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)))
      .get()?.n ?? 0
  );
}

export function insertUser(db: Db, u: { name: string; role: Role }, now: string): number {
  return db
    .insert(users)
    .values({
      name: u.name,
      login: loginKey(u.name),
      role: u.role,
      active: true,
      mustChangePassword: true,
      createdAt: now,
    })
    .returning({ id: users.id })
    .get().id;
}

export function updateUser(
  db: Db,
  id: number,
  change: Partial<{ name: string; role: Role; active: boolean; mustChangePassword: boolean }>,
): void {
  const set: Record<string, unknown> = { ...change };
  if (change.name !== undefined) set['login'] = loginKey(change.name);
  db.update(users).set(set).where(eq(users.id, id)).run();
}
