import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { loginKey } from '../../../shared/domain/user';
import { CasebookError } from '../../../shared/result';
import { writeFileAtomic } from '../storage/files';
import { deriveKey, kdfWrittenByCasebook, type KdfParams } from './kdf';

/**
 * Key slots, as in LUKS: the one random database key is wrapped (AES-256-GCM) once per user under a
 * key derived from that user's password, and once under the recovery key. The file holds no secret
 * in the clear. Three layers tell failures apart:
 *  - `checksum` (plain SHA-256): the file was damaged (a flipped byte, a truncated copy);
 *  - GCM tag of the slot: wrong password (slot id, kind, user and KDF settings are bound in);
 *  - `mac` (HMAC under a key derived from the database key): a slot was swapped or edited by someone.
 * Version 2 gives the two other things kept here MACs of their own, so that a change to one of them
 * is found and answered without stopping anyone signing in:
 *  - `auditInboxKey` / `inboxMac`: the key failed sign-ins are sealed to while locked;
 *  - `auditHead` / `headMac`: the audit trail's last entry when Casebook last locked, so a trail
 *    rewritten inside the database (by someone holding its key) no longer matches;
 *  - `generation` / `generationMac`: how many times the records were opened, as the database also
 *    records it, so an older copy of either file put back is noticed (see session/rollback.ts).
 * Version 1 files (one MAC over slots and inbox key) are still read, and written as version 2.
 */
export const KEY_SLOTS_FORMAT = 'casebook-keyslots';
export const KEY_SLOTS_VERSION = 2;

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
  /**
   * The name typed at the unlock screen, as a hash (slotLogin) so that neither this file nor a
   * backup's header (which carries it) lists who uses Casebook; null for the recovery slot. Files
   * written before hold the folded name itself (loginKey): still found, and hashed when next written.
   */
  login: z.string().nullable(),
  kdf: kdfSchema,
  iv: b64,
  wrappedKey: b64,
  /**
   * A check of the wrapping key alone (not of the slot's owner or settings): when it matches but the
   * key does not unwrap, the password was right and the slot was edited. Slots made before have none.
   */
  check: b64.optional(),
  createdAt: z.string(),
});
const fileSchema = z.object({
  format: z.literal(KEY_SLOTS_FORMAT),
  version: z.number().int(),
  vaultId: z.string().min(1),
  slots: z.array(slotSchema),
  /** X25519 public key (SPKI, base64) that failed logins are sealed to while the database is locked. */
  auditInboxKey: b64.optional(),
  /** Version 2: the inbox key's own MAC. */
  inboxMac: b64.optional(),
  /** Version 2: the audit trail's head (last entry's id and hash) when Casebook last locked, and its MAC. */
  auditHead: z.object({ id: z.number().int(), hash: z.string() }).optional(),
  headMac: b64.optional(),
  /** Version 2: the records' generation when this file was last written with them, and its MAC. */
  generation: z.number().int().nonnegative().optional(),
  generationMac: b64.optional(),
  mac: b64,
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});
export type KeySlot = z.infer<typeof slotSchema>;
export type KeySlotsFile = z.infer<typeof fileSchema>;

/** What is written: the slots (the rest of a file read before may come along; see writeKeySlots). */
type Body = Pick<KeySlotsFile, 'format' | 'vaultId' | 'slots'> & Partial<KeySlotsFile>;
type Sealed = Omit<KeySlotsFile, 'checksum'>;

const canonical = (value: unknown): string => JSON.stringify(value);
const macKeyOf = (dbKey: Buffer) =>
  Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'casebook keyslots mac v1', 32));
const hmac = (dbKey: Buffer, what: unknown) =>
  createHmac('sha256', macKeyOf(dbKey)).update(canonical(what)).digest('base64');
/** Version 1 had one MAC over the slots and the inbox key. */
const legacyMacOf = (f: KeySlotsFile, dbKey: Buffer) =>
  hmac(dbKey, {
    format: f.format,
    version: f.version,
    vaultId: f.vaultId,
    slots: f.slots,
    auditInboxKey: f.auditInboxKey,
  });
const slotsMacOf = (f: Pick<KeySlotsFile, 'format' | 'version' | 'vaultId' | 'slots'>, dbKey: Buffer) =>
  hmac(dbKey, { format: f.format, version: f.version, vaultId: f.vaultId, slots: f.slots });
