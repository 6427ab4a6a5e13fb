import { and, desc, eq, sql } from 'drizzle-orm';
import type {
  ClientDocument,
  ClientDocuments,
  DocumentContent,
  DocumentDetails,
  DocumentLinkKind,
} from '../../../shared/domain/document';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import {
  agencies,
  caseNotes,
  documentContents,
  documents,
  eligibilityChecks,
  eligibilityServices,
  letters,
  referrals,
  users,
} from '../db/schema';
import { refuseIfChanged } from '../db/versions';
import type { FileTakenIn } from './file';

const columns = {
  id: documents.id,
  clientId: documents.clientId,
  kind: documents.kind,
  title: documents.title,
  documentDate: documents.documentDate,
  fileName: documents.fileName,
  mime: documents.mime,
  view: documents.view,
  bytes: documentContents.size,
  addedAt: documents.addedAt,
  addedByName: users.name,
  caseNoteId: documents.caseNoteId,
  referralId: documents.referralId,
  letterId: documents.letterId,
  eligibilityCheckId: documents.eligibilityCheckId,
  serviceName: eligibilityServices.name,
  serviceNamePl: eligibilityServices.namePl,
  checkedOn: eligibilityChecks.checkedOn,
  noteOn: caseNotes.occurredAt,
  agencyName: agencies.name,
  letterName: letters.templateName,
  letterOn: letters.letterDate,
  version: documents.version,
};

function selectDocuments(db: ReadDb) {
  return db
    .select(columns)
    .from(documents)
    .innerJoin(documentContents, eq(documentContents.id, documents.contentId))
    .leftJoin(users, eq(users.id, documents.addedBy))
    .leftJoin(caseNotes, eq(caseNotes.id, documents.caseNoteId))
    .leftJoin(referrals, eq(referrals.id, documents.referralId))
    .leftJoin(agencies, eq(agencies.id, referrals.agencyId))
    .leftJoin(letters, eq(letters.id, documents.letterId))
    .leftJoin(eligibilityChecks, eq(eligibilityChecks.id, documents.eligibilityCheckId))
    .leftJoin(eligibilityServices, eq(eligibilityServices.id, eligibilityChecks.serviceId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectDocuments>['all']>>[number];

/** The link as the window names it: the note's date, the agency referred to, the letter's name and date. */
function shaped(r: Row): ClientDocument {
  const {
    caseNoteId,
    referralId,
    letterId,
    eligibilityCheckId,
    noteOn,
    agencyName,
    letterName,
    letterOn,
    serviceName,
    serviceNamePl,
    checkedOn,
    ...rest
  } = r;
  const link =
    caseNoteId !== null
      ? { kind: 'caseNote' as const, id: caseNoteId, label: '', on: noteOn?.slice(0, 10) ?? null }
      : referralId !== null
        ? { kind: 'referral' as const, id: referralId, label: agencyName ?? '', on: null }
        : letterId !== null
          ? { kind: 'letter' as const, id: letterId, label: letterName ?? '', on: letterOn }
          : eligibilityCheckId !== null
            ? {
                kind: 'eligibilityCheck' as const,
                id: eligibilityCheckId,
                label: serviceName ?? '',
                labelPl: serviceNamePl,
                on: checkedOn,
              }
            : null;
  return { ...rest, link };
}

export function listDocuments(db: ReadDb, clientId: number): ClientDocuments {
  const items = selectDocuments(db)
    .where(eq(documents.clientId, clientId))
    .orderBy(desc(documents.addedAt), desc(documents.id))
    .all()
    .map(shaped);
  return { items, totalBytes: items.reduce((n, d) => n + d.bytes, 0) };
}

export function getDocument(db: ReadDb, id: number): ClientDocument {
  const row = selectDocuments(db).where(eq(documents.id, id)).get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such document');
  return shaped(row);
}

const LINK_TABLES = {
  caseNote: caseNotes,
  referral: referrals,
  letter: letters,
  eligibilityCheck: eligibilityChecks,
} as const;

/** The link's columns; refused when the record is not this client's. */
function linkColumns(db: ReadDb, clientId: number, link: DocumentDetails['link']) {
  if (link) {
    const table = LINK_TABLES[link.kind as DocumentLinkKind];
    const owner = db.select({ clientId: table.clientId }).from(table).where(eq(table.id, link.id)).get();
    if (owner?.clientId !== clientId)
      throw new CasebookError('BAD_INPUT', 'The linked record is not this client’s', { fields: { link: 'invalid' } });
  }
  return {
    caseNoteId: link?.kind === 'caseNote' ? link.id : null,
    referralId: link?.kind === 'referral' ? link.id : null,
    letterId: link?.kind === 'letter' ? link.id : null,
    eligibilityCheckId: link?.kind === 'eligibilityCheck' ? link.id : null,
  };
}

/**
 * Files a document on a client. The bytes are stored once per distinct file: a file already stored
 * (for anyone) is used again. The same file already on this client's file is not added twice: the
 * answer is the document already there.
 */
export function addDocument(
  db: Db,
  clientId: number,
  details: DocumentDetails,
  file: FileTakenIn,
  userId: number,
  now: Date,
): { id: number; alreadyOnFile: boolean } {
  const stored = db
    .select({ id: documentContents.id })
    .from(documentContents)
    .where(eq(documentContents.sha256, file.sha256))
    .get();
  if (stored) {
    const same = db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.clientId, clientId), eq(documents.contentId, stored.id)))
      .get();
    if (same) return { id: same.id, alreadyOnFile: true };
  }
  const contentId =
    stored?.id ??
    db
      .insert(documentContents)
      .values({ sha256: file.sha256, size: file.bytes.length, bytes: file.bytes })
      .returning({ id: documentContents.id })
      .get().id;
  const at = now.toISOString();
  const id = db
    .insert(documents)
    .values({
      clientId,
      contentId,
      kind: details.kind,
      title: details.title,
      documentDate: details.documentDate,
      fileName: file.fileName,
      mime: file.mime,
      view: file.view,
      ...linkColumns(db, clientId, details.link),
      addedAt: at,
      addedBy: userId,
      updatedAt: at,
    })
    .returning({ id: documents.id })
    .get().id;
  return { id, alreadyOnFile: false };
}

