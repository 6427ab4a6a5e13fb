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

/**
 * Every setting a Casebook has written into a key slot: add to it when KDF_DEFAULT is raised, never
 * take one away (old slots keep theirs until the password is next changed). A slot with any other
 * setting was edited outside Casebook, and is not run (see keySlots.ts openSlot).
 */
export const KDF_WRITTEN: readonly KdfParams[] = [KDF_DEFAULT, KDF_MINIMUM];

export function kdfWrittenByCasebook(p: KdfParams): boolean {
  return KDF_WRITTEN.some(
    (k) =>
      k.name === p.name &&
      k.memoryKiB === p.memoryKiB &&
      k.iterations === p.iterations &&
      k.parallelism === p.parallelism,
  );
}
