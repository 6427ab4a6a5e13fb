import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findDuplicates } from '../../electron/core/clients/duplicates';
import { searchClients } from '../../electron/core/clients/queries';
import { readClientRecord } from '../../electron/core/clients/record';
import { closeDatabase, openDatabase } from '../../electron/core/db/database';
import { deriveKey, KDF_DEFAULT, KDF_MINIMUM } from '../../electron/core/vault/kdf';
import { createKeySlots, generateRecoveryKey, unlockWithPassword } from '../../electron/core/vault/vault';
import { readCaseload } from '../../electron/core/caseload/caseload';
import { clientTimeline } from '../../electron/core/timeline/timeline';
import { generateCasework } from './casework';
import { composeLetter } from '../../electron/core/letters/letters';
import { renderLetterPdf } from '../../electron/core/letters/letterPdf';
import { programmeFigures } from '../../electron/core/programmes/figures';
import { sessionRegister } from '../../electron/core/programmes/attendance';
import { renderSessionRegister } from '../../electron/core/programmes/registerPdf';
import { repeatWarning, helpGivenTotals } from '../../electron/core/helpGiven/helpGiven';
import { generateProgrammes } from './programmes';
import { funderReport } from '../../electron/core/reports/funderReport';
import { gatherAccessPack } from '../../electron/core/subjectAccess/pack';
import { renderAccessPackPdf } from '../../electron/core/subjectAccess/packPdf';
import { checkImport } from '../../electron/core/imports/imports';
import { withClock } from '../../electron/core/clock';
import { backupInWorkers } from './backup';
import { documentFigures } from './documents';
import { diaryFigures } from './diary';
import { decryptedCopy, encryptionOverhead } from './encryption';
import { memoryFigures } from './memory';
import { rendererFigures } from './renderer';
import { chromiumPath } from '../bridge/chromium';
import { png } from '../core/png';
import { sql } from 'drizzle-orm';
import { generateClients, random, SEARCHES_AS_TYPED } from './clients';
import { measure, report, type Figure } from './stats';

