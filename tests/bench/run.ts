import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackup } from '../../electron/core/backup/backup';
import { clientDetailsSchema } from '../../shared/domain/client';
import { insertClient } from '../../electron/core/clients/queries';
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

    // Backup + verify of a generated database (the full-size one comes with the data generator).
    const clients = Number(process.env['BENCH_CLIENTS'] ?? 20000);
    const db = openDatabase(dbPath, dbKey);
    db.$client.exec(`INSERT OR IGNORE INTO users (id, name, login, role, created_at) VALUES (1, 'Bench Admin', 'bench admin', 'admin', 'x')`);
    db.$client.exec(`INSERT OR IGNORE INTO charity (id, name, updated_at) VALUES (1, 'Bench Charity', 'x')`);
    db.$client.transaction(() => {
      for (let i = 0; i < clients; i++)
        insertClient(
          db,
          clientDetailsSchema.parse({ firstName: `Zofia${i}`, lastName: 'Wiśniewska-Łęcka', dateOfBirth: '1980-01-01', phone: '0113 496 0000', address: `${i} Przystań Road, Leeds`, postcode: 'LS1 4AB', preferredLanguage: 'pl' }),
          1,
          new Date(),
          '2026-11-23',
        );
    })();
    const target = join(dir, 'usb');
    mkdirSync(target);
    let bytes = 0;
    const backupFigure = await measure(
      `backup + verify (${clients.toLocaleString('en-GB')} clients)`,
      3,
      async () => {
        const made = await createBackup({ db, dbKey, slotsPath: slots, targetDir: target, charityName: 'Bench', createdBy: 'Bench', now: new Date(), keep: 1 });
        bytes = made.bytes;
      },
      { warmup: 0 },
    );
    backupFigure.note = `${(bytes / 1e6).toFixed(1)} MB, ${((bytes / 1e6) / (backupFigure.p50 / 1000)).toFixed(1)} MB/s`;
    figures.push(backupFigure);
    closeDatabase(db);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report(figures);
}

void main();
