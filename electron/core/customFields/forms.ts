import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isBlank, type AnswerInput, type AnswerValue, type ClientAnswer } from '../../../shared/domain/customField';
import {
  FORMS_MAX,
  isAskedWith,
  isScored,
  scoreOf,
  type Band,
  type CustomForm,
  type fillFormSchema,
  type FormEntry,
  type saveFormSchema,
} from '../../../shared/domain/customForm';
import type { CaseNoteKind } from '../../../shared/domain/caseNote';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import {
  agencies,
  assessments,
  assessmentScores,
  customFields,
  customForms,
  formAnswers,
  formEntries,
  caseNotes,
  needAreas,
  programmes,
  referrals,
  users,
} from '../db/schema';
import { refuseIfChanged } from '../db/versions';
import { answerAsAsked, checkAnswers } from './answers';
import { listFields, wordingsById } from './fields';

type SavedForm = z.output<typeof saveFormSchema>;
/** Who reads or answers: their id, and whether sensitive answers are theirs to see. */
type Reader = { id: number; mayReadSensitive: boolean };
type Filled = z.output<typeof fillFormSchema>;

/** The charity's forms in their order, retired ones only when asked for, each with its questions and uses counted. */
export function listForms(db: ReadDb, includeRetired = false): CustomForm[] {
  return db
    .select({
      form: customForms,
      // Named in full: without a join, a column of the outer table is written unqualified.
      questions: sql<number>`(SELECT count(*) FROM custom_fields f WHERE f.form_id = custom_forms.id AND f.active = 1)`,
      filled: sql<number>`(SELECT count(*) FROM form_entries e WHERE e.form_id = custom_forms.id)`,
    })
    .from(customForms)
    .where(includeRetired ? undefined : eq(customForms.active, true))
    .orderBy(asc(customForms.position), asc(customForms.id))
    .all()
    .map(({ form: f, questions, filled }) => ({
      id: f.id,
      name: f.name,
      namePl: f.namePl,
      about: f.about,
      aboutPl: f.aboutPl,
      scored: f.scored,
      areaId: f.areaId,
      bands: f.bands,
      askedWith: f.noteKind ? ('caseNote' as const) : f.askedWith,
      programmeId: f.programmeId,
      noteKind: f.noteKind,
      active: f.active,
      version: f.version,
      questions,
      filled,
    }));
}

export function requireForm(db: ReadDb, id: number): CustomForm {
  const form = listForms(db, true).find((f) => f.id === id);
  if (!form) throw new CasebookError('NOT_FOUND', 'No such form');
  return form;
}

