/*
 * The key derivation's settings, apart from Argon2 itself, so code that only passes them on (the
 * window's thread starting the core) does not load the Argon2 library.
 */

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
