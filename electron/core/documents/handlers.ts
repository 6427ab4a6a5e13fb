import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { DOCUMENT_FILE_ENDINGS, fileEnding } from '../../../shared/domain/document';
import { createTranslator } from '../../../shared/i18n';
import { CasebookError } from '../../../shared/result';
import { requireClient } from '../clients/queries';
import type { Records } from '../domain';
import type { Handlers } from '../rpc';
import { rememberSavedFile } from '../savedFiles/savedFiles';
import { askWhereToSave, fileError, writeFileAtomic } from '../storage/files';
import {
  addDocument,
  deleteDocument,
  documentBytes,
  documentContent,
  documentSha256,
  getDocument,
  listDocuments,
  updateDocument,
} from './documents';
import { readDocumentFile, stillHolds } from './file';
import { inboxPath, readInbox, scannerFolder, setScannerFolder } from './inbox';

type DocumentChannels =
  | 'documents.forClient'
  | 'documents.chooseFiles'
  | 'documents.add'
  | 'documents.update'
  | 'documents.open'
  | 'documents.saveCopy'
  | 'documents.remove'
  | 'documents.deleteOriginal'
  | 'documents.inbox'
  | 'documents.setScannerFolder'
  | 'documents.inboxView'
  | 'documents.fileFromInbox';

export function documentHandlers(cb: Records): Pick<Handlers, DocumentChannels> {
  const t = () => createTranslator(cb.language()).t;
  return {
    'documents.forClient': ({ clientId }) =>
      cb.read((db) => {
        requireClient(db, clientId);
        return listDocuments(db, clientId);
      }),

    'documents.chooseFiles': async () => {
      const paths = await cb.platform.chooseFiles({
        title: t()('documents.chooseTitle'),
        filters: [{ name: t()('documents.fileFilter'), extensions: DOCUMENT_FILE_ENDINGS }],
      });
      return { paths };
    },

    'documents.add': ({ clientId, path, ...details }) => {
      // Read (and hashed) before the transaction: a 25 MB scan does not hold the records meanwhile.
      const file = readDocumentFile(path);
      return cb.write((db, s) => {
        requireClient(db, clientId);
        const { id, alreadyOnFile } = addDocument(db, clientId, details, file, s.user.id, cb.now());
        if (!alreadyOnFile)
          cb.audit(db, s, 'document.added', {
            clientId,
            detail: { documentId: id, kind: details.kind, bytes: file.bytes.length },
          });
        return { document: getDocument(db, id), alreadyOnFile };
      });
    },

    'documents.update': ({ id, version, ...details }) =>
      cb.write((db, s) => {
        updateDocument(db, id, version, details, cb.now());
        const doc = getDocument(db, id);
        cb.audit(db, s, 'document.changed', { clientId: doc.clientId, detail: { documentId: id, kind: doc.kind } });
        return doc;
      }),

    'documents.open': ({ id }) =>
      cb.write((db, s) => {
        const content = documentContent(db, id);
        cb.audit(db, s, 'document.opened', { clientId: getDocument(db, id).clientId, detail: { documentId: id } });
        return content;
      }),

    'documents.saveCopy': async ({ id }) => {
      const doc = cb.read((db) => getDocument(db, id));
      const ending = fileEnding(doc.fileName);
      const path = await askWhereToSave(cb.platform, {
        title: t()('documents.saveCopyTitle'),
        defaultName: doc.fileName,
        filters: ending ? [{ name: ending.toUpperCase(), extensions: [ending] }] : [],
      });
      const bytes = cb.read((db) => documentBytes(db, id));
      try {
        writeFileAtomic(path, bytes);
      } catch (err) {
        fileError(err, basename(path));
      }
      cb.write((db, s) => {
        cb.audit(db, s, 'document.copied', { clientId: doc.clientId, detail: { documentId: id } });
        rememberSavedFile(db, 'document', [path], [doc.clientId], s.user.id, cb.now());
      });
      return { path };
    },

    'documents.remove': ({ id, version }) =>
      cb.write((db, s) => {
        const doc = deleteDocument(db, id, version);
        cb.audit(db, s, 'document.deleted', { clientId: doc.clientId, detail: { documentId: id, kind: doc.kind } });
        return listDocuments(db, doc.clientId);
      }),

    'documents.inbox': () => readInbox(cb.read((db) => scannerFolder(db))),

    'documents.setScannerFolder': async ({ choose }) => {
      const folder = choose ? await cb.platform.chooseFolder({ title: t()('inbox.chooseFolder') }) : null;
      if (choose && !folder) throw new CasebookError('CANCELLED', 'No folder was chosen');
      cb.write((db, s) => {
        setScannerFolder(db, folder);
        cb.audit(db, s, 'settings.changed', { detail: { fields: ['scannerFolder'] } });
      });
      return readInbox(folder);
    },

    /** A file in the inbox, to look at before filing it (it is not a client's record yet). */
    'documents.inboxView': ({ name }) => {
      const file = readDocumentFile(
        inboxPath(
          cb.read((db) => scannerFolder(db)),
          name,
        ),
      );
      return { name, mime: file.mime, view: file.view, base64: file.bytes.toString('base64') };
    },

    /** Files a scanned document against a client, then removes it from the scanner's folder. */
    'documents.fileFromInbox': ({ clientId, name, ...details }) => {
      const path = inboxPath(
        cb.read((db) => scannerFolder(db)),
        name,
      );
      const file = readDocumentFile(path);
      const added = cb.write((db, s) => {
        requireClient(db, clientId);
        const { id, alreadyOnFile } = addDocument(db, clientId, details, file, s.user.id, cb.now());
        if (!alreadyOnFile)
          cb.audit(db, s, 'document.added', {
            clientId,
            detail: { documentId: id, kind: details.kind, bytes: file.bytes.length, fromScanner: true },
          });
        return { document: getDocument(db, id), alreadyOnFile };
      });
      // On file (committed) first, then out of the folder: only a file still holding the same bytes.
      try {
        if (stillHolds(path, file.sha256)) rmSync(path);
      } catch {
        // Already gone, or the folder went away: the document is on file either way.
      }
      return added;
    },

    /**
     * Deletes the file a document was taken in from, at the person's request: only when that file
     * still holds exactly the document's bytes, so nothing but a copy already inside Casebook goes.
     */
    'documents.deleteOriginal': ({ id, path }) => {
      const { sha256, clientId } = cb.read((db) => ({
        sha256: documentSha256(db, id),
        clientId: getDocument(db, id).clientId,
      }));
      let same: boolean;
      try {
        same = stillHolds(path, sha256);
      } catch {
        throw new CasebookError('BAD_INPUT', 'The original file is not there', { fields: { file: 'originalGone' } });
      }
      if (!same)
        throw new CasebookError('BAD_INPUT', 'The file is not the same as the document', {
          fields: { file: 'originalChanged' },
        });
      try {
        rmSync(path);
      } catch (err) {
        fileError(err, basename(path));
      }
      cb.write((db, s) => cb.audit(db, s, 'document.originalDeleted', { clientId, detail: { documentId: id } }));
      return { deleted: true as const };
    },
  };
}
