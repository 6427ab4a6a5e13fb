import type { Job, JobContext } from '../jobs/context';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { documentBytes } from '../documents/documents';
import { writeFilesAtomic, type FileData } from '../storage/files';
import { gatherAccessPack } from './pack';
import { renderAccessPackPdf } from './packPdf';

export interface AccessPackInput {
  clientId: number;
  who: { id: number; name: string };
  nowIso: string;
  today: string;
  receivedOn: string;
  language: string;
}

/** Gathers everything held about the person and draws the readable PDF of it. */
async function drawAccessPack(ctx: JobContext, i: AccessPackInput) {
  ctx.step('gathering', 0);
  const now = new Date(i.nowIso);
  const pack = gatherAccessPack(ctx.records(), i.clientId, i.who, now, i.today);
  ctx.step('drawing', 0.2);
  const pdf = await renderAccessPackPdf(ctx.resourcesDir, pack, i.receivedOn, i.language, now, (done, total) =>
    ctx.step('drawing', 0.2 + (0.7 * done) / total),
  );
  return { pack, pdf };
}

/** The subject access pack: everything held about the person, as a readable PDF and as JSON. */
export const accessJobs = {
  /**
   * Gathers, draws and writes the pack: the PDF, the JSON and, in a folder beside them, a copy of
   * each document on file. All whole or none.
   */
  writeAccessPack: (async (ctx, i) => {
    const { pack, pdf } = await drawAccessPack(ctx, i);
    ctx.step('saving', 0.9);
    const documents: [string, FileData][] = pack.documents.map((d) => [
      join(i.documentsDir, d.fileInPack),
      documentBytes(ctx.records(), d.id),
    ]);
    if (documents.length) mkdirSync(i.documentsDir, { recursive: true });
    writeFilesAtomic([...documents, [i.jsonPath, JSON.stringify(pack, null, 2)], [i.pdfPath, pdf]]);
    return { documentPaths: documents.map(([path]) => path) };
  }) as Job<AccessPackInput & { pdfPath: string; jsonPath: string; documentsDir: string }, { documentPaths: string[] }>,

  /** The readable PDF alone, for the print dialog. */
  drawAccessPackPdf: (async (ctx, i) => (await drawAccessPack(ctx, i)).pdf) as Job<AccessPackInput, Uint8Array>,
};
