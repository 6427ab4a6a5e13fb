import { hashRaw } from '@node-rs/argon2';
import { CasebookError } from '../../../shared/result';
import { KDF_MINIMUM, type KdfParams } from './kdfParams';

export { KDF_DEFAULT, KDF_MINIMUM, kdfWrittenByCasebook, type KdfParams } from './kdfParams';

export function assertKdfStrongEnough(p: KdfParams): void {
  if (
    p.name !== 'argon2id' ||
    p.memoryKiB < KDF_MINIMUM.memoryKiB ||
    p.iterations < KDF_MINIMUM.iterations ||
    p.parallelism < 1
  )
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
