import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { CasebookError } from '../../../shared/result';
import { parseRecoveryKey, recoveryGroup, RECOVERY_GROUPS } from '../../../shared/domain/recoveryKey';
import { deriveKey, type KdfParams } from './kdf';
import {
  KEY_SLOTS_FORMAT,
  makeSlot,
  slotFor,
  slotLogin,
  openSlot,
  readKeySlots,
  verifyKeySlotsMac,
  writeKeySlots,
  type KeySlotsFile,
} from './keySlots';

export interface Unlocked {
  dbKey: Buffer;
  vaultId: string;
  userId: number | null;
}

/** A new recovery key: 8 groups of 5 random digits, each with its check digit. */
export function generateRecoveryKey(): string[] {
  const groups: string[] = [];
  for (let i = 0; i < RECOVERY_GROUPS; i++) groups.push(recoveryGroup(String(randomInt(0, 100000)).padStart(5, '0')));
  return groups;
}

/** The recovery key as the key-derivation secret: its 48 digits, whatever separators were typed. */
function recoverySecret(recoveryKey: string): string {
  const parsed = parseRecoveryKey(recoveryKey);
  if (!parsed.ok) throw new CasebookError('WRONG_RECOVERY_KEY', 'The recovery key is not written correctly');
  return parsed.groups.join('');
}

/** Writes the first slots for a new database key: the first administrator's password and the recovery key. */
export async function createKeySlots(
  slotsPath: string,
  dbKey: Buffer,
  admin: { userId: number; name: string; password: string },
  recoveryGroups: string[],
  kdf: KdfParams,
  now: Date,
  auditInboxKey?: string,
): Promise<Unlocked> {
  const vaultId = randomUUID();
  const adminSlot = await makeSlot(
    vaultId,
    dbKey,
    admin.password,
    { kind: 'password', userId: admin.userId, login: slotLogin(vaultId, admin.name) },
    kdf,
    now,
  );
  const recoverySlot = await makeSlot(
    vaultId,
    dbKey,
    recoverySecret(recoveryGroups.join('')),
    { kind: 'recovery', userId: null, login: null },
    kdf,
    now,
  );
  writeKeySlots(slotsPath, { format: KEY_SLOTS_FORMAT, vaultId, slots: [adminSlot, recoverySlot] }, dbKey, {
    auditInboxKey,
  });
  return { dbKey, vaultId, userId: admin.userId };
}

/** Unlocks with a user's name and password. An unknown name costs as much time as a wrong password. */
export async function unlockWithPassword(
  slotsPath: string,
  name: string,
  password: string,
  kdfForUnknown: KdfParams,
): Promise<Unlocked> {
  return unlockSlotsWithPassword(readKeySlots(slotsPath), name, password, kdfForUnknown);
}

export async function unlockSlotsWithPassword(
  file: KeySlotsFile,
  name: string,
  password: string,
  kdfForUnknown: KdfParams,
): Promise<Unlocked> {
  const slot = slotFor(file, name);
  if (!slot) {
    await deriveKey(password, randomBytes(16), kdfForUnknown);
    throw new CasebookError('WRONG_PASSWORD', 'Name and password do not match');
  }
  const dbKey = await openSlot(file.vaultId, slot, password);
  if (!dbKey) throw new CasebookError('WRONG_PASSWORD', 'Name and password do not match');
  verifyKeySlotsMac(file, dbKey);
  return { dbKey, vaultId: file.vaultId, userId: slot.userId };
}

export async function unlockWithRecoveryKey(slotsPath: string, recoveryKey: string): Promise<Unlocked> {
  return unlockSlotsWithRecoveryKey(readKeySlots(slotsPath), recoveryKey);
}

export async function unlockSlotsWithRecoveryKey(file: KeySlotsFile, recoveryKey: string): Promise<Unlocked> {
  const secret = recoverySecret(recoveryKey);
  const slot = file.slots.find((s) => s.kind === 'recovery');
  if (!slot) throw new CasebookError('KEY_FILE_DAMAGED', 'The key file has no recovery slot');
  const dbKey = await openSlot(file.vaultId, slot, secret);
  if (!dbKey) throw new CasebookError('WRONG_RECOVERY_KEY', 'The recovery key does not match');
  verifyKeySlotsMac(file, dbKey);
  return { dbKey, vaultId: file.vaultId, userId: null };
}

