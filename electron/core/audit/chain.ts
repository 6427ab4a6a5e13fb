import { createHash } from 'node:crypto';

/** The fields of an audit row that its hash covers, in a fixed order. */
export interface ChainedFields {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  clientId: number | null;
  detail: string | null;
}

/**
 * Each audit row's hash covers its own fields and the previous row's hash, so changing, removing or
 * inserting a row anywhere breaks every hash after it. "v1" names this rule so it can change later.
 */
export function auditHash(previous: string | null, row: ChainedFields): string {
  const body = JSON.stringify(['v1', previous ?? '', row.id, row.at, row.userId, row.action, row.clientId, row.detail]);
  return createHash('sha256').update(body, 'utf8').digest('hex');
}
