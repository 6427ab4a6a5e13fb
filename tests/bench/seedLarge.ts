import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Casebook } from '../../electron/core/casebook';
import { KDF_DEFAULT } from '../../electron/core/vault/kdf';
import { FolderPlatform } from '../bridge/folderPlatform';
import { generateCasework } from './casework';
import { generateClients } from './clients';
import { generateProgrammes } from './programmes';
import { generateReferrals } from './referrals';

/**
 * `npm run seed:large -- --clients 100000 --out <folder>`: a Casebook data folder the app opens, set up
 * through the real core (charity, administrator, recovery sheet, key slots), then filled by the
 * seeded generators: the same people every time. Prints how long it took, the file size and how to
 * sign in.
 */
const { values } = parseArgs({ options: { clients: { type: 'string', default: '100000' }, out: { type: 'string' } } });
const clients = Number(values.clients);
if (!values.out || !Number.isInteger(clients) || clients < 1000) {
  console.error('Usage: npm run seed:large -- --clients 100000 --out <empty folder>  (at least 1000 clients)');
  process.exit(2);
}
const out = resolve(values.out);
if (existsSync(out) && readdirSync(out).length > 0) {
  console.error(`${out} is not empty: choose a new folder.`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const ADMIN = { name: 'Bench Admin', password: 'large database 2026' };

async function main() {
  const started = Date.now();
  const cb = new Casebook({
    dataDir: out,
    resourcesDir: resolve(__dirname, '../../resources'),
    platform: new FolderPlatform(join(out, 'recovery-sheet')),
    kdf: KDF_DEFAULT,
    idleCheckMs: 0,
    log: () => {},
  });
  const call = async (channel: string, input: unknown) => {
    const r = await cb.call(channel as never, input as never);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as never;
  };
  const shown: { groups: string[]; confirmGroup: number } = await call('setup.prepare', {
    charity: { name: 'Przystań Community Aid (generated)' },
    admin: ADMIN,
  });
  await call('setup.saveRecoverySheet', {});
  await call('setup.finish', { confirmation: shown.groups[shown.confirmGroup - 1] });
  const counts = cb.write((db) => {
    generateClients(db, clients);
    const work = generateCasework(db, clients);
    const groups = generateProgrammes(db, clients);
    const referrals = generateReferrals(db, clients);
    return { work, groups, referrals };
  });
  cb.read((db) => db.$client.pragma('wal_checkpoint(TRUNCATE)'));
  cb.dispose();
  const size = statSync(join(out, 'casebook.db')).size;
  const { work, groups, referrals } = counts;
  console.log(
    [
      `Generated in ${((Date.now() - started) / 1000).toFixed(1)} s: ${clients.toLocaleString('en-GB')} clients (${referrals.nearDuplicates} planted near-duplicates), ${work.notes.toLocaleString('en-GB')} case notes, ${work.goals.toLocaleString('en-GB')} goals, ${work.tasks.toLocaleString('en-GB')} tasks,`,
      `${referrals.agencies} agencies, ${referrals.referrals.toLocaleString('en-GB')} referrals with ${referrals.letters.toLocaleString('en-GB')} letters, ${groups.programmes} programmes with ${groups.sessions.toLocaleString('en-GB')} sessions and ${groups.attendances.toLocaleString('en-GB')} attendances, ${groups.gives.toLocaleString('en-GB')} records of help given.`,
      `Database: ${(size / 1e6).toFixed(0)} MB, encrypted, in ${out}`,
      `Sign in as "${ADMIN.name}" with the password "${ADMIN.password}" (the recovery sheet is in ${join(out, 'recovery-sheet')}).`,
      `To open it in the app: CASEBOOK_DATA_DIR="${out}" npm start`,
    ].join('\n'),
  );
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
