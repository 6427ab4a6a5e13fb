import { and, asc, eq, sql } from 'drizzle-orm';
import type { EligibilityService, SaveService } from '../../../shared/domain/eligibility';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { eligibilityCriteria, eligibilityServices } from '../db/schema';
import { refuseIfChanged } from '../db/versions';

/** Services and their current checklists; retired ones only when asked for. Names in order. */
export function listServices(db: ReadDb, includeRetired = false): EligibilityService[] {
  const services = db
    .select()
    .from(eligibilityServices)
    .where(includeRetired ? undefined : eq(eligibilityServices.active, true))
    .orderBy(asc(sql`lower(${eligibilityServices.name})`), asc(eligibilityServices.id))
    .all();
  const criteria = db
    .select()
    .from(eligibilityCriteria)
    .where(eq(eligibilityCriteria.active, true))
    .orderBy(asc(eligibilityCriteria.position), asc(eligibilityCriteria.id))
    .all();
  return services.map((s) => ({
    id: s.id,
    name: s.name,
    namePl: s.namePl,
    recheckMonths: s.recheckMonths,
    active: s.active,
    version: s.version,
    criteria: criteria.filter((c) => c.serviceId === s.id).map((c) => ({ id: c.id, text: c.text, textPl: c.textPl })),
  }));
}

export function requireService(db: ReadDb, id: number): EligibilityService {
  const s = listServices(db, true).find((x) => x.id === id);
  if (!s) throw new CasebookError('NOT_FOUND', 'No such service');
  return s;
}

/**
 * Adds a service or changes one. Criteria are kept by id: one left out is retired (old checks keep
 * its words), one reworded keeps its id (old checks keep the words they were asked in).
 */
export function saveService(
  db: Db,
  input: SaveService & { criteria: { id?: number | null; text: string; textPl: string | null }[] },
  now: Date,
): number {
  const at = now.toISOString();
  let id: number;
  const fields = { name: input.name, namePl: input.namePl ?? null, recheckMonths: input.recheckMonths ?? null };
  if (input.id) {
    const res = db
      .update(eligibilityServices)
      .set({ ...fields, updatedAt: at, version: sql`${eligibilityServices.version} + 1` })
      .where(and(eq(eligibilityServices.id, input.id), eq(eligibilityServices.version, input.version ?? -1)))
      .run();
    refuseIfChanged(res.changes === 1, 'service');
    id = input.id;
  } else {
    id = db
      .insert(eligibilityServices)
      .values({ ...fields, createdAt: at, updatedAt: at })
      .returning({ id: eligibilityServices.id })
      .get().id;
  }
  const existing = new Set(
    db
      .select({ id: eligibilityCriteria.id })
      .from(eligibilityCriteria)
      .where(and(eq(eligibilityCriteria.serviceId, id), eq(eligibilityCriteria.active, true)))
      .all()
      .map((c) => c.id),
  );
  const kept = new Set<number>();
  input.criteria.forEach((c, position) => {
    if (c.id && existing.has(c.id)) {
      kept.add(c.id);
      db.update(eligibilityCriteria)
        .set({ text: c.text, textPl: c.textPl, position })
        .where(eq(eligibilityCriteria.id, c.id))
        .run();
    } else db.insert(eligibilityCriteria).values({ serviceId: id, position, text: c.text, textPl: c.textPl }).run();
  });
  for (const old of existing)
    if (!kept.has(old))
      db.update(eligibilityCriteria).set({ active: false }).where(eq(eligibilityCriteria.id, old)).run();
  return id;
}

export function setServiceActive(db: Db, id: number, active: boolean, now: Date): void {
  const res = db
    .update(eligibilityServices)
    .set({ active, updatedAt: now.toISOString(), version: sql`${eligibilityServices.version} + 1` })
    .where(eq(eligibilityServices.id, id))
    .run();
  if (res.changes === 0) throw new CasebookError('NOT_FOUND', 'No such service');
}

/** A service a programme or agency may require: one that exists (refused on `field` otherwise). */
export function requireServiceToRequire(db: ReadDb, id: number | null, field: string): void {
  if (id === null) return;
  const found = db
    .select({ id: eligibilityServices.id })
    .from(eligibilityServices)
    .where(eq(eligibilityServices.id, id))
    .get();
  if (!found) throw new CasebookError('BAD_INPUT', 'No such service', { fields: { [field]: 'invalid' } });
}
