import { eq } from 'drizzle-orm';
import type { Db, ReadDb } from '../db/database';
import { settings } from '../db/schema';

export const SETTING = {
  idleMinutes: 'idle_minutes',
  auditInboxPrivateKey: 'audit_inbox_private_key',
  generation: 'generation',
  ownClientsOnly: 'own_clients_only',
  volunteersSeeContactDetails: 'volunteers_see_contact_details',
} as const;

export function getSetting(db: ReadDb, key: string): string | undefined {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

/** Minutes without use before Casebook locks, until an administrator chooses otherwise. */
export const DEFAULT_IDLE_MINUTES = 10;

export function idleMinutes(db: Db, fallback: number): number {
  const n = Number(getSetting(db, SETTING.idleMinutes));
  return Number.isInteger(n) && n >= 1 && n <= 60 ? n : fallback;
}

/** Whether caseworkers and volunteers see only their own clients and those shared with them (clients/reach.ts). */
export function ownClientsOnly(db: Db): boolean {
  return getSetting(db, SETTING.ownClientsOnly) === '1';
}

/** Whether volunteers see clients' contact details (off unless the charity turns it on). */
export function volunteersSeeContactDetails(db: Db): boolean {
  return getSetting(db, SETTING.volunteersSeeContactDetails) === '1';
}
