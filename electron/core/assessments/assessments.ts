import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Assessment, assessmentInputSchema, NeedArea } from '../../../shared/domain/assessment';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { assessments, assessmentScores, customForms, formEntries, needAreas, users } from '../db/schema';
import { refuseIfChanged } from '../db/versions';

type AssessmentValues = z.output<typeof assessmentInputSchema>;

export function listNeedAreas(db: ReadDb): NeedArea[] {
  return db
    .select({
      id: needAreas.id,
      builtinKey: needAreas.builtinKey,
      name: needAreas.name,
      position: needAreas.position,
      retiredAt: needAreas.retiredAt,
    })
    .from(needAreas)
    .orderBy(asc(needAreas.position), asc(needAreas.id))
    .all()
    .map(({ retiredAt, ...a }) => ({ ...a, retired: retiredAt !== null }));
}

/**
 * Adds an area (no id) or renames / retires / brings back one. A retired area keeps its past scores
 * and stays in old assessments; it is just not offered for new ones.
 */
export function saveNeedArea(db: Db, a: { id: number | null; name: string; retired: boolean }, now: Date): NeedArea {
  const retiredAt = a.retired ? now.toISOString() : null;
  let id = a.id;
  if (id === null) {
    const position =
      (db
        .select({ max: sql<number | null>`max(${needAreas.position})` })
        .from(needAreas)
        .get()?.max ?? 0) + 1;
    id = db.insert(needAreas).values({ name: a.name, position, retiredAt }).returning({ id: needAreas.id }).get().id;
  } else {
    const existing = db.select({ retiredAt: needAreas.retiredAt }).from(needAreas).where(eq(needAreas.id, id)).get();
    if (!existing) throw new CasebookError('NOT_FOUND', 'No such need area');
    db.update(needAreas)
      .set({ name: a.name, retiredAt: a.retired ? (existing.retiredAt ?? retiredAt) : null })
      .where(eq(needAreas.id, id))
      .run();
  }
  return listNeedAreas(db).find((x) => x.id === id)!;
}

function checkAreas(db: Db, values: AssessmentValues, keep: Set<number>): void {
  const ids = values.scores.map((s) => s.areaId);
  const rows = ids.length
    ? db
        .select({ id: needAreas.id, retiredAt: needAreas.retiredAt })
        .from(needAreas)
        .where(inArray(needAreas.id, ids))
        .all()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  values.scores.forEach((s, i) => {
    const area = byId.get(s.areaId);
    // A retired area may keep a score it already had, but not gain a new one.
    if (!area)
      throw new CasebookError('BAD_INPUT', 'Unknown need area', {
        fields: { [`assessment.scores.${i}.areaId`]: 'invalid' },
      });
    if (area.retiredAt && !keep.has(s.areaId))
      throw new CasebookError('BAD_INPUT', 'Retired need area', {
        fields: { [`assessment.scores.${i}.areaId`]: 'areaRetired' },
      });
  });
}

/** Saves a new assessment (no id), or a change to one still at `version`. Scores are replaced as a whole. */
export function saveAssessment(
  db: Db,
  clientId: number,
  target: { id: number; version: number } | null,
  values: AssessmentValues,
  userId: number,
  now: Date,
  kind: 'assessment' | 'review' = 'assessment',
): number {
  const at = now.toISOString();
  const { scores, ...fields } = values;
  let id: number;
  if (target === null) {
    checkAreas(db, values, new Set());
    id = db
      .insert(assessments)
      .values({ ...fields, kind, clientId, assessedBy: userId, createdAt: at, updatedAt: at })
      .returning({ id: assessments.id })
      .get().id;
  } else {
    const had = new Set(
      db
        .select({ areaId: assessmentScores.areaId })
        .from(assessmentScores)
        .where(eq(assessmentScores.assessmentId, target.id))
        .all()
        .map((r) => r.areaId),
    );
    checkAreas(db, values, had);
    const exists = db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.id, target.id), eq(assessments.clientId, clientId)))
      .get();
    if (!exists) throw new CasebookError('NOT_FOUND', 'No such assessment');
    const fromForm = db
      .select({ id: formEntries.id })
      .from(formEntries)
      .where(eq(formEntries.assessmentId, target.id))
      .get();
    if (fromForm) throw new CasebookError('BAD_INPUT', 'Scored by a form', { fields: { assessment: 'scoredByForm' } });
    const res = db
      .update(assessments)
      .set({ ...fields, version: sql`${assessments.version} + 1`, updatedAt: at })
      .where(and(eq(assessments.id, target.id), eq(assessments.version, target.version)))
      .run();
    refuseIfChanged(res.changes > 0, 'assessment');
    id = target.id;
    db.delete(assessmentScores).where(eq(assessmentScores.assessmentId, id)).run();
  }
  db.insert(assessmentScores)
    .values(scores.map((s) => ({ ...s, assessmentId: id })))
    .run();
  return id;
}

/** A client's assessments, newest first. Sensitive ones are withheld (no scores, no text) unless `mayReadSensitive`. */
export function listAssessments(db: ReadDb, clientId: number, mayReadSensitive: boolean, only?: number): Assessment[] {
  const rows = db
    .select({
      id: assessments.id,
      clientId: assessments.clientId,
      kind: assessments.kind,
      assessedOn: assessments.assessedOn,
      sensitive: assessments.sensitive,
      summary: assessments.summary,
      assessedByName: users.name,
      version: assessments.version,
      formName: customForms.name,
      formNamePl: customForms.namePl,
    })
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.assessedBy))
    .leftJoin(formEntries, eq(formEntries.assessmentId, assessments.id))
    .leftJoin(customForms, eq(customForms.id, formEntries.formId))
    .where(and(eq(assessments.clientId, clientId), only === undefined ? undefined : eq(assessments.id, only)))
    .orderBy(desc(assessments.assessedOn), desc(assessments.id))
    .all();
  const readable = rows.filter((r) => mayReadSensitive || !r.sensitive).map((r) => r.id);
  const scores = readable.length
    ? db
        .select({
          assessmentId: assessmentScores.assessmentId,
          areaId: assessmentScores.areaId,
          score: assessmentScores.score,
          notes: assessmentScores.notes,
          strengths: assessmentScores.strengths,
        })
        .from(assessmentScores)
        .innerJoin(needAreas, eq(needAreas.id, assessmentScores.areaId))
        .where(inArray(assessmentScores.assessmentId, readable))
        .orderBy(asc(needAreas.position), asc(needAreas.id))
        .all()
    : [];
  return rows.map(({ formName, formNamePl, ...r }) => {
    const withheld = r.sensitive && !mayReadSensitive;
    return {
      ...r,
      fromForm: formName !== null ? { name: formName, namePl: formNamePl } : null,
      withheld,
      summary: withheld ? null : r.summary,
      scores: scores.filter((s) => s.assessmentId === r.id).map(({ assessmentId: _a, ...s }) => s),
    };
  });
}
