import { CasebookError } from '../../../shared/result';
import type { Work } from '../domain';
import { fold } from '../clients/folding';
import { changeStatus, requireClient } from '../clients/queries';
import { localToday } from '../../../shared/clock';
import type { Handlers } from '../rpc';
import { anonymiseClientRows, eraseClientRows } from './erasure';
import { appendErasure } from './journal';
import { savedFilesNaming } from '../savedFiles/savedFiles';

export function erasureHandlers(cb: Work): Pick<Handlers, 'erasure.eraseClient' | 'erasure.savedFiles'> {
  return {
    'erasure.savedFiles': ({ clientId }) =>
      cb.read((db) => {
        requireClient(db, clientId);
        return savedFilesNaming(db, clientId);
      }),
    /**
     * Erases or anonymises one client in one transaction. The erasure is written to the journal
     * beside the database before the transaction ends, so a backup restored later has it applied
     * again; the audit trail keeps who, when, the reference, the choice and the reason, nothing more.
     */
    'erasure.eraseClient': ({ id, mode, reason, confirmation, closeCase, keepDocumentsBecause }) => {
      const keepDocuments = mode === 'anonymise' && keepDocumentsBecause !== null;
      const result = cb.write((db, s) => {
        const c = requireClient(db, id);
        if (fold(confirmation.replace(/\s/g, '')) !== fold(c.reference))
          throw new CasebookError('BAD_INPUT', 'The reference typed does not match', {
            fields: { confirmation: 'confirmationMismatch' },
          });
        if (mode === 'erase') eraseClientRows(db, id);
        else {
          // Nobody is supported under a record that no longer says who they are: the case closes.
          if (closeCase && c.status !== 'closed')
            changeStatus(
              db,
              id,
              c.version,
              { status: 'closed', on: localToday(cb.now()), reason: 'anonymised', note: null },
              s.user.id,
              cb.now(),
            );
          anonymiseClientRows(db, id, cb.now(), { keepDocuments });
        }
        cb.audit(db, s, mode === 'erase' ? 'client.erased' : 'client.anonymised', {
          clientId: id,
          detail: {
            reference: c.reference,
            reason,
            ...(keepDocuments ? { documentsKeptBecause: keepDocumentsBecause } : {}),
          },
        });
        appendErasure(cb.paths.erasureJournal, s.dbKey, {
          at: cb.now().toISOString(),
          clientId: id,
          reference: c.reference,
          mode,
          ...(keepDocuments ? { keepDocuments } : {}),
        });
        return { reference: c.reference, mode };
      });
      // Old pages of the record leave the write-ahead log too.
      cb.read((db) => db.$client.pragma('wal_checkpoint(TRUNCATE)'));
      return result;
    },
  };
}
