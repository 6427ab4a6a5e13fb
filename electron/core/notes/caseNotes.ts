import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { CaseNote, caseNoteInputSchema, CaseNoteVersion } from '../../../shared/domain/caseNote';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { caseNotes, caseNoteVersions, users } from '../db/schema';
import { checkGoalOfClient } from '../plans/plans';
import { refuseIfChanged } from '../db/versions';

type NoteValues = z.output<typeof caseNoteInputSchema>;

/** Who reads a note: volunteers see sensitive notes only when they wrote them. */
export interface NoteReader {
  id: number;
  mayReadSensitive: boolean;
}

const writer = alias(users, 'writer');
const editor = alias(users, 'editor');

export function addCaseNote(db: Db, clientId: number, values: NoteValues, userId: number, now: Date): number {
  checkGoalOfClient(db, clientId, values.goalId, 'note.goalId');
  return db
    .insert(caseNotes)
    .values({ ...values, clientId, writtenBy: userId, createdAt: now.toISOString() })
    .returning({ id: caseNotes.id })
    .get().id;
}

/**
 * Changes a note. Nothing is overwritten silently: the note as it was is kept in `case_note_versions`
 * (administrators can read every version) and the note shows who edited it and when. Only the person
 * who wrote it, or an administrator, may change it; `version` guards against two people editing at once.
 */
export function editCaseNote(
  db: Db,
  clientId: number,
  id: number,
  version: number,
  values: NoteValues,
  user: { id: number; isAdmin: boolean },
  now: Date,
): number {
  const old = db.select().from(caseNotes).where(eq(caseNotes.id, id)).get();
  // A note of another client is, from this client's record, no note at all.
  if (!old || old.clientId !== clientId) throw new CasebookError('NOT_FOUND', 'No such case note for this client');
  if (!user.isAdmin && old.writtenBy !== user.id)
    throw new CasebookError('FORBIDDEN', 'Only the writer of a note or an administrator can change it');
  checkGoalOfClient(db, old.clientId, values.goalId, 'note.goalId');
  const at = now.toISOString();
  const res = db
    .update(caseNotes)
    .set({ ...values, editedBy: user.id, editedAt: at, version: sql`${caseNotes.version} + 1` })
    .where(and(eq(caseNotes.id, id), eq(caseNotes.version, version)))
    .run();
  refuseIfChanged(res.changes > 0, 'case note');
  db.insert(caseNoteVersions)
    .values({
      noteId: id,
      clientId: old.clientId,
      version: old.version,
      occurredAt: old.occurredAt,
      kind: old.kind,
      durationMinutes: old.durationMinutes,
      present: old.present,
      body: old.body,
      goalId: old.goalId,
      sensitive: old.sensitive,
      writtenBy: old.version === 1 ? old.writtenBy : old.editedBy,
      replacedBy: user.id,
      replacedAt: at,
    })
    .run();
  return old.clientId;
}

/** Notes by id, with what this reader may see: a sensitive note's text is withheld from volunteers (unless theirs). */
export function readCaseNotes(db: ReadDb, ids: number[], reader: NoteReader): CaseNote[] {
  if (ids.length === 0) return [];
  const rows = db
    .select({
      id: caseNotes.id,
      clientId: caseNotes.clientId,
      occurredAt: caseNotes.occurredAt,
      kind: caseNotes.kind,
      durationMinutes: caseNotes.durationMinutes,
      present: caseNotes.present,
      body: caseNotes.body,
      goalId: caseNotes.goalId,
      sensitive: caseNotes.sensitive,
      writtenBy: caseNotes.writtenBy,
      writtenByName: writer.name,
      createdAt: caseNotes.createdAt,
      editedAt: caseNotes.editedAt,
      editedByName: editor.name,
      version: caseNotes.version,
    })
    .from(caseNotes)
    .leftJoin(writer, eq(writer.id, caseNotes.writtenBy))
    .leftJoin(editor, eq(editor.id, caseNotes.editedBy))
    .where(inArray(caseNotes.id, ids))
    .all();
  return rows.map((n) => {
    const withheld = n.sensitive && !reader.mayReadSensitive && n.writtenBy !== reader.id;
    return { ...n, withheld, body: withheld ? null : n.body, present: withheld ? null : n.present };
  });
}

export function requireCaseNote(db: ReadDb, id: number, reader: NoteReader): CaseNote {
  const note = readCaseNotes(db, [id], reader)[0];
  if (!note) throw new CasebookError('NOT_FOUND', 'No such case note');
  return note;
}

/** Every earlier version of a note, newest first (for administrators). */
export function noteVersions(db: Db, id: number): CaseNoteVersion[] {
  return db
    .select({
      version: caseNoteVersions.version,
      occurredAt: caseNoteVersions.occurredAt,
      kind: caseNoteVersions.kind,
      durationMinutes: caseNoteVersions.durationMinutes,
      present: caseNoteVersions.present,
      body: caseNoteVersions.body,
      goalId: caseNoteVersions.goalId,
      sensitive: caseNoteVersions.sensitive,
      writtenByName: writer.name,
      replacedAt: caseNoteVersions.replacedAt,
    })
    .from(caseNoteVersions)
    .leftJoin(writer, eq(writer.id, caseNoteVersions.writtenBy))
    .where(eq(caseNoteVersions.noteId, id))
    .orderBy(desc(caseNoteVersions.version))
    .all();
}
