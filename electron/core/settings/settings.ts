import { eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { settings } from '../db/schema';

export const SETTING = { idleMinutes: 'idle_minutes', auditInboxPrivateKey: 'audit_inbox_private_key', generation: 'generation' } as const;

export function getSetting(db: Db, key: string): string | undefined {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

export function idleMinutes(db: Db, fallback: number): number {
  const n = Number(getSetting(db, SETTING.idleMinutes));
  return Number.isInteger(n) && n >= 1 && n <= 60 ? n : fallback;
}
