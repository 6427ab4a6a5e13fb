import { reachFilter, type Reach } from '../clients/reach';
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Task, taskInputSchema } from '../../../shared/domain/supportPlan';
import { CasebookError } from '../../../shared/result';
import type { Db, ReadDb } from '../db/database';
import { clients, tasks, users } from '../db/schema';
import { checkGoalOfClient } from './plans';

type TaskValues = z.output<typeof taskInputSchema>;

const assignee = alias(users, 'assignee');
const doer = alias(users, 'doer');

/** Tasks with the names a list shows, filtered by `where` and ordered by `order`. */
export function selectTasks(db: ReadDb, where: SQL | undefined, order: SQL[], limit?: number): Task[] {
  const q = db
    .select({
      id: tasks.id,
      clientId: tasks.clientId,
      clientName: sql<string>`${clients.firstName} || ' ' || ${clients.lastName}`,
      clientReference: clients.reference,
      goalId: tasks.goalId,
      title: tasks.title,
      note: tasks.note,
      dueOn: tasks.dueOn,
      assignedTo: tasks.assignedTo,
      assignedToName: assignee.name,
      doneOn: tasks.doneOn,
      doneByName: doer.name,
    })
    .from(tasks)
    .innerJoin(clients, eq(clients.id, tasks.clientId))
    .leftJoin(assignee, eq(assignee.id, tasks.assignedTo))
    .leftJoin(doer, eq(doer.id, tasks.doneBy))
    .where(where)
    .orderBy(...order);
  return limit === undefined ? q.all() : q.limit(limit).all();
}

/** A client's tasks: open ones by due date, then done ones, most recently done first. */
export function listClientTasks(db: ReadDb, clientId: number): Task[] {
  return selectTasks(db, eq(tasks.clientId, clientId), [
    asc(sql`${tasks.doneOn} IS NOT NULL`),
    asc(sql`CASE WHEN ${tasks.doneOn} IS NULL THEN ${tasks.dueOn} END`),
    desc(tasks.doneOn),
    asc(tasks.id),
  ]);
}

function checkAssignee(db: Db, userId: number): void {
  const u = db.select({ active: users.active }).from(users).where(eq(users.id, userId)).get();
  if (!u || !u.active)
    throw new CasebookError('BAD_INPUT', 'Unknown or inactive user', { fields: { 'task.assignedTo': 'invalid' } });
}

/** Adds a task for a client (no id) or changes one. */
export function saveTask(
  db: Db,
  clientId: number,
  id: number | null,
  values: TaskValues,
  userId: number,
  now: Date,
): number {
  checkAssignee(db, values.assignedTo);
  checkGoalOfClient(db, clientId, values.goalId, 'task.goalId');
  const at = now.toISOString();
  if (id === null) {
    return db
      .insert(tasks)
      .values({ ...values, clientId, createdBy: userId, createdAt: at, updatedAt: at })
      .returning({ id: tasks.id })
      .get().id;
  }
  const res = db
    .update(tasks)
    .set({ ...values, updatedAt: at })
    .where(and(eq(tasks.id, id), eq(tasks.clientId, clientId)))
    .run();
  if (res.changes === 0) throw new CasebookError('NOT_FOUND', 'No such task');
  return id;
}

/** Marks a task done (on `today`) or not done again. Anyone may tick their own; caseworkers any. */
export function setTaskDone(
  db: Db,
  id: number,
  done: boolean,
  user: { id: number; mayManage: boolean },
  today: string,
  now: Date,
): Task {
  const task = db
    .select({ assignedTo: tasks.assignedTo, doneOn: tasks.doneOn })
    .from(tasks)
    .where(eq(tasks.id, id))
    .get();
  if (!task) throw new CasebookError('NOT_FOUND', 'No such task');
  if (!user.mayManage && task.assignedTo !== user.id)
    throw new CasebookError('FORBIDDEN', 'Only the person the task is for can tick it off');
  if (done === (task.doneOn !== null)) return selectTasks(db, eq(tasks.id, id), [])[0]!;
  db.update(tasks)
    .set(
      done
        ? { doneOn: today, doneBy: user.id, updatedAt: now.toISOString() }
        : { doneOn: null, doneBy: null, updatedAt: now.toISOString() },
    )
    .where(eq(tasks.id, id))
    .run();
  return selectTasks(db, eq(tasks.id, id), [])[0]!;
}

/** Open tasks of one user with a due date up to `until` (inclusive), oldest first. */
export function openTasksFor(
  db: ReadDb,
  userId: number,
  from: string | null,
  until: string,
  reach: Reach = null,
  limit = 200,
): Task[] {
  return selectTasks(
    db,
    and(
      eq(tasks.assignedTo, userId),
      isNull(tasks.doneOn),
      from === null ? undefined : sql`${tasks.dueOn} >= ${from}`,
      sql`${tasks.dueOn} <= ${until}`,
      ...reachFilter(reach, sql`${tasks.clientId}`),
    ),
    [asc(tasks.dueOn), asc(tasks.id)],
    limit,
  );
}