/**
 * Gives a user a new password. The new slot is written (with the old one still in the file) before
 * the old one is removed, so a crash between the two writes leaves a file that still opens.
 */
export async function setUserPassword(
  slotsPath: string,
  dbKey: Buffer,
  user: { id: number; name: string },
  password: string,
  kdf: KdfParams,
  now: Date,
): Promise<void> {
  const file = readVerified(slotsPath, dbKey);
  const fresh = await makeSlot(
    file.vaultId,
    dbKey,
    password,
    { kind: 'password', userId: user.id, login: slotLogin(file.vaultId, user.name) },
    kdf,
    now,
  );
  const withBoth = writeKeySlots(slotsPath, { ...file, slots: [...file.slots, fresh] }, dbKey);
  const onlyNew = withBoth.slots.filter((s) => s.id === fresh.id || !(s.kind === 'password' && s.userId === user.id));
  writeKeySlots(slotsPath, { ...withBoth, slots: onlyNew }, dbKey);
}

/** Reads the slot file and proves, with the database key, that nobody changed it. */
function readVerified(slotsPath: string, dbKey: Buffer): KeySlotsFile {
  const file = readKeySlots(slotsPath);
  verifyKeySlotsMac(file, dbKey);
  return file;
}

/** A renamed user signs in with the new name; their password is unchanged. */
export function renameUserSlot(slotsPath: string, dbKey: Buffer, userId: number, newName: string): void {
  const file = readVerified(slotsPath, dbKey);
  const slots = file.slots.map((s) =>
    s.kind === 'password' && s.userId === userId ? { ...s, login: slotLogin(file.vaultId, newName) } : s,
  );
  writeKeySlots(slotsPath, { ...file, slots }, dbKey);
}

/** A deactivated user's slot is removed: their password no longer opens anything. */
export function removeUserSlot(slotsPath: string, dbKey: Buffer, userId: number): void {
  const file = readVerified(slotsPath, dbKey);
  writeKeySlots(
    slotsPath,
    { ...file, slots: file.slots.filter((s) => !(s.kind === 'password' && s.userId === userId)) },
    dbKey,
  );
}

/** A new recovery key: its slot is written before the old one is removed. */
export async function replaceRecoverySlot(
  slotsPath: string,
  dbKey: Buffer,
  groups: string[],
  kdf: KdfParams,
  now: Date,
): Promise<void> {
  const file = readVerified(slotsPath, dbKey);
  const fresh = await makeSlot(
    file.vaultId,
    dbKey,
    recoverySecret(groups.join('')),
    { kind: 'recovery', userId: null, login: null },
    kdf,
    now,
  );
  const withBoth = writeKeySlots(slotsPath, { ...file, slots: [...file.slots, fresh] }, dbKey);
  writeKeySlots(
    slotsPath,
    { ...withBoth, slots: withBoth.slots.filter((s) => s.kind !== 'recovery' || s.id === fresh.id) },
    dbKey,
  );
}

export function setAuditInboxKey(slotsPath: string, dbKey: Buffer, publicKey: string): void {
  const file = readVerified(slotsPath, dbKey);
  writeKeySlots(slotsPath, file, dbKey, { auditInboxKey: publicKey });
}

/** Records the records' generation in the key file (under its MAC): see session/rollback.ts. */
export function setGeneration(slotsPath: string, dbKey: Buffer, generation: number): void {
  const file = readVerified(slotsPath, dbKey);
  writeKeySlots(slotsPath, file, dbKey, { generation });
}

/** Records the audit trail's head in the key file (under its MAC): see anchoredAuditHead. */
export function setAuditHead(slotsPath: string, dbKey: Buffer, head: { id: number; hash: string }): void {
  const file = readVerified(slotsPath, dbKey);
  writeKeySlots(slotsPath, file, dbKey, { auditHead: head });
}

/** What can be known before unlocking: which user a typed name belongs to, and the inbox key. */
export function lockedFacts(slotsPath: string, name: string): { userId: number | null; auditInboxKey: string | null } {
  try {
    const file = readKeySlots(slotsPath);
    const slot = slotFor(file, name);
    return { userId: slot?.userId ?? null, auditInboxKey: file.auditInboxKey ?? null };
  } catch {
    return { userId: null, auditInboxKey: null };
  }
}
