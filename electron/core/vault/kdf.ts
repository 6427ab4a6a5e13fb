import { hashRaw } from '@node-rs/argon2';
import { CasebookError } from '../../../shared/result';

/** Argon2id parameters, stored with every key slot so they can be raised later. */
export interface KdfParams {
  name: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** OWASP's minimum for Argon2id (m=19 MiB, t=2, p=1). No slot is ever written or read below it. */
export const KDF_MINIMUM: KdfParams = { name: 'argon2id', memoryKiB: 19456, iterations: 2, parallelism: 1 };

/** What new slots use: about half a second on a 2-core office PC (see `npm run bench`). */
export const KDF_DEFAULT: KdfParams = { name: 'argon2id', memoryKiB: 131072, iterations: 12, parallelism: 1 };

export function assertKdfStrongEnough(p: KdfParams): void {
  if (p.name !== 'argon2id' || p.memoryKiB < KDF_MINIMUM.memoryKiB || p.iterations < KDF_MINIMUM.iterations || p.parallelism < 1)
    throw new CasebookError('KEY_FILE_DAMAGED', 'Key slot uses key-derivation settings below the minimum');
}

/** Derives a 32-byte wrapping key from a password (or the digits of the recovery key). */
export async function deriveKey(secret: string, salt: Buffer, p: KdfParams): Promise<Buffer> {
  assertKdfStrongEnough(p);
  const out = await hashRaw(secret.normalize('NFC'), {
    algorithm: 2, // Argon2id
    memoryCost: p.memoryKiB,
    timeCost: p.iterations,
    parallelism: p.parallelism,
    outputLen: 32,
    salt,
  });
  return Buffer.from(out);
}
