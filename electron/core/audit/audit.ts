import type { Db } from '../db/database';
import { auditEvents } from '../db/schema';

export type AuditAction =
  | 'setup.completed'
  | 'session.unlocked'
  | 'session.unlockedWithRecoveryKey'
  | 'session.locked'
  | 'session.idleLocked'
  | 'user.passwordChanged'
  | 'charity.changed'
  | 'client.created'
  | 'client.viewed'
  | 'client.changed';

/** Appends one event. Detail names what changed, never the old values of a client's details. */
export function recordAudit(db: Db, e: { userId: number | null; action: AuditAction; clientId?: number; detail?: Record<string, unknown> }): void {
  db.insert(auditEvents)
    .values({ userId: e.userId, action: e.action, clientId: e.clientId ?? null, detail: e.detail ? JSON.stringify(e.detail) : null })
    .run();
}
