import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
  CUSTOM_FIELDS_MAX,
  hasChoices,
  type Choice,
  type CustomField,
  type FieldWording,
  type SaveCustomField,
} from '../../../shared/domain/customField';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { customFields, customFieldWordings } from '../db/schema';
import { refuseIfChanged } from '../db/versions';

type SavedField = Omit<SaveCustomField, 'choices'> & {
  choices: { key?: string | null; label: string; labelPl: string | null; points?: number | null }[];
};

const wordingOf = (w: typeof customFieldWordings.$inferSelect): FieldWording => ({
  wordingId: w.id,
  label: w.label,
  labelPl: w.labelPl,
  help: w.help,
  helpPl: w.helpPl,
  choices: w.choices,
});

/** Every wording each field has had, by id: what an answer was asked under. */
export function wordingsById(db: ReadDb, ids?: number[]): Map<number, FieldWording & { fieldId: number }> {
  const rows = db
    .select()
    .from(customFieldWordings)
    .where(ids ? sql`${customFieldWordings.id} IN (${sql.join(ids.length ? ids : [-1], sql`, `)})` : undefined)
    .all();
  return new Map(rows.map((w) => [w.id, { ...wordingOf(w), fieldId: w.fieldId }]));
}

/**
 * Which questions: those on the client record (null), those of one form (its id), or every one.
 */
export type FieldsOf = number | null | 'any';

/**
 * The charity's questions in the order they are asked, each with its wording now; retired ones only
 * when asked for. The client record's unless `of` names a form (or 'any').
 */
export function listFields(db: ReadDb, includeRetired = false, of: FieldsOf = null): CustomField[] {
  const rows = db
    .select({
      field: customFields,
      wording: customFieldWordings,
      wordings: sql<number>`(SELECT count(*) FROM custom_field_wordings w WHERE w.field_id = ${customFields.id})`,
    })
    .from(customFields)
    .innerJoin(customFieldWordings, eq(customFieldWordings.id, customFields.wordingId))
    .where(
      and(
        includeRetired ? undefined : eq(customFields.active, true),
        of === 'any' ? undefined : of === null ? isNull(customFields.formId) : eq(customFields.formId, of),
      ),
    )
    .orderBy(asc(customFields.position), asc(customFields.id))
    .all();
  return rows.map(({ field: f, wording, wordings }) => ({
    ...wordingOf(wording),
    id: f.id,
    type: f.type,
    required: f.required,
    inIntake: f.inIntake,
    identifying: f.identifying,
    sensitive: f.sensitive,
    active: f.active,
    version: f.version,
    formId: f.formId,
    wordings,
  }));
}

export function requireField(db: ReadDb, id: number): CustomField {
  const f = listFields(db, true, 'any').find((x) => x.id === id);
  if (!f) throw new CasebookError('NOT_FOUND', 'No such field');
  return f;
}

/**
 * Choices as stored: an existing choice keeps its key (answers hold keys), a new one is given the
 * next free key of the field, never one an earlier wording used for another choice.
 */
function keyChoices(input: SavedField['choices'], earlier: Choice[]): Choice[] {
  const used = new Set(earlier.map((c) => c.key));
  let next = Math.max(0, ...[...used].map((k) => Number(k.slice(1)))) + 1;
  return input.map((c) => {
    const key = c.key && used.has(c.key) ? c.key : `c${next++}`;
    return { key, label: c.label, labelPl: c.labelPl, ...(c.points != null ? { points: c.points } : {}) };
  });
}

const sameWording = (a: FieldWording, b: Omit<FieldWording, 'wordingId'>) =>
  a.label === b.label &&
  a.labelPl === b.labelPl &&
  a.help === b.help &&
  a.helpPl === b.helpPl &&
  JSON.stringify(a.choices) === JSON.stringify(b.choices);

/**
 * Adds a field or changes one. A field's type never changes (its answers would not fit). New words
 * (label, help, choices) are a new wording; the earlier ones stay for the answers given under them.
 */
export function saveField(db: Db, input: SavedField, userId: number, now: Date): number {
  const at = now.toISOString();
  const handling = {
    required: input.required ?? false,
    // A form's questions are asked when the form is filled in, never at intake.
    inIntake: !input.formId && (input.inIntake ?? true),
    identifying: input.identifying ?? false,
    sensitive: input.sensitive ?? false,
  };
  const formId = input.formId ?? null;
  let id: number;
  let earlier: FieldWording | null = null;
  let earlierChoices: Choice[] = [];
  if (input.id) {
    const old = requireField(db, input.id);
    if (old.formId !== formId) throw new CasebookError('NOT_FOUND', 'No such field on this form');
    if (old.type !== input.type)
      throw new CasebookError('BAD_INPUT', 'A field keeps its type', { fields: { type: 'fieldTypeFixed' } });
    const res = db
      .update(customFields)
      .set({ ...handling, updatedAt: at, version: sql`${customFields.version} + 1` })
      .where(and(eq(customFields.id, input.id), eq(customFields.version, input.version ?? -1)))
      .run();
    refuseIfChanged(res.changes === 1, 'custom field');
    id = input.id;
    earlier = old;
    earlierChoices = [...wordingsById(db).values()].filter((w) => w.fieldId === id).flatMap((w) => w.choices);
  } else {
    const count = db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM custom_fields WHERE active = 1 AND form_id IS ${formId}`,
    ).n;
    if (count >= CUSTOM_FIELDS_MAX)
      throw new CasebookError('BAD_INPUT', 'Too many fields', { fields: { label: 'tooManyFields' } });
    const position = db.get<{ p: number }>(
      sql`SELECT coalesce(max(position), 0) + 1 AS p FROM custom_fields WHERE form_id IS ${formId}`,
    ).p;
    id = db
      .insert(customFields)
      .values({ type: input.type, position, ...handling, formId, createdAt: at, updatedAt: at })
      .returning({ id: customFields.id })
      .get().id;
  }
  const wording = {
    label: input.label,
    labelPl: input.labelPl ?? null,
    help: input.help ?? null,
    helpPl: input.helpPl ?? null,
    choices: hasChoices(input.type) ? keyChoices(input.choices, earlierChoices) : [],
  };
  if (!earlier || !sameWording(earlier, wording)) {
    const wordingId = db
      .insert(customFieldWordings)
      .values({ fieldId: id, ...wording, createdAt: at, createdBy: userId })
      .returning({ id: customFieldWordings.id })
      .get().id;
    db.update(customFields).set({ wordingId }).where(eq(customFields.id, id)).run();
  }
  return id;
}

/** Retires a field (asked no more; its answers stay) or brings it back. */
export function setFieldActive(db: Db, id: number, active: boolean, now: Date): void {
  requireField(db, id);
  db.update(customFields)
    .set({ active, updatedAt: now.toISOString(), version: sql`${customFields.version} + 1` })
    .where(eq(customFields.id, id))
    .run();
}

/** Moves a field one place earlier or later in the order the questions are asked. */
export function moveField(db: Db, id: number, by: -1 | 1): void {
  const order = listFields(db, true, requireField(db, id).formId).map((f) => f.id);
  const at = order.indexOf(id);
  if (at < 0) throw new CasebookError('NOT_FOUND', 'No such field');
  const to = at + by;
  if (to < 0 || to >= order.length) return;
  [order[at], order[to]] = [order[to]!, order[at]!];
  order.forEach((fieldId, i) =>
    db
      .update(customFields)
      .set({ position: i + 1 })
      .where(eq(customFields.id, fieldId))
      .run(),
  );
}