/** Adds a form or changes its name, about, scoring and bands; its questions are saved one by one as custom fields. */
export function saveForm(db: Db, input: SavedForm, now: Date): number {
  const at = now.toISOString();
  if (input.areaId) {
    const area = db.select().from(needAreas).where(eq(needAreas.id, input.areaId)).get();
    if (!area) throw new CasebookError('BAD_INPUT', 'No such need area', { fields: { areaId: 'invalid' } });
  }
  const programmeId = input.askedWith === 'registration' ? (input.programmeId ?? null) : null;
  if (programmeId && !db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, programmeId)).get())
    throw new CasebookError('BAD_INPUT', 'No such programme', { fields: { programmeId: 'invalid' } });
  const values = {
    name: input.name,
    namePl: input.namePl ?? null,
    about: input.about ?? null,
    aboutPl: input.aboutPl ?? null,
    scored: input.scored,
    areaId: input.scored ? (input.areaId ?? null) : null,
    bands: input.scored
      ? input.bands.map((b): Band => ({
          from: b.from,
          label: b.label,
          labelPl: b.labelPl ?? null,
          outcome: input.areaId ? (b.outcome ?? null) : null,
        }))
      : [],
    askedWith: input.askedWith === 'caseNote' ? null : (input.askedWith ?? null),
    noteKind: input.askedWith === 'caseNote' ? (input.noteKind ?? null) : null,
    programmeId,
    updatedAt: at,
  };
  if (input.id) {
    requireForm(db, input.id);
    const res = db
      .update(customForms)
      .set({ ...values, version: sql`${customForms.version} + 1` })
      .where(and(eq(customForms.id, input.id), eq(customForms.version, input.version ?? -1)))
      .run();
    refuseIfChanged(res.changes === 1, 'custom form');
    return input.id;
  }
  const count = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM custom_forms WHERE active = 1`).n;
  if (count >= FORMS_MAX) throw new CasebookError('BAD_INPUT', 'Too many forms', { fields: { name: 'tooManyForms' } });
  const position = db.get<{ p: number }>(sql`SELECT coalesce(max(position), 0) + 1 AS p FROM custom_forms`).p;
  return db
    .insert(customForms)
    .values({ ...values, position, createdAt: at })
    .returning({ id: customForms.id })
    .get().id;
}

/** Retires a form (offered no more; what was filled in stays) or brings it back. */
export function setFormActive(db: Db, id: number, active: boolean, now: Date): void {
  requireForm(db, id);
  db.update(customForms)
    .set({ active, updatedAt: now.toISOString(), version: sql`${customForms.version} + 1` })
    .where(eq(customForms.id, id))
    .run();
}

/**
 * Fills a form in for a client, or changes one filled before (still at its version). The answers
 * are checked against the form's questions; on a scored form every scored question must be
 * answered. An answer left as it was keeps the wording it was given in. The total and band are
 * worked out from the points of the choices as they were offered, and kept with the entry; a band
 * that stands for a need area's score records it as an assessment of that area on the day.
 * Someone who may not read sensitive answers is not asked the sensitive questions (an answer to
 * one is refused; those given before stay as they were). A form asked with something else is
 * begun only with it (`askedWith`); what was filled in with it can be changed here.
 */
export function fillForm(
  db: Db,
  input: Filled,
  userId: number,
  now: Date,
  { mayReadSensitive, askedWith }: { mayReadSensitive: boolean; askedWith: boolean } = {
    mayReadSensitive: true,
    askedWith: false,
  },
): number {
  const at = now.toISOString();
  const form = requireForm(db, input.formId);
  let entryId: number;
  const existing = new Map<number, { wordingId: number; value: AnswerValue }>();
  let assessmentId: number | null = null;
  let filledOn = input.filledOn;
  if (input.entry) {
    const old = db
      .select()
      .from(formEntries)
      .where(and(eq(formEntries.id, input.entry.id), eq(formEntries.clientId, input.clientId)))
      .get();
    if (!old || old.formId !== form.id) throw new CasebookError('NOT_FOUND', 'No such filled form');
    // Filled in with a note or a registration, it is dated with it: changed only with it.
    if (!askedWith && (old.caseNoteId !== null || old.programmeId !== null)) filledOn = old.filledOn;
    const res = db
      .update(formEntries)
      .set({ filledOn, updatedAt: at, version: sql`${formEntries.version} + 1` })
      .where(and(eq(formEntries.id, old.id), eq(formEntries.version, input.entry.version)))
      .run();
    refuseIfChanged(res.changes === 1, 'filled form');
    entryId = old.id;
    assessmentId = old.assessmentId;
    for (const a of db.select().from(formAnswers).where(eq(formAnswers.entryId, entryId)).all())
      existing.set(a.fieldId, a);
  } else {
    if (!form.active) throw new CasebookError('BAD_INPUT', 'Form retired', { fields: { formId: 'formRetired' } });
    if (form.askedWith && !askedWith)
      throw new CasebookError('BAD_INPUT', 'Form asked with something else', { fields: { formId: 'formAskedWith' } });
    entryId = db
      .insert(formEntries)
      .values({
        clientId: input.clientId,
        formId: form.id,
        filledOn: input.filledOn,
        filledBy: userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: formEntries.id })
      .get().id;
  }
  const fields = questionsAsked(db, form, true, mayReadSensitive);
  const checked = checkAnswers(fields, input.answers, 'record', (id) => existing.has(id));
  for (const { field, value } of checked) {
    const old = existing.get(field.id);
    const where = and(eq(formAnswers.entryId, entryId), eq(formAnswers.fieldId, field.id));
    if (isBlank(value)) {
      if (old) db.delete(formAnswers).where(where).run();
      continue;
    }
    if (old && JSON.stringify(old.value) === JSON.stringify(value)) continue;
    const row = { wordingId: field.wordingId, value };
    db.insert(formAnswers)
      .values({ entryId, fieldId: field.id, ...row })
      .onConflictDoUpdate({ target: [formAnswers.entryId, formAnswers.fieldId], set: row })
      .run();
  }
  if (form.scored) {
    const { score, band } = scoreEntry(db, entryId, form.bands);
    db.update(formEntries).set({ score, band }).where(eq(formEntries.id, entryId)).run();
    assessmentId = feedArea(db, form, { entryId, assessmentId, clientId: input.clientId }, band, filledOn, userId, at);
    db.update(formEntries).set({ assessmentId }).where(eq(formEntries.id, entryId)).run();
  }
  return entryId;
}

/**
 * A form's questions as they are asked of this person: on a scored form every scored question must
 * be answered; sensitive ones only of those who may read them.
 */
function questionsAsked(db: ReadDb, form: CustomForm, includeRetired: boolean, mayReadSensitive: boolean) {
  return listFields(db, includeRetired, form.id)
    .filter((f) => mayReadSensitive || !f.sensitive)
    .map((f) => (form.scored && isScored(f) ? { ...f, required: true } : f));
}

/** An entry's total, from the points each answer's choice had in the words it was given in. */
function scoreEntry(db: ReadDb, entryId: number, bands: Band[]) {
  const rows = db
    .select({
      fieldId: formAnswers.fieldId,
      wordingId: formAnswers.wordingId,
      value: formAnswers.value,
      type: customFields.type,
    })
    .from(formAnswers)
    .innerJoin(customFields, eq(customFields.id, formAnswers.fieldId))
    .where(eq(formAnswers.entryId, entryId))
    .all();
  const wordings = wordingsById(
    db,
    rows.map((r) => r.wordingId),
  );
  return scoreOf(
    rows.map((r) => ({ id: r.fieldId, type: r.type, choices: wordings.get(r.wordingId)?.choices ?? [] })),
    rows,
    bands,
  );
}

/**
 * A band that stands for a score on the form's need area records that score as an assessment on the
 * day the form was filled in (changed with the form; removed if the total no longer reaches such a
 * band). A retired area gains no new score. Gives the assessment's id, or null.
 */
function feedArea(
  db: Db,
  form: CustomForm,
  e: { entryId: number; assessmentId: number | null; clientId: number },
  band: Band | null,
  filledOn: string,
  userId: number,
  at: string,
): number | null {
  const area = form.areaId ? db.select().from(needAreas).where(eq(needAreas.id, form.areaId)).get() : undefined;
  const outcome = area && band?.outcome != null ? band.outcome : null;
  if (outcome === null || (area?.retiredAt && e.assessmentId === null)) {
    if (e.assessmentId !== null) db.delete(assessments).where(eq(assessments.id, e.assessmentId)).run();
    return null;
  }
  let id = e.assessmentId;
  if (id === null)
    id = db
      .insert(assessments)
      .values({
        clientId: e.clientId,
        kind: 'assessment',
        assessedOn: filledOn,
        assessedBy: userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: assessments.id })
      .get().id;
  else {
    db.update(assessments)
      .set({ assessedOn: filledOn, updatedAt: at, version: sql`${assessments.version} + 1` })
      .where(eq(assessments.id, id))
      .run();
    db.delete(assessmentScores).where(eq(assessmentScores.assessmentId, id)).run();
  }
  db.insert(assessmentScores)
    .values({ assessmentId: id, areaId: area!.id, score: outcome, notes: null, strengths: null })
    .run();
  return id;
}

/**
 * A client's filled forms, newest first (or just one), each with its answers under the questions as
 * they were asked. Sensitive answers are withheld unless the reader may read them, and so is the
 * total of a form whose withheld answers it counts. A form filled in with a sensitive case note is
 * as sensitive as the note: all its answers are withheld from those who may not read the note.
 */
export function listEntries(db: ReadDb, clientId: number, reader: Reader, only?: number): FormEntry[] {
  const rows = db
    .select({
      entry: formEntries,
      form: customForms,
      byName: users.name,
      agencyName: agencies.name,
      programmeName: programmes.name,
      noteOccurredAt: caseNotes.occurredAt,
      noteSensitive: caseNotes.sensitive,
      noteWriter: caseNotes.writtenBy,
    })
    .from(formEntries)
    .innerJoin(customForms, eq(customForms.id, formEntries.formId))
    .leftJoin(users, eq(users.id, formEntries.filledBy))
    .leftJoin(referrals, eq(referrals.id, formEntries.referralId))
    .leftJoin(agencies, eq(agencies.id, referrals.agencyId))
    .leftJoin(programmes, eq(programmes.id, formEntries.programmeId))
    .leftJoin(caseNotes, eq(caseNotes.id, formEntries.caseNoteId))
    .where(and(eq(formEntries.clientId, clientId), only === undefined ? undefined : eq(formEntries.id, only)))
    .orderBy(desc(formEntries.filledOn), desc(formEntries.id))
    .all();
  if (!rows.length) return [];
  const answers = db
    .select({ answer: formAnswers, field: customFields })
    .from(formAnswers)
    .innerJoin(customFields, eq(customFields.id, formAnswers.fieldId))
    .where(
      inArray(
        formAnswers.entryId,
        rows.map((r) => r.entry.id),
      ),
    )
    .orderBy(asc(customFields.position), asc(customFields.id))
    .all();
  const wordings = wordingsById(
    db,
    answers.map((a) => a.answer.wordingId),
  );
  return rows.map(
    ({ entry: e, form, byName, agencyName, programmeName, noteOccurredAt, noteSensitive, noteWriter }) => {
      let scoreWithheld = false;
      // A sensitive note's answers are withheld as its words are: from those who may not read it, unless they wrote it.
      const withNote = noteSensitive === true && !reader.mayReadSensitive && noteWriter !== reader.id;
      const given: ClientAnswer[] = answers
        .filter((a) => a.answer.entryId === e.id)
        .map(({ answer: a, field: f }) => {
          const answer = answerAsAsked(
            withNote ? { ...f, sensitive: true } : f,
            a,
            wordings,
            reader.mayReadSensitive,
            e.filledOn,
          );
          if (answer.withheld && isScored({ type: f.type, choices: answer.asked.choices })) scoreWithheld = true;
          return answer;
        });
      return {
        id: e.id,
        clientId: e.clientId,
        formId: form.id,
        formName: form.name,
        formNamePl: form.namePl,
        filledOn: e.filledOn,
        filledByName: byName,
        score: scoreWithheld ? null : e.score,
        band: scoreWithheld ? null : (e.band ?? null),
        areaId: e.assessmentId !== null ? form.areaId : null,
        referralId: e.referralId,
        agencyName,
        programmeId: e.programmeId,
        programmeName,
        caseNoteId: e.caseNoteId,
        noteOccurredAt,
        answers: given,
        version: e.version,
      };
    },
  );
}

/** What is filled in with: the referral, the registration on a programme, or the case note, once saved. */
export type FilledWith =
  | { kind: 'referral'; referralId: number }
  | { kind: 'registration'; programmeId: number }
  | { kind: 'caseNote'; caseNoteId: number; noteKind: CaseNoteKind };

/**
 * The forms asked with a referral, a registration or a case note, filled in as it is saved (in the
 * same transaction): each form's answers among `answers`, into the entry that goes with it (made
 * when an answer is given, or when a question must be answered). A registration's entry is the
 * person's on that programme: registering again finds it. Problems come back on `answers.<field>`.
 * Someone who may not read sensitive answers is asked only the other questions.
 */
export function fillAskedWith(
  db: Db,
  w: FilledWith & { clientId: number; on: string },
  answers: AnswerInput[],
  user: Reader,
  now: Date,
): void {
  const link =
    w.kind === 'referral'
      ? { referralId: w.referralId }
      : w.kind === 'registration'
        ? { programmeId: w.programmeId }
        : { caseNoteId: w.caseNoteId };
  const goesWith =
    w.kind === 'referral'
      ? eq(formEntries.referralId, w.referralId)
      : w.kind === 'registration'
        ? and(eq(formEntries.programmeId, w.programmeId), eq(formEntries.clientId, w.clientId))
        : eq(formEntries.caseNoteId, w.caseNoteId);
  const forms = listForms(db).filter((f) => isAskedWith(f, w));
  const askedNow = new Map(forms.map((f) => [f.id, questionsAsked(db, f, false, user.mayReadSensitive)]));
  // An answer to a question not asked of this person with this (or not asked at all) is refused.
  const known = new Set([...askedNow.values()].flat().map((f) => f.id));
  const stray = answers.find((a) => !known.has(a.fieldId));
  if (stray) throw new CasebookError('BAD_INPUT', 'Not asked', { fields: { [`answers.${stray.fieldId}`]: 'invalid' } });
  for (const form of forms) {
    const asked = askedNow.get(form.id)!;
    const ids = new Set(asked.map((f) => f.id));
    const mine = answers.filter((a) => ids.has(a.fieldId));
    const entry = db
      .select({ id: formEntries.id, version: formEntries.version, filledOn: formEntries.filledOn })
      .from(formEntries)
      .where(and(goesWith, eq(formEntries.formId, form.id)))
      .get();
    if (!entry && mine.every((a) => isBlank(a.value))) {
      // Nothing given: no entry, unless a question must be answered (then refused as usual).
      checkAnswers(asked, mine, 'record');
      continue;
    }
    const id = fillForm(
      db,
      {
        clientId: w.clientId,
        formId: form.id,
        entry: entry ? { id: entry.id, version: entry.version } : null,
        // A note's or a registration's answers are dated with it; a referral's keep their first day.
        filledOn: w.kind === 'referral' && entry ? entry.filledOn : w.on,
        answers: mine,
      },
      user.id,
      now,
      { mayReadSensitive: user.mayReadSensitive, askedWith: true },
    );
    db.update(formEntries).set(link).where(eq(formEntries.id, id)).run();
  }
}
