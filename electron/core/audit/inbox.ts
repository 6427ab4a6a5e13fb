import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { AUDIT_ACTIONS } from '../../../shared/domain/audit';

/**
 * The audit inbox: events that happen while Casebook is locked (failed logins) cannot go into the
 * encrypted database, so each is sealed to the vault's X25519 public key (ECIES: an ephemeral key,
 * HKDF, AES-256-GCM) and appended to a file. Nothing in it is readable without the private key,
 * which lives inside the encrypted database. At the next unlock the events join the audit trail.
 */
const INFO = 'casebook audit inbox v1';

export const inboxEventSchema = z.object({
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  userId: z.number().int().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type InboxEvent = z.infer<typeof inboxEventSchema>;

export function newInboxKeys(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

function sealKey(shared: Buffer, ephemeralPublic: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, ephemeralPublic, INFO, 32));
}

/** Seals one event and appends it, flushed to disk. */
export function appendToInbox(path: string, publicKeyB64: string, event: InboxEvent): void {
  const recipient = createPublicKey({ key: Buffer.from(publicKeyB64, 'base64'), format: 'der', type: 'spki' });
  const eph = generateKeyPairSync('x25519');
  const ephPublic = eph.publicKey.export({ format: 'der', type: 'spki' });
  const key = sealKey(diffieHellman({ privateKey: eph.privateKey, publicKey: recipient }), ephPublic);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(event), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const line =
    JSON.stringify({ e: ephPublic.toString('base64'), iv: iv.toString('base64'), ct: ct.toString('base64') }) + '\n';
  const fd = openSync(path, 'a', 0o600);
  try {
    writeSync(fd, line);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function open(line: string, privateKey: ReturnType<typeof createPrivateKey>): InboxEvent {
  const sealed = z.object({ e: z.string(), iv: z.string(), ct: z.string() }).parse(JSON.parse(line));
  const ephPublic = Buffer.from(sealed.e, 'base64');
  const key = sealKey(
    diffieHellman({ privateKey, publicKey: createPublicKey({ key: ephPublic, format: 'der', type: 'spki' }) }),
    ephPublic,
  );
  const data = Buffer.from(sealed.ct, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
  return inboxEventSchema.parse(JSON.parse(plain.toString('utf8')));
}

/**
 * Takes the inbox for import: it is moved aside first, so events arriving meanwhile start a new
 * file. Returns the events and how many lines could not be opened. Call `done` after the import
 * has been committed.
 */
export function takeInbox(
  path: string,
  privateKeyB64: string,
): { events: InboxEvent[]; damaged: number; done: () => void } {
  const taken = `${path}.importing`;
  if (existsSync(path)) {
    if (existsSync(taken)) {
      // A previous import was interrupted: keep both, in order.
      const merged = readFileSync(taken, 'utf8') + readFileSync(path, 'utf8');
      const fd = openSync(taken, 'w', 0o600);
      writeSync(fd, merged);
      fsyncSync(fd);
      closeSync(fd);
      rmSync(path);
    } else renameSync(path, taken);
  }
  if (!existsSync(taken)) return { events: [], damaged: 0, done: () => {} };
  const privateKey = createPrivateKey({ key: Buffer.from(privateKeyB64, 'base64'), format: 'der', type: 'pkcs8' });
  const events: InboxEvent[] = [];
  let damaged = 0;
  for (const line of readFileSync(taken, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      events.push(open(line, privateKey));
    } catch {
      damaged++;
    }
  }
  return { events, damaged, done: () => rmSync(taken, { force: true }) };
}
