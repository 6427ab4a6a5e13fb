import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '../../electron/core/db/database';
import { deriveKey, KDF_DEFAULT, KDF_MINIMUM } from '../../electron/core/vault/kdf';
import { createKeySlots, generateRecoveryKey, unlockWithPassword } from '../../electron/core/vault/vault';
import { measure, report, type Figure } from './stats';

/**
 * `npm run bench`: prints one line of JSON per figure, then a table. Benchmarks are not tests: they
 * measure, they never pass or fail on time.
 */
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-bench-'));
  const figures: Figure[] = [];
  try {
    const slots = join(dir, 'keyslots.json');
    const dbPath = join(dir, 'casebook.db');
    const dbKey = randomBytes(32);
    closeDatabase(openDatabase(dbPath, dbKey, { create: true }));
    const password = 'benchmark password 1';
    await createKeySlots(slots, dbKey, { userId: 1, name: 'Bench Admin', password }, generateRecoveryKey(), KDF_DEFAULT, new Date());

    const kdfNote = `argon2id m=${KDF_DEFAULT.memoryKiB / 1024} MiB t=${KDF_DEFAULT.iterations} p=${KDF_DEFAULT.parallelism} (OWASP minimum m=${KDF_MINIMUM.memoryKiB / 1024} MiB t=${KDF_MINIMUM.iterations})`;
    figures.push(await measure('key derivation (one password)', 10, () => deriveKey(password, randomBytes(16), KDF_DEFAULT), { note: kdfNote }));
    figures.push(
      await measure('unlock (key derivation + open database)', 10, async () => {
        const u = await unlockWithPassword(slots, 'Bench Admin', password, KDF_DEFAULT);
        closeDatabase(openDatabase(dbPath, u.dbKey));
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report(figures);
}

void main();