export function updateDocument(db: Db, id: number, version: number, details: DocumentDetails, now: Date): void {
  const { clientId } = getDocument(db, id);
  const res = db
    .update(documents)
    .set({
      kind: details.kind,
      title: details.title,
      documentDate: details.documentDate,
      ...linkColumns(db, clientId, details.link),
      updatedAt: now.toISOString(),
      version: sql`${documents.version} + 1`,
    })
    .where(and(eq(documents.id, id), eq(documents.version, version)))
    .run();
  refuseIfChanged(res.changes === 1, 'document');
}

/** Deletes a document; its bytes go with it unless another document holds the same file (migration 20). */
export function deleteDocument(db: Db, id: number, version: number): ClientDocument {
  const doc = getDocument(db, id);
  refuseIfChanged(doc.version === version, 'document');
  db.delete(documents).where(eq(documents.id, id)).run();
  return doc;
}

/** A document's bytes. */
export function documentBytes(db: ReadDb, id: number): Buffer {
  const row = db
    .select({ bytes: documentContents.bytes })
    .from(documents)
    .innerJoin(documentContents, eq(documentContents.id, documents.contentId))
    .where(eq(documents.id, id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such document');
  return row.bytes;
}

export function documentSha256(db: ReadDb, id: number): string {
  const row = db
    .select({ sha256: documentContents.sha256 })
    .from(documents)
    .innerJoin(documentContents, eq(documentContents.id, documents.contentId))
    .where(eq(documents.id, id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such document');
  return row.sha256;
}

export function documentContent(db: ReadDb, id: number): DocumentContent {
  const d = getDocument(db, id);
  return { id, title: d.title, mime: d.mime, view: d.view, base64: documentBytes(db, id).toString('base64') };
}

/** What all documents add to the records (and so to every backup): distinct files, counted once. */
export function documentsTotal(db: ReadDb): { documents: number; bytes: number } {
  const r = db.get<{ documents: number; bytes: number }>(
    sql`SELECT (SELECT count(*) FROM documents) AS documents, (SELECT coalesce(sum(size), 0) FROM document_contents) AS bytes`,
  );
  return { documents: r?.documents ?? 0, bytes: r?.bytes ?? 0 };
}
