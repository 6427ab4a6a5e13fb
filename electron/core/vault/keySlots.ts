import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { CasebookError } from '../../../shared/result';
import { writeFileAtomic } from '../storage/files';
import { deriveKey, type KdfParams } from './kdf';

/**
 * Key slots, as in LUKS: the one random database key is wrapped (AES-256-GCM) once per user under a
 * key derived from that user's password, and once under the recovery key. The file holds no secret
 * in the clear. Three layers tell failures apart:
 *  - `checksum` (plain SHA-256): the file was damaged (a flipped byte, a truncated copy);
 *  - GCM tag of the slot: wrong password (slot id, kind, user and KDF settings are bound in);
 *  - `mac` (HMAC under a key derived from the database key): a slot was swapped or edited by someone.
 */
export const KEY_SLOTS_FORMAT = 'casebook-keyslots';
export const KEY_SLOTS_VERSION = 1;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const kdfSchema = z.object({
  name: z.literal('argon2id'),
  memoryKiB: z.number().int().positive(),
  iterations: z.number().int().positive(),
  parallelism: z.number().int().positive(),
  salt: b64,
});
const slotSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['password', 'recovery']),
  /** The user this password slot belongs to; null for the recovery slot. */
  userId: z.number().int().nullable(),
  /** The name typed at the unlock screen, folded (see loginKey); null for the recovery slot. */
  login: z.string().nullable(),
  kdf: kdfSchema,
  iv: b64,
  wrappedKey: b64,
  createdAt: z.string(),
});
const fileSchema = z.object({
  format: z.literal(KEY_SLOTS_FORMAT),
  version: z.number().int(),
  vaultId: z.string().min(1),
  slots: z.array(slotSchema),
  /** X25519 public key (SPKI, base64) that failed logins are sealed to while the database is locked. */
  auditInboxKey: b64.optional(),
  mac: b64,
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});
export type KeySlot = z.infer<typeof slotSchema>;
export type KeySlotsFile = z.infer<typeof fileSchema>;

type Body = Pick<KeySlotsFile, 'format' | 'version' | 'vaultId' | 'slots' | 'auditInboxKey'>;

const canonical = (value: unknown): string => JSON.stringify(value);
const bodyOf = (f: Body): Body => ({ format: f.format, version: f.version, vaultId: f.vaultId, slots: f.slots, auditInboxKey: f.auditInboxKey });
const checksumOf = (body: Body, mac: string) => createHash('sha256').update(canonical({ ...bodyOf(body), mac })).digest('hex');
const macKeyOf = (dbKey: Buffer) => Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'casebook keyslots mac v1', 32));
const macOf = (body: Body, dbKey: Buffer) => createHmac('sha256', macKeyOf(dbKey)).update(canonical(bodyOf(body))).digest('base64');
// The login is not bound in: renaming a user rewrites it (under the MAC) without their password.
const aadOf = (vaultId: string, s: Pick<KeySlot, 'id' | 'kind' | 'userId' | 'kdf'>) =>
  Buffer.from(canonical({ vaultId, id: s.id, kind: s.kind, userId: s.userId, kdf: s.kdf }), 'utf8');

/** Reads and checks the slot file. A missing file and a damaged file are different errors. */
export function readKeySlots(path: string): KeySlotsFile {
  if (!existsSync(path)) throw new CasebookError('KEY_FILE_MISSING', 'The key file is missing');
  return parseKeySlots(readFileSync(path, 'utf8'));
}

/** Checks slot-file content (from the data folder or from inside a backup). */
export function parseKeySlots(content: unknown): KeySlotsFile {
  let parsed: KeySlotsFile;
  try {
    parsed = fileSchema.parse(typeof content === 'string' ? JSON.parse(content) : content);
  } catch {
    throw new CasebookError('KEY_FILE_DAMAGED', 'The key file cannot be read');
  }
  if (parsed.version > KEY_SLOTS_VERSION) throw new CasebookError('DATABASE_TOO_NEW', 'The key file was written by a newer Casebook');
  if (checksumOf(parsed, parsed.mac) !== parsed.checksum) throw new CasebookError('KEY_FILE_DAMAGED', 'The key file checksum does not match');
  return parsed;
}

/** After unwrapping the database key: proves no slot was added, removed or edited behind our back. */
export function verifyKeySlotsMac(file: KeySlotsFile, dbKey: Buffer): void {
  const expected = Buffer.from(macOf(file, dbKey), 'base64');
  const actual = Buffer.from(file.mac, 'base64');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    throw new CasebookError('KEY_FILE_DAMAGED', 'The key file was changed outside Casebook');
}

export function writeKeySlots(path: string, body: Body, dbKey: Buffer): KeySlotsFile {
  const mac = macOf(body, dbKey);
  const file: KeySlotsFile = { ...bodyOf(body), mac, checksum: checksumOf(body, mac) };
  writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n');
  return file;
}

export async function makeSlot(
  vaultId: string,
  dbKey: Buffer,
  secret: string,
  meta: { kind: KeySlot['kind']; userId: number | null; login: string | null },
  kdf: KdfParams,
  now: Date,
): Promise<KeySlot> {
  const salt = randomBytes(16);
  const slotBase = {
    id: randomUUID(),
    kind: meta.kind,
    userId: meta.userId,
    login: meta.login,
    kdf: { ...kdf, salt: salt.toString('base64') },
  };
  const wrappingKey = await deriveKey(secret, salt, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(aadOf(vaultId, slotBase));
  const ct = Buffer.concat([cipher.update(dbKey), cipher.final(), cipher.getAuthTag()]);
  wrappingKey.fill(0);
  return { ...slotBase, iv: iv.toString('base64'), wrappedKey: ct.toString('base64'), createdAt: now.toISOString() };
}

/** Returns the database key, or null when the secret is not the one this slot was made with. */
export async function openSlot(vaultId: string, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const { salt, ...params } = slot.kdf;
  const wrappingKey = await deriveKey(secret, Buffer.from(salt, 'base64'), params);
  const data = Buffer.from(slot.wrappedKey, 'base64');
  if (data.length !== 32 + 16) throw new CasebookError('KEY_FILE_DAMAGED', 'A key slot has the wrong length');
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(aadOf(vaultId, slot));
    decipher.setAuthTag(data.subarray(32));
    return Buffer.concat([decipher.update(data.subarray(0, 32)), decipher.final()]);
  } catch {
    return null;
  } finally {
    wrappingKey.fill(0);
  }
}
