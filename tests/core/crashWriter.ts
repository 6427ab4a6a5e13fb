import { writeSync } from 'node:fs';
import { openDatabase } from '../../electron/core/db/database';
import { insertClient } from '../../electron/core/clients/queries';
import { clientDetailsSchema } from '../../shared/domain/client';

/**
 * The child of the crash test: opens the database through the real core, adds clients one
 * transaction at a time, and acknowledges each on stdout only after its commit returned.
 */
const [path, keyHex] = [process.env['CRASH_DB']!, process.env['CRASH_KEY']!];
const db = openDatabase(path, Buffer.from(keyHex, 'hex'));
for (let i = 0; ; i++) {
  const client = db.$client.transaction(() =>
    insertClient(
      db,
      clientDetailsSchema.parse({
        firstName: `Crash${i}`,
        lastName: 'Wiśniewska',
        phone: '0113 496 0000',
        address: 'x'.repeat(200),
        postcode: 'LS1 4AB',
        preferredLanguage: 'pl',
      }),
      1,
      new Date('2026-11-23T10:00:00Z'),
      '2026-11-23',
    ),
  )();
  writeSync(1, `${client.id}\n`);
}
