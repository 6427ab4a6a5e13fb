import type { Records, SignedIn } from '../domain';
import { CasebookError } from '../../../shared/result';
import { requireClient } from '../clients/queries';
import { readerOf } from '../clients/record';
import { fillAskedWith } from '../customFields/forms';
import type { Handlers } from '../rpc';
import { setOutcome } from '../diary/appointments';
import { addCaseNote, editCaseNote, noteVersions, requireCaseNote, type NoteReader } from './caseNotes';

export const noteReader = (s: SignedIn): NoteReader => readerOf(s);

export function noteHandlers(cb: Records): Pick<Handlers, 'notes.save' | 'notes.get' | 'notes.history'> {
  return {
    'notes.save': ({ clientId, target, note, answers, appointmentId }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        // The questions asked with notes of its kind are answered by the note's writer, dated with it.
        const askWith = (id: number) =>
          fillAskedWith(
            db,
            { kind: 'caseNote', clientId, caseNoteId: id, noteKind: note.kind, on: note.occurredAt.slice(0, 10) },
            answers,
            readerOf(s),
            cb.now(),
          );
        if (target) {
          editCaseNote(
            db,
            clientId,
            target.id,
            target.version,
            note,
            { id: s.user.id, isAdmin: s.user.role === 'admin' },
            cb.now(),
          );
          askWith(target.id);
          cb.audit(db, s, 'note.changed', { clientId, detail: { noteId: target.id, version: target.version + 1 } });
          return requireCaseNote(db, target.id, noteReader(s));
        }
        const id = addCaseNote(db, clientId, note, s.user.id, cb.now());
        askWith(id);
        cb.audit(db, s, 'note.added', { clientId, detail: { noteId: id, sensitive: note.sensitive } });
        if (appointmentId !== null) {
          setOutcome(db, { id: appointmentId, clientId, outcome: 'attended', noteId: id }, s.user.id, cb.now());
          cb.audit(db, s, 'appointment.outcome', {
            clientId,
            detail: { appointmentId, outcome: 'attended', noteId: id },
          });
        }
        return requireCaseNote(db, id, noteReader(s));
      }),
    'notes.get': ({ id }) => cb.read((db, s) => requireCaseNote(db, id, noteReader(s))),
    'notes.history': ({ id }) =>
      cb.write((db, s) => {
        const note = requireCaseNote(db, id, noteReader(s));
        if (s.user.role !== 'admin' && note.writtenBy !== s.user.id)
          throw new CasebookError(
            'FORBIDDEN',
            'Only the writer of a note or an administrator can see its earlier versions',
          );
        cb.audit(db, s, 'note.historyViewed', { clientId: note.clientId, detail: { noteId: id } });
        return { note, versions: noteVersions(db, id) };
      }),
  };
}
