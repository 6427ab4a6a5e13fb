import { eq } from 'drizzle-orm';
import type { Charity } from '../../../shared/domain/charity';
import type { Db, ReadDb } from '../db/database';
import { charity } from '../db/schema';

export function getCharity(db: ReadDb): Charity {
  const row = db.select().from(charity).where(eq(charity.id, 1)).get();
  if (!row) throw new Error('charity row missing');
  return {
    name: row.name,
    address: row.address,
    charityNumber: row.charityNumber,
    phone: row.phone,
    email: row.email,
    currency: row.currency,
  };
}

export function saveCharity(db: Db, c: Charity, now: string): void {
  db.insert(charity)
    .values({ id: 1, ...c, updatedAt: now })
    .onConflictDoUpdate({ target: charity.id, set: { ...c, updatedAt: now } })
    .run();
}

export interface CharityLogo {
  data: Buffer;
  type: 'png' | 'jpeg';
}

export function getCharityLogo(db: ReadDb): CharityLogo | null {
  const row = db
    .select({ logo: charity.logo, logoType: charity.logoType })
    .from(charity)
    .where(eq(charity.id, 1))
    .get();
  return row?.logo && row.logoType ? { data: Buffer.from(row.logo), type: row.logoType } : null;
}

export function setCharityLogo(db: Db, logo: CharityLogo | null, now: string): void {
  db.update(charity)
    .set({ logo: logo?.data ?? null, logoType: logo?.type ?? null, updatedAt: now })
    .where(eq(charity.id, 1))
    .run();
}

/** PNG or JPEG by its first bytes (never by the file name), or null for anything else. */
export function imageType(data: Buffer): 'png' | 'jpeg' | null {
  if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  return null;
}
