import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { EligibilityCheck, RecheckDue, RecordCheck } from '../../../shared/domain/eligibility';
import { CasebookError } from '../../../shared/result';
import { reachFilter, type Reach } from '../clients/reach';
import type { Db, ReadDb } from '../db/database';
import { documents, eligibilityAnswers, eligibilityChecks, eligibilityServices, users } from '../db/schema';
import { requireService } from './services';

const refuse = (field: string, key: string, message: string): never => {
  throw new CasebookError('BAD_INPUT', message, { fields: { [field]: key } });
};

/**
 * Records a check of a client against a service's checklist as it stands: every current criterion
 * answered (no more, no fewer), the words of each kept with the answer, evidence from this client's
 * own documents only.
 */
export function recordCheck(
  db: Db,
  c: Omit<RecordCheck, 'recheckOn' | 'note'> & { recheckOn: string | null; note: string | null },
  userId: number,
  now: Date,
): number {
  const service = requireService(db, c.serviceId);
  if (!service.active) refuse('serviceId', 'serviceRetired', 'The service is retired');
  const asked = service.criteria.map((x) => x.id).sort((a, b) => a - b);
  const answered = c.answers.map((a) => a.criterionId).sort((a, b) => a - b);
  if (asked.length !== answered.length || asked.some((id, i) => id !== answered[i]))
    refuse('answers', 'answersMismatch', 'The answers are not the service’s criteria');
  if (c.recheckOn !== null && c.recheckOn <= c.checkedOn)
    refuse('recheckOn', 'recheckBeforeCheck', 'Check again before the check');
  const evidence = c.answers.flatMap((a) => (a.documentId ? [a.documentId] : []));
  if (evidence.length) {
    const own = db
      .select({ id: documents.id })
      .from(documents)
      .where(and(inArray(documents.id, evidence), eq(documents.clientId, c.clientId)))
      .all().length;
    if (own !== new Set(evidence).size) refuse('answers', 'documentNotThisClient', 'Evidence from another file');
  }
  const id = db
    .insert(eligibilityChecks)
    .values({
      clientId: c.clientId,
      serviceId: c.serviceId,
      checkedOn: c.checkedOn,
      decision: c.decision,
      decidedBy: userId,
      recheckOn: c.recheckOn,
      note: c.note,
      createdAt: now.toISOString(),
    })
    .returning({ id: eligibilityChecks.id })
    .get().id;
  const byId = new Map(c.answers.map((a) => [a.criterionId, a]));
  service.criteria.forEach((criterion, position) => {
    const a = byId.get(criterion.id)!;
    db.insert(eligibilityAnswers)
      .values({
        checkId: id,
        position,
        criterionId: criterion.id,
        text: criterion.text,
        textPl: criterion.textPl,
        met: a.met,
        documentId: a.documentId ?? null,
        evidence: a.evidence ?? null,
      })
      .run();
  });
  return id;
}

