import { alias } from 'drizzle-orm/sqlite-core';
import { and, asc, eq, sql } from 'drizzle-orm';
import {
  hasTemplateProblems,
  templateProblems,
  type LetterKind,
  type LetterTemplate,
  type TemplateValues,
} from '../../../shared/domain/letter';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { letterTemplates, users } from '../db/schema';
import { refuseIfChanged } from '../db/versions';

const updater = alias(users, 'updater');

/**
 * Refuses a template whose text has fields Casebook cannot fill: names that are not fields, fields
 * for another kind of letter, or a {{ left open. The message names them (`details.fields`).
 */
export function checkTemplateText(t: TemplateValues): void {
  const subject = templateProblems(t.kind, t.subject);
  const body = templateProblems(t.kind, t.body);
  const fields: Record<string, string> = {};
  for (const [name, p] of [
    ['subject', subject],
    ['body', body],
  ] as const) {
    if (!hasTemplateProblems(p)) continue;
    fields[`template.${name}`] =
      p.unclosed && !p.unknown.length && !p.notForKind.length
        ? 'templateUnclosedField'
        : p.unknown.length
          ? 'templateUnknownField'
          : 'templateFieldNotForKind';
  }
  if (Object.keys(fields).length) {
    const names = [...subject.unknown, ...body.unknown, ...subject.notForKind, ...body.notForKind];
    throw new CasebookError('BAD_INPUT', `Fields Casebook cannot fill: ${names.join(', ') || 'an unclosed {{'}`, {
      fields,
    });
  }
}

export function listTemplates(db: ReadDb, includeArchived: boolean): LetterTemplate[] {
  return db
    .select({
      id: letterTemplates.id,
      kind: letterTemplates.kind,
      language: letterTemplates.language,
      name: letterTemplates.name,
      subject: letterTemplates.subject,
      body: letterTemplates.body,
      builtinKey: letterTemplates.builtinKey,
      active: letterTemplates.active,
      updatedAt: letterTemplates.updatedAt,
      updatedByName: updater.name,
      version: letterTemplates.version,
      lettersWritten: sql<number>`(SELECT count(*) FROM letters l WHERE l.template_id = letter_templates.id)`,
    })
    .from(letterTemplates)
    .leftJoin(updater, eq(updater.id, letterTemplates.updatedBy))
    .where(includeArchived ? undefined : eq(letterTemplates.active, true))
    .orderBy(
      asc(
        sql`CASE ${letterTemplates.kind} WHEN 'referral' THEN 0 WHEN 'appointment' THEN 1 WHEN 'general' THEN 2 ELSE 3 END`,
      ),
      asc(letterTemplates.language),
      asc(letterTemplates.name),
    )
    .all();
}

export function requireTemplate(
  db: ReadDb,
  id: number,
): { id: number; kind: LetterKind; language: string; name: string; subject: string; body: string; active: boolean } {
  const row = db
    .select({
      id: letterTemplates.id,
      kind: letterTemplates.kind,
      language: letterTemplates.language,
      name: letterTemplates.name,
      subject: letterTemplates.subject,
      body: letterTemplates.body,
      active: letterTemplates.active,
    })
    .from(letterTemplates)
    .where(eq(letterTemplates.id, id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such letter template');
  return row;
}

/** The safety plan page's wording in a language, if the charity has one. */
export function safetyPlanTemplate(db: ReadDb, language: string): { subject: string; body: string } | null {
  return (
    db
      .select({ subject: letterTemplates.subject, body: letterTemplates.body })
      .from(letterTemplates)
      .where(
        and(
          eq(letterTemplates.kind, 'safetyPlan'),
          eq(letterTemplates.language, language),
          eq(letterTemplates.active, true),
        ),
      )
      .orderBy(asc(letterTemplates.id))
      .get() ?? null
  );
}

/** Adds a template, or changes one (at the version it was read). A built-in template keeps its kind. */
export function saveTemplate(
  db: Db,
  target: { id: number; version: number } | null,
  t: TemplateValues,
  userId: number,
  now: Date,
): number {
  checkTemplateText(t);
  const at = now.toISOString();
  if (!target) {
    if (t.kind === 'safetyPlan' && safetyPlanTemplate(db, t.language))
      throw new CasebookError('BAD_INPUT', 'There is already a safety plan page in this language', {
        fields: { 'template.language': 'safetyPlanPageExists' },
      });
    return db
      .insert(letterTemplates)
      .values({ ...t, createdAt: at, updatedAt: at, updatedBy: userId })
      .returning({ id: letterTemplates.id })
      .get().id;
  }
  const row = db
    .select({
      kind: letterTemplates.kind,
      language: letterTemplates.language,
      builtinKey: letterTemplates.builtinKey,
      version: letterTemplates.version,
    })
    .from(letterTemplates)
    .where(eq(letterTemplates.id, target.id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such letter template');
  refuseIfChanged(row.version === target.version, 'letter template');
  if (row.kind !== t.kind && (row.builtinKey || row.kind === 'safetyPlan' || t.kind === 'safetyPlan'))
    throw new CasebookError('BAD_INPUT', 'The kind of this template cannot change', {
      fields: { 'template.kind': 'templateKindFixed' },
    });
  if (row.kind === 'safetyPlan' && row.language !== t.language && safetyPlanTemplate(db, t.language))
    throw new CasebookError('BAD_INPUT', 'There is already a safety plan page in this language', {
      fields: { 'template.language': 'safetyPlanPageExists' },
    });
  db.update(letterTemplates)
    .set({ ...t, updatedAt: at, updatedBy: userId, version: target.version + 1 })
    .where(eq(letterTemplates.id, target.id))
    .run();
  return target.id;
}

/** Archives a template the charity added (letters written with it keep its name), or brings it back. */
export function setTemplateActive(db: Db, id: number, active: boolean, now: Date): void {
  const row = db
    .select({ builtinKey: letterTemplates.builtinKey })
    .from(letterTemplates)
    .where(eq(letterTemplates.id, id))
    .get();
  if (!row) throw new CasebookError('NOT_FOUND', 'No such letter template');
  if (row.builtinKey && !active)
    throw new CasebookError('BAD_INPUT', 'A template Casebook came with cannot be archived', {
      fields: { active: 'builtinTemplate' },
    });
  db.update(letterTemplates)
    .set({ active, updatedAt: now.toISOString(), version: sql`${letterTemplates.version} + 1` })
    .where(eq(letterTemplates.id, id))
    .run();
}
