import { eq } from 'drizzle-orm';
import type { Charity } from '../../../shared/domain/charity';
import type { Db } from '../db/database';
import { charity } from '../db/schema';

export function getCharity(db: Db): Charity {
  const row = db.select().from(charity).where(eq(charity.id, 1)).get();
  if (!row) throw new Error('charity row missing');
  return { name: row.name, address: row.address, charityNumber: row.charityNumber, phone: row.phone };
}

export function saveCharity(db: Db, c: Charity, now: string): void {
  db.insert(charity)
    .values({ id: 1, ...c, updatedAt: now })
    .onConflictDoUpdate({ target: charity.id, set: { ...c, updatedAt: now } })
    .run();
}
