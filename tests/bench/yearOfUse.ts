import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Casebook } from '../../electron/core/casebook';
import { closeDatabase, openDatabase } from '../../electron/core/db/database';
import { KDF_DEFAULT } from '../../electron/core/vault/kdf';
import { FolderPlatform } from '../bridge/folderPlatform';
import { random } from './clients';

/**
 * `npm run bench:year -- --data <folder from seed:large>`: a year of an office's daily use on a copy
 * of a seeded folder, through the core's own channels (as the window calls them): new people, case
 * notes and corrections to them, people erased on request, signing out at the end of each week.
 * Then the database file, its write-ahead log and its free pages, against the size of a backup's
 * copy of the same records. The folder given is not changed.
 */
const { values } = parseArgs({ options: { data: { type: 'string' }, days: { type: 'string', default: '365' } } });
if (!values.data || !existsSync(join(values.data, 'casebook.db'))) {
  console.error('Give a folder made by `npm run seed:large` with --data.');
  process.exit(2);
}
const ADMIN = { name: 'Bench Admin', password: 'large database 2026' };
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.parse('2026-11-24T09:00:00Z');

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-year-'));
  try {
    cpSync(values.data!, dir, { recursive: true });
    let now = new Date(FIRST_DAY);
    const cb = new Casebook({
      dataDir: dir,
      resourcesDir: resolve(__dirname, '../../resources'),
      platform: new FolderPlatform(join(dir, 'recovery-sheet')),
      kdf: KDF_DEFAULT,
      idleCheckMs: 0,
      log: () => {},
      now: () => now,
    });
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await cb.call(channel as never, input as never);
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      return r.value as T;
    };
    const sizes = () => {
      const db = statSync(join(dir, 'casebook.db')).size;
      const walPath = join(dir, 'casebook.db-wal');
      return { db, wal: existsSync(walPath) ? statSync(walPath).size : 0 };
    };
    const start = sizes();
    await call('signIn.unlock', ADMIN);
    const rand = random(2026);
    const highest = cb.read((db) => db.$client.prepare('SELECT max(id) FROM clients').pluck().get() as number);
    const counts = { intakes: 0, notes: 0, edits: 0, erased: 0 };
    const days = Number(values.days);
    const started = performance.now();
    for (let day = 0; day < days; day++) {
      now = new Date(FIRST_DAY + day * DAY_MS);
      const date = now.toISOString().slice(0, 10);
      if (now.getUTCDay() === 0 || now.getUTCDay() === 6) continue; // the office is closed
      for (let i = 0; i < 4; i++) {
        // A made-up first name, far from every other (the intake's duplicate check would rightly stop near ones).
        const firstName = Array.from({ length: 8 }, (_, k) =>
          String.fromCharCode((k === 0 ? 65 : 97) + rand.int(26)),
        ).join('');
        await call('clients.intake', {
          details: {
            firstName,
            lastName: ['Kowalska', 'Nowak', 'Smith', 'Wiśniewski'][i]!,
            address: `${day} Przystań Road, Leeds`,
          },
          duplicatesSeen: [],
        });
        counts.intakes++;
      }
      const made: { id: number; version: number; clientId: number }[] = [];
      for (let i = 0; i < 40; i++) {
        const clientId = 1 + rand.int(highest);
        const exists = cb.read((db) => db.$client.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId));
        if (!exists) continue;
        const body = `Rang about the housing benefit claim; agreed to bring the letters on Tuesday. ${'Discussed the rent arrears and the next steps. '.repeat(1 + rand.int(8))}`;
        const note = await call<{ id: number; version: number }>('notes.save', {
          clientId,
          note: { date, time: '10:00', kind: 'phone', body },
        });
        made.push({ ...note, clientId });
        counts.notes++;
      }
      for (const n of made.slice(0, 5)) {
        await call('notes.save', {
          clientId: n.clientId,
          target: { id: n.id, version: n.version },
          note: {
            date,
            time: '10:30',
            kind: 'phone',
            body: 'Corrected: rang about the council tax reduction, not housing benefit.',
          },
        });
        counts.edits++;
      }
      if (now.getUTCDay() === 5) {
        // Two people a week ask to be forgotten; the office signs out for the weekend.
        for (let i = 0; i < 2; i++) {
          const client = cb.read(
            (db) =>
              db.$client
                .prepare('SELECT id, reference FROM clients WHERE id >= ? ORDER BY id LIMIT 1')
                .get(1 + rand.int(highest)) as { id: number; reference: string } | undefined,
          );
          if (!client) continue;
          await call('erasure.eraseClient', {
            id: client.id,
            mode: 'erase',
            reason: 'Asked to be forgotten',
            confirmation: client.reference,
          });
          counts.erased++;
        }
        await call('signIn.lock', {});
        await call('signIn.unlock', ADMIN);
      }
    }
    const simulated = (performance.now() - started) / 1000;
    const open = sizes();
    const pages = cb.read((db) => ({
      free: db.$client.pragma('freelist_count', { simple: true }) as number,
      all: db.$client.pragma('page_count', { simple: true }) as number,
    }));
    const key = Buffer.from(cb.requireSignedIn().dbKey);
    await call('signIn.lock', {});
    const closed = sizes();
    // What a backup holds: the same records, copied compactly (VACUUM INTO, as a backup copies them).
    const copy = join(dir, 'backup-copy.db');
    const db = openDatabase(join(dir, 'casebook.db'), key, { readOnly: true, migrate: false });
    db.$client.prepare('VACUUM INTO ?').run(copy);
    closeDatabase(db);
    key.fill(0);
    const backup = statSync(copy).size;
    cb.dispose();
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
    console.log(
      [
        `A year of use (${days} days, ${simulated.toFixed(0)} s): ${counts.intakes} people taken on, ${counts.notes} case notes, ${counts.edits} corrected, ${counts.erased} people erased; signed out every Friday.`,
        `Before: database ${mb(start.db)}, write-ahead log ${mb(start.wal)}.`,
        `After, while open: database ${mb(open.db)}, write-ahead log ${mb(open.wal)}, free pages ${pages.free} of ${pages.all} (${mb(pages.free * 4096)}).`,
        `After signing out: database ${mb(closed.db)}, write-ahead log ${mb(closed.wal)}.`,
        `A backup's copy of the same records: ${mb(backup)}. Database / backup copy: ${(closed.db / backup).toFixed(2)} (target at most 1.2).`,
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