const inboxMacOf = (vaultId: string, key: string, dbKey: Buffer) => hmac(dbKey, { vaultId, auditInboxKey: key });
const headMacOf = (vaultId: string, head: { id: number; hash: string }, dbKey: Buffer) =>
  hmac(dbKey, { vaultId, auditHead: head });
const generationMacOf = (vaultId: string, generation: number, dbKey: Buffer) => hmac(dbKey, { vaultId, generation });
const fieldsOf = (f: Sealed) => ({
  format: f.format,
  version: f.version,
  vaultId: f.vaultId,
  slots: f.slots,
  auditInboxKey: f.auditInboxKey,
  inboxMac: f.inboxMac,
  auditHead: f.auditHead,
  headMac: f.headMac,
  generation: f.generation,
  generationMac: f.generationMac,
  mac: f.mac,
});
const checksumOf = (f: Sealed) =>
  createHash('sha256')
    .update(canonical(fieldsOf(f)))
    .digest('hex');
const sameMac = (a: string, b: string | undefined) => {
  const x = Buffer.from(a, 'base64');
  const y = Buffer.from(b ?? '', 'base64');
  return x.length === y.length && timingSafeEqual(x, y);
};
// The login is not bound in: renaming a user rewrites it (under the MAC) without their password.
const aadOf = (vaultId: string, s: Pick<KeySlot, 'id' | 'kind' | 'userId' | 'kdf'>) =>
  Buffer.from(canonical({ vaultId, id: s.id, kind: s.kind, userId: s.userId, kdf: s.kdf }), 'utf8');

/** How a password slot records whose it is: a hash of the folded name, tied to this install. */
export function slotLogin(vaultId: string, name: string): string {
  return `h:${createHash('sha256')
    .update(`${vaultId}\n${loginKey(name)}`)
    .digest('hex')
    .slice(0, 40)}`;
}

/** The password slot of the person who typed `name`, if any. */
export function slotFor(file: Pick<KeySlotsFile, 'vaultId' | 'slots'>, name: string): KeySlot | undefined {
  const hashed = slotLogin(file.vaultId, name);
  const folded = loginKey(name);
  return file.slots.find((s) => s.kind === 'password' && (s.login === hashed || s.login === folded));
}

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
  if (parsed.version > KEY_SLOTS_VERSION)
    throw new CasebookError('DATABASE_TOO_NEW', 'The key file was written by a newer Casebook');
  const checksum = parsed.version === 1 ? legacyChecksumOf(parsed) : checksumOf(parsed);
  if (checksum !== parsed.checksum) throw new CasebookError('KEY_FILE_DAMAGED', 'The key file checksum does not match');
  return parsed;
}

/** Version 1's checksum covered the fields it had. */
function legacyChecksumOf(f: KeySlotsFile): string {
  const { format, version, vaultId, slots, auditInboxKey, mac } = f;
  return createHash('sha256').update(canonical({ format, version, vaultId, slots, auditInboxKey, mac })).digest('hex');
}

/** After unwrapping the database key: proves no slot was added, removed or edited behind our back. */
export function verifyKeySlotsMac(file: KeySlotsFile, dbKey: Buffer): void {
  const expected = file.version === 1 ? legacyMacOf(file, dbKey) : slotsMacOf(file, dbKey);
  if (!sameMac(expected, file.mac))
    throw new CasebookError('KEY_FILE_DAMAGED', 'The key file was changed outside Casebook');
}

/**
 * After the slots' MAC: is the inbox key the one Casebook wrote? (Version 1 files have it under the
 * slots' MAC, already checked.) False means someone replaced it: failed sign-ins may have been sealed
 * to a stranger; Casebook says so in the trail and makes a new key, and nobody's sign-in waits on it.
 */
export function inboxKeyTrusted(file: KeySlotsFile, dbKey: Buffer): boolean {
  if (!file.auditInboxKey) return true;
  if (file.version === 1) return true;
  return sameMac(inboxMacOf(file.vaultId, file.auditInboxKey, dbKey), file.inboxMac);
}

/** The audit head recorded when Casebook last locked, if it is the one Casebook wrote; 'tampered' otherwise. */
export function anchoredAuditHead(file: KeySlotsFile, dbKey: Buffer): { id: number; hash: string } | null | 'tampered' {
  if (!file.auditHead) return null;
  return sameMac(headMacOf(file.vaultId, file.auditHead, dbKey), file.headMac) ? file.auditHead : 'tampered';
}