/** The benchmark's today: the generated records are dated up to it (date rules read it). */
const BENCH_NOW = () => new Date('2026-11-23T10:00:00');

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
    await createKeySlots(
      slots,
      dbKey,
      { userId: 1, name: 'Bench Admin', password },
      generateRecoveryKey(),
      KDF_DEFAULT,
      new Date(),
    );

    const kdfNote = `argon2id m=${KDF_DEFAULT.memoryKiB / 1024} MiB t=${KDF_DEFAULT.iterations} p=${KDF_DEFAULT.parallelism} (OWASP minimum m=${KDF_MINIMUM.memoryKiB / 1024} MiB t=${KDF_MINIMUM.iterations})`;
    figures.push(
      await measure('key derivation (one password)', 10, () => deriveKey(password, randomBytes(16), KDF_DEFAULT), {
        note: kdfNote,
      }),
    );
    figures.push(
      await measure('unlock (key derivation + open database)', 10, async () => {
        const u = await unlockWithPassword(slots, 'Bench Admin', password, KDF_DEFAULT);
        closeDatabase(openDatabase(dbPath, u.dbKey));
      }),
    );

    // A generated database the size of a charity that has used Casebook for ten years.
    const clients = Number(process.env['BENCH_CLIENTS'] ?? 100_000);
    const db = openDatabase(dbPath, dbKey);
    const started = Date.now();
    const generated = generateClients(db, clients);
    const work = generateCasework(db, clients);
    const seconds = (Date.now() - started) / 1000;
    /** The database file and its write-ahead log, in bytes. */
    const withLog = () => statSync(dbPath).size + (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);
    const size = withLog();
    console.error(
      `generated ${clients.toLocaleString('en-GB')} clients with their related rows, ${work.notes.toLocaleString('en-GB')} case notes, ${work.goals.toLocaleString('en-GB')} goals and ${work.tasks.toLocaleString('en-GB')} tasks in ${seconds.toFixed(1)} s (${(size / 1e6).toFixed(0)} MB)`,
    );
    const label = `${(clients / 1000).toFixed(0)}k clients`;

    const typed = SEARCHES_AS_TYPED;
    let k = 0;
    const filters = {
      status: null,
      caseworkerId: null,
      riskFlag: null,
      sort: 'name' as const,
      descending: false,
      limit: 100,
      offset: 0,
    };
    figures.push(
      await measure(
        `client search as you type (core, ${label})`,
        400,
        () => searchClients(db, { ...filters, query: typed[k++ % typed.length]! }),
        {
          warmup: typed.length,
          note: `${typed.length} prefixes incl. accented, postcode, phone, reference; first 100 in name order + total`,
        },
      ),
    );
    k = 0;
    figures.push(
      await measure(`client search, open cases with a risk flag (${label})`, 100, () =>
        searchClients(db, { ...filters, status: 'open', riskFlag: 'any', query: typed[k++ % typed.length]! }),
      ),
    );
    const pick = random(7);
    figures.push(
      await measure(
        `open a client record with related rows (${label})`,
        400,
        () => readClientRecord(db, 1 + pick.int(clients), 'caseworker', '2026-11-23'),
        {
          note: 'client, consents, household, contacts, risk flags, assessments with scores, status history',
        },
      ),
    );
    figures.push(
      await measure(
        `caseload home screen, caseworker with ${work.caseload} open clients (${label})`,
        200,
        () => readCaseload(db, work.caseworkerId, '2026-11-23', false),
        {
          note: 'open clients with last assessment and contact, tasks due and upcoming, reviews due, goals past target',
        },
      ),
    );
    figures.push(
      await measure(
        `caseload home screen, coordinator with everyone's load (${label})`,
        50,
        () => readCaseload(db, 1, '2026-11-23', true),
        {
          note: 'adds open clients, overdue tasks and reviews due for every caseworker',
        },
      ),
    );
    let h = 0;
    const entries = clientTimeline(
      db,
      { clientId: work.heavyClients[0]!, types: [], limit: 2000, offset: 0 },
      { id: 1, mayReadSensitive: true },
    ).total;
    figures.push(
      await measure(
        `client timeline, ${entries} entries (${label}, ${(work.notes / 1e6).toFixed(2)}M notes)`,
        200,
        () =>
          clientTimeline(
            db,
            { clientId: work.heavyClients[h++ % work.heavyClients.length]!, types: [], limit: 500, offset: 0 },
            { id: 1, mayReadSensitive: true },
          ),
        { note: 'all event types, 500 newest with the notes in full' },
      ),
    );
    let d = 0;
    figures.push(
      await measure(
        `duplicate check while typing an intake (${label})`,
        200,
        () =>
          findDuplicates(db, { ...generated.samples[d++ % generated.samples.length]!, phone: null, excludeId: null }),
        {
          note: 'name + date of birth of existing clients',
        },
      ),
    );

    // Letters: the referral letter (merge from the records + an A4 PDF with the logo), one at a time and 100 in a row.
    const resources = join(__dirname, '../../resources');
    const logo = { data: png(600, 200, [28, 79, 124]), type: 'png' as const };
    db.run(sql`INSERT INTO agencies (name, folded_name, search_text, address, created_at, updated_at) VALUES ('Leeds Housing Advice', 'leeds housing advice', 'leeds housing advice', '4 Park Row
Leeds LS1 5HD', 'x', 'x')`);
    const agencyId = db.get<{ id: number }>(sql`SELECT max(id) AS id FROM agencies`).id;
    const letterClients = Array.from({ length: 100 }, (_, i) => 1 + i * Math.floor(clients / 100));
    const referralOf = new Map<number, number>();
    for (const c of letterClients) {
      db.run(
        sql`INSERT INTO consents (client_id, store_data, share_scope, share_agencies, contact_phone, contact_letter, contact_text, contact_email, given_on, method, recorded_at) VALUES (${c}, 1, 'any', '[]', 1, 1, 0, 0, '2026-11-22', 'written', 'x')`,
      );
      db.run(
        sql`INSERT INTO referrals (client_id, agency_id, reason, urgency, status, status_on, sent_on, created_on, created_at, updated_at) VALUES (${c}, ${agencyId}, 'Notice to quit; needs advice on rights and rehousing.', 'soon', 'sent', '2026-11-20', '2026-11-20', '2026-11-20', 'x', 'x')`,
      );
      referralOf.set(c, db.get<{ id: number }>(sql`SELECT max(id) AS id FROM referrals`).id);
    }
    const template = db.get<{ id: number }>(sql`SELECT id FROM letter_templates WHERE builtin_key = 'referral.en'`).id;
    const letter = async (c: number) => {
      const { content } = composeLetter(
        db,
        { clientId: c, templateId: template, referralId: referralOf.get(c)!, text: null, appointment: null },
        1,
        '2026-11-23',
      );
      return renderLetterPdf(resources, content, logo);
    };
    let l = 0;
    figures.push(
      await measure(
        `one referral letter, merged and rendered as PDF (${label})`,
        100,
        () => letter(letterClients[l++ % letterClients.length]!),
        { warmup: 5, note: 'with a 600x200 logo' },
      ),
    );
    figures.push(
      await measure(`100 referral letters in a batch (${label})`, 3, async () => {
        for (const c of letterClients) await letter(c);
      }),
    );

    // The diary: a year of appointments for 200 caseworkers.
    figures.push(...(await diaryFigures(db, clients, label)));

    // Group work and help given: three years of weekly sessions, and the figures funders ask for.
    const groups = generateProgrammes(db, clients);
    console.error(
      `generated ${groups.programmes} programmes, ${groups.sessions.toLocaleString('en-GB')} sessions, ${groups.attendances.toLocaleString('en-GB')} attendances, ${groups.gives.toLocaleString('en-GB')} records of help given`,
    );
    const year = { from: '2025-11-24', to: '2026-11-23' };
    figures.push(
      await measure(`attendance by programme over a year (${label})`, 50, () => programmeFigures(db, year), {
        note: `${groups.sessions} sessions, ${groups.attendances} attendances; unique people, walk-ins, headcount`,
      }),
    );
    figures.push(
      await measure(`help given totals by kind over a year (${label})`, 50, () => helpGivenTotals(db, year), {
        note: `${groups.gives} records`,
      }),
    );
    figures.push(
      await measure(
        `funder report over a year, every section (${label})`,
        20,
        () =>
          funderReport(
            db,
            { ...year, programmeId: null, caseworkerId: null },
            { programmeName: null, caseworkerName: null },
          ),
        {
          warmup: 2,
          note: 'cases, closures, contacts, referrals, needs, outcomes, goals, help, attendance, demographics',
        },
      ),
    );
    let g = 0;
    figures.push(
      await measure(`repeat-help check while recording help (${label})`, 400, () =>
        repeatWarning(db, 1 + 3 * (g++ % Math.floor(clients / 3)), 1, '2026-11-23'),
      ),
    );
    const register = sessionRegister(db, groups.bigSessionId);
    figures.push(
      await measure(`session register, ${register.lines.length} names (${label})`, 200, () =>
        sessionRegister(db, groups.bigSessionId),
      ),
    );
    figures.push(
      await measure(
        `session register as PDF, ${register.lines.length} names`,
        50,
        () =>
          renderSessionRegister(resources, { language: 'en', charityName: 'Bench', register, createdAt: new Date() }),
        { warmup: 3 },
      ),
    );

    // Data-protection and import work on the large database.
    const busiest = db.get<{ id: number; n: number }>(
      sql`SELECT client_id AS id, count(*) AS n FROM case_notes GROUP BY client_id ORDER BY n DESC LIMIT 1`,
    );
    const who = { id: 1, name: 'Bench' };
    figures.push(
      await measure(
        `subject access pack, data and PDF, client with ${busiest.n} notes (${label})`,
        5,
        () =>
          renderAccessPackPdf(
            resources,
            gatherAccessPack(db, busiest.id, who, new Date(), '2026-11-23'),
            '2026-11-20',
            'en',
            new Date(),
          ),
        { warmup: 1 },
      ),
    );
    const sample = generated.samples;
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const s = sample[i % sample.length]!;
      // One row in ten is someone already on file; the rest are new people with surnames already common.
      return i % 10 === 0
        ? [s.firstName, s.lastName, s.dateOfBirth ?? '']
        : [`Nowa${i}`, s.lastName, `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`];
    });
    const sheet = {
      ok: true as const,
      encoding: 'utf-8' as const,
      header: ['First name', 'Last name', 'Date of birth'],
      rows,
    };
    figures.push(
      await measure(
        `import check of 10,000 spreadsheet rows against the clients on file (${label})`,
        3,
        () => withClock(BENCH_NOW, () => checkImport(db, sheet, { fileName: 'bench.csv', kind: 'csv' }, null)),
        {
          warmup: 1,
          note: 'intake rules on every row, likely duplicates on file and within the file',
        },
      ),
    );

    // Encryption: the same query mix on this file and on a decrypted copy of it.
    const plainPath = decryptedCopy(db, dbKey, dbPath, dir);
    figures.push(
      ...(await encryptionOverhead(
        dbPath,
        dbKey,
        plainPath,
        { clients, caseworkerId: work.caseworkerId, heavyClient: work.heavyClients[0] ?? 1 },
        label,
      )),
    );
    rmSync(plainPath, { force: true });

    const target = join(dir, 'usb');
    mkdirSync(target);
    // As the app makes it: in job workers, two side by side, the copy made in the data folder.
    const backups = await backupInWorkers({
      dbPath,
      dbKey,
      slotsPath: slots,
      targetDir: target,
      copyDir: dir,
      resourcesDir: resolve(__dirname, '../../resources'),
    });
    let bytes = 0;
    const stageTimes: Record<string, number>[] = [];
    const backupFigure = await measure(
      `backup + verify (${label})`,
      3,
      async () => {
        const { made, stages } = await backups.make();
        bytes = made.bytes;
        stageTimes.push(stages);
      },
      { warmup: 0 },
    );
    await backups.stop();
    const stageNote = Object.entries(stageTimes.at(-1) ?? {})
      .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`)
      .join(', ');
    backupFigure.note = `${(bytes / 1e6).toFixed(1)} MB, ${(bytes / 1e6 / (backupFigure.p50 / 1000)).toFixed(1)} MB/s; last run: ${stageNote}`;
    figures.push(backupFigure);
    // The database file (and its write-ahead log) against the backup of the same records.
    const dbBytes = withLog();
    const ratio = Math.round((dbBytes / bytes) * 100) / 100;
    figures.push({
      name: `database file over its backup file (${label})`,
      unit: 'ratio',
      p50: ratio,
      p95: ratio,
      n: 1,
      note: `${(dbBytes / 1e6).toFixed(0)} MB with its log / ${(bytes / 1e6).toFixed(0)} MB; after a year of daily use: npm run bench:year`,
    });
    closeDatabase(db);

    // The core's memory after an hour's mixed use, in a process of its own (nothing this one made is
    // counted), and the screens, in Chromium, on the same database: both need the build.
    const built =
      existsSync(join(__dirname, '../../out/renderer/index.html')) &&
      existsSync(join(__dirname, '../../out/main/coreWorker.js'));
    if (built) figures.push(...(await memoryFigures(dir, { name: 'Bench Admin', password }, label)));
    let chromium = true;
    try {
      chromiumPath();
    } catch {
      chromium = false;
    }
    if (chromium && built) figures.push(...(await rendererFigures(dir, { name: 'Bench Admin', password }, label)));
    else
      console.error(
        'Chromium or the build (npm run build) is missing: the screen timings (and without the build, the memory) are left out.',
      );

    // Last, as it makes the records gigabytes bigger: documents on file, and a backup that holds them.
    const withDocuments = openDatabase(dbPath, dbKey);
    try {
      figures.push(
        ...(await documentFigures({
          db: withDocuments,
          dir,
          dbPath,
          dbKey,
          slotsPath: slots,
          resourcesDir: resolve(__dirname, '../../resources'),
          clients,
          label,
        })),
      );
    } finally {
      closeDatabase(withDocuments);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report(figures);
}

void main();
