import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../electron/core/db/database';
import { addDocument, documentContent } from '../../electron/core/documents/documents';
import { readDocumentFile, sha256Of } from '../../electron/core/documents/file';
import { backupInWorkers } from './backup';
import { measure, type Figure } from './stats';

const MB = 1_000_000;

/** A scan as a scanner writes it: a PDF header and 10 MB of bytes that do not compress (as JPEG pages do not). */
function scan(bytes: number): Buffer {
  const file = randomBytes(bytes);
  file.write('%PDF-1.7\n', 0, 'latin1');
  return file;
}

/**
 * Documents on file at the size of a charity that keeps its paper in Casebook: adding a 10 MB scan
 * (read, hashed, stored in one transaction), opening it (the bytes the window draws), and a backup
 * with `totalBytes` of documents (2 GB unless BENCH_DOCUMENT_BYTES says otherwise) beside the
 * clients already generated.
 */
export async function documentFigures(o: {
  db: Db;
  dir: string;
  dbPath: string;
  dbKey: Buffer;
  slotsPath: string;
  resourcesDir: string;
  clients: number;
  label: string;
}): Promise<Figure[]> {
  const figures: Figure[] = [];
  const { db } = o;
  const drop = join(o.dir, 'dropped');
  mkdirSync(drop, { recursive: true });
  const path = join(drop, 'scan.pdf');
  const ten = scan(10 * MB);
  const details = { kind: 'letterReceived' as const, title: 'Scanned letter', documentDate: null, link: null };
  let n = 0;
  let lastId = 0;
  const userId = db.get<{ id: number }>(sql`SELECT id FROM users ORDER BY id LIMIT 1`)?.id ?? null;
  figures.push(
    await measure(
      `add a 10 MB document (read, hash, store; ${o.label})`,
      10,
      () => {
        // Each a different file, as each scan is (the same file twice is recognised and not stored).
        ten.writeUInt32BE(++n, ten.length - 4);
        writeFileSync(path, ten);
        const file = readDocumentFile(path);
        lastId = db.$client.transaction(() =>
          addDocument(db, 1 + (n % o.clients), details, file, userId!, new Date()),
        )().id;
      },
      { note: 'from a file on disk to a committed transaction, in the core' },
    ),
  );
  figures.push(
    await measure(`open a 10 MB document (${o.label})`, 20, () => documentContent(db, lastId), {
      note: 'read from the records and sent as the window receives it (base64)',
    }),
  );

  // Fill up to the total with 10 MB files spread over the clients, then back up as the app does.
  const totalBytes = Number(process.env['BENCH_DOCUMENT_BYTES'] ?? 2_000 * MB);
  const have = () => db.get<{ b: number }>(sql`SELECT coalesce(sum(size), 0) AS b FROM document_contents`)?.b ?? 0;
  const started = Date.now();
  while (have() < totalBytes) {
    db.$client.transaction(() => {
      for (let i = 0; i < 10 && have() < totalBytes; i++) {
        const bytes = scan(10 * MB);
        addDocument(
          db,
          1 + Math.floor(Math.random() * o.clients),
          details,
          { fileName: 'scan.pdf', bytes, sha256: sha256Of(bytes), mime: 'application/pdf', view: 'pdf' },
          userId!,
          new Date(),
        );
      }
    })();
  }
  console.error(
    `stored ${(have() / MB).toFixed(0)} MB of documents in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const target = join(o.dir, 'usb-documents');
  mkdirSync(target);
  const backups = await backupInWorkers({
    dbPath: o.dbPath,
    dbKey: o.dbKey,
    slotsPath: o.slotsPath,
    targetDir: target,
    copyDir: o.dir,
    resourcesDir: o.resourcesDir,
  });
  let note = '';
  const figure = await measure(
    `backup + verify with ${(totalBytes / 1e9).toFixed(1)} GB of documents (${o.label})`,
    1,
    async () => {
      const { made, stages } = await backups.make();
      const stageNote = Object.entries(stages)
        .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`)
        .join(', ');
      note = `${(made.bytes / MB).toFixed(0)} MB backup; ${stageNote}`;
    },
    { warmup: 0 },
  );
  await backups.stop();
  figure.note = note;
  figures.push(figure);
  rmSync(target, { recursive: true, force: true });
  rmSync(drop, { recursive: true, force: true });
  return figures;
}