/** The records' generation written here (see session/rollback.ts), if it is the one Casebook wrote; 'tampered' otherwise. */
export function anchoredGeneration(file: KeySlotsFile, dbKey: Buffer): number | null | 'tampered' {
  if (file.generation === undefined) return null;
  return sameMac(generationMacOf(file.vaultId, file.generation, dbKey), file.generationMac)
    ? file.generation
    : 'tampered';
}

/**
 * Writes the file as version 2, every part under its MAC. The inbox key and the audit head of a file
 * read before (`body`) are kept only if their MACs hold (a version 1 file's inbox key was under its
 * one MAC, checked with the slots): a part someone changed is never signed again. `fresh` gives new ones.
 */
export function writeKeySlots(
  path: string,
  body: Body,
  dbKey: Buffer,
  fresh: { auditInboxKey?: string; auditHead?: { id: number; hash: string }; generation?: number } = {},
): KeySlotsFile {
  const keptInbox =
    body.auditInboxKey && (body.version === 1 || inboxKeyTrusted(body as KeySlotsFile, dbKey))
      ? body.auditInboxKey
      : undefined;
  const keptHead =
    body.auditHead && anchoredAuditHead(body as KeySlotsFile, dbKey) !== 'tampered' ? body.auditHead : undefined;
  const keptGeneration =
    body.generation !== undefined && anchoredGeneration(body as KeySlotsFile, dbKey) !== 'tampered'
      ? body.generation
      : undefined;
  const inboxKey = fresh.auditInboxKey ?? keptInbox;
  const head = fresh.auditHead ?? keptHead;
  const generation = fresh.generation ?? keptGeneration;
  // Names written before as the folded name itself are kept only as hashes from now on.
  const slots = body.slots.map((s) =>
    s.login && !s.login.startsWith('h:') ? { ...s, login: slotLogin(body.vaultId, s.login) } : s,
  );
  const sealed: Sealed = {
    format: body.format,
    version: KEY_SLOTS_VERSION,
    vaultId: body.vaultId,
    slots,
    ...(inboxKey ? { auditInboxKey: inboxKey, inboxMac: inboxMacOf(body.vaultId, inboxKey, dbKey) } : {}),
    ...(head ? { auditHead: head, headMac: headMacOf(body.vaultId, head, dbKey) } : {}),
    ...(generation !== undefined
      ? { generation, generationMac: generationMacOf(body.vaultId, generation, dbKey) }
      : {}),
    mac: slotsMacOf({ format: body.format, version: KEY_SLOTS_VERSION, vaultId: body.vaultId, slots }, dbKey),
  };
  const file: KeySlotsFile = { ...fieldsOf(sealed), checksum: checksumOf(sealed) } as KeySlotsFile;
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
  const check = checkOf(wrappingKey);
  wrappingKey.fill(0);
  return {
    ...slotBase,
    iv: iv.toString('base64'),
    wrappedKey: ct.toString('base64'),
    check,
    createdAt: now.toISOString(),
  };
}

// 16 bytes of an HMAC under the wrapping key: tells a right secret from a wrong one without the slot's
// other fields. It says no more than the wrapped key itself does (both need the Argon2 work per guess).
const checkOf = (wrappingKey: Buffer) =>
  createHmac('sha256', wrappingKey).update('casebook-slot-check').digest().subarray(0, 16).toString('base64');

const slotChanged = () =>
  new CasebookError(
    'KEY_SLOT_CHANGED',
    'This key slot was changed outside Casebook (its owner or key-derivation settings)',
  );

/** Returns the database key, or null when the secret is not the one this slot was made with. */
export async function openSlot(vaultId: string, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const { salt, ...params } = slot.kdf;
  // Settings no Casebook wrote are not run: they may be made to take hours or all the memory.
  if (!kdfWrittenByCasebook(params)) throw slotChanged();
  const wrappingKey = await deriveKey(secret, Buffer.from(salt, 'base64'), params);
  const data = Buffer.from(slot.wrappedKey, 'base64');
  if (data.length !== 32 + 16) throw new CasebookError('KEY_FILE_DAMAGED', 'A key slot has the wrong length');
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(aadOf(vaultId, slot));
    decipher.setAuthTag(data.subarray(32));
    return Buffer.concat([decipher.update(data.subarray(0, 32)), decipher.final()]);
  } catch {
    if (slot.check && sameMac(checkOf(wrappingKey), slot.check)) throw slotChanged();
    return null;
  } finally {
    wrappingKey.fill(0);
  }
}