/** A client's checks, newest first, each marked current when it is the latest for its service and not yet due again. */
export function clientChecks(db: ReadDb, clientId: number, today: string): EligibilityCheck[] {
  const rows = db
    .select({
      id: eligibilityChecks.id,
      clientId: eligibilityChecks.clientId,
      serviceId: eligibilityChecks.serviceId,
      serviceName: eligibilityServices.name,
      serviceNamePl: eligibilityServices.namePl,
      checkedOn: eligibilityChecks.checkedOn,
      decision: eligibilityChecks.decision,
      decidedByName: users.name,
      recheckOn: eligibilityChecks.recheckOn,
      note: eligibilityChecks.note,
    })
    .from(eligibilityChecks)
    .innerJoin(eligibilityServices, eq(eligibilityServices.id, eligibilityChecks.serviceId))
    .leftJoin(users, eq(users.id, eligibilityChecks.decidedBy))
    .where(eq(eligibilityChecks.clientId, clientId))
    .orderBy(desc(eligibilityChecks.checkedOn), desc(eligibilityChecks.id))
    .all();
  const answers = rows.length
    ? db
        .select({
          checkId: eligibilityAnswers.checkId,
          text: eligibilityAnswers.text,
          textPl: eligibilityAnswers.textPl,
          met: eligibilityAnswers.met,
          documentId: eligibilityAnswers.documentId,
          documentTitle: documents.title,
          evidence: eligibilityAnswers.evidence,
        })
        .from(eligibilityAnswers)
        .leftJoin(documents, eq(documents.id, eligibilityAnswers.documentId))
        .where(
          inArray(
            eligibilityAnswers.checkId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(eligibilityAnswers.checkId), asc(eligibilityAnswers.position))
        .all()
    : [];
  const latest = new Set<number>();
  const seen = new Set<number>();
  for (const r of rows)
    if (!seen.has(r.serviceId)) {
      seen.add(r.serviceId);
      latest.add(r.id);
    }
  return rows.map((r) => ({
    ...r,
    answers: answers.filter((a) => a.checkId === r.id).map(({ checkId: _, ...a }) => a),
    current: latest.has(r.id) && (r.recheckOn === null || r.recheckOn > today),
  }));
}

/**
 * Checks whose date to look again has come by `today`: the latest check of each client for each
 * service, for clients within reach. Soonest first.
 */
export function rechecksDue(db: ReadDb, today: string, reach: Reach): RecheckDue[] {
  return db.all<RecheckDue>(sql`
    SELECT e.id AS checkId, e.client_id AS clientId, c.first_name || ' ' || c.last_name AS clientName, c.reference,
      s.name AS serviceName, s.name_pl AS serviceNamePl, e.decision, e.recheck_on AS recheckOn
    FROM eligibility_checks e
    JOIN clients c ON c.id = e.client_id
    JOIN eligibility_services s ON s.id = e.service_id
    WHERE e.recheck_on IS NOT NULL AND e.recheck_on <= ${today} AND s.active = 1 AND c.status <> 'closed'
      AND NOT EXISTS (SELECT 1 FROM eligibility_checks later WHERE later.client_id = e.client_id AND later.service_id = e.service_id
        AND (later.checked_on > e.checked_on OR (later.checked_on = e.checked_on AND later.id > e.id)))
      ${reachFilter(reach, sql`e.client_id`).length ? sql`AND ${reachFilter(reach, sql`e.client_id`)[0]}` : sql``}
    ORDER BY e.recheck_on, e.id
    LIMIT 200`);
}

/** The check a client's document can go with: refused when it is not this client's. */
export function requireClientCheck(db: ReadDb, clientId: number, checkId: number): void {
  const row = db
    .select({ clientId: eligibilityChecks.clientId })
    .from(eligibilityChecks)
    .where(eq(eligibilityChecks.id, checkId))
    .get();
  if (row?.clientId !== clientId) refuse('link', 'invalid', 'The check is not this client’s');
}

/**
 * Refuses with ELIGIBILITY_REQUIRED (and why) unless the client's latest check for the service says
 * eligible and is not past its date to check again: as a referral needs consent, a programme or an
 * agency may need this.
 */
export function requireCurrentEligibility(db: ReadDb, clientId: number, serviceId: number, today: string): void {
  const latest = db.get<{ decision: string; recheckOn: string | null } | undefined>(sql`
    SELECT decision, recheck_on AS recheckOn FROM eligibility_checks
    WHERE client_id = ${clientId} AND service_id = ${serviceId}
    ORDER BY checked_on DESC, id DESC LIMIT 1`);
  const reason = !latest
    ? 'none'
    : latest.decision !== 'eligible'
      ? 'notEligible'
      : latest.recheckOn !== null && latest.recheckOn <= today
        ? 'due'
        : null;
  if (reason)
    throw new CasebookError(
      'ELIGIBILITY_REQUIRED',
      `No current eligibility decision for service ${serviceId}: ${reason}`,
      {
        reason,
      },
    );
}
