import { asc, eq } from 'drizzle-orm';
import { localToday } from '../../../shared/clock';
import type { Records } from '../domain';
import { requireClient } from '../clients/queries';
import { users } from '../db/schema';
import type { Handlers } from '../rpc';
import { agreePlan, endPlan, readPlans, saveGoal, updateGoal, updatePlan } from './plans';
import { saveTask, setTaskDone } from './tasks';

type PlanChannels =
  | 'plans.get'
  | 'plans.agree'
  | 'plans.update'
  | 'plans.end'
  | 'goals.save'
  | 'goals.update'
  | 'tasks.save'
  | 'tasks.setDone'
  | 'tasks.assignees';

export function planHandlers(cb: Records): Pick<Handlers, PlanChannels> {
  const today = () => localToday(cb.now());
  return {
    'plans.get': ({ clientId }) =>
      cb.read((db) => {
        requireClient(db, clientId);
        return readPlans(db, clientId);
      }),
    'plans.agree': ({ clientId, plan }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        const planId = agreePlan(db, clientId, plan, s.user.id, cb.now());
        cb.audit(db, s, 'plan.agreed', { clientId, detail: { planId } });
        return readPlans(db, clientId);
      }),
    'plans.update': ({ id, version, plan }) =>
      cb.write((db, s) => {
        const clientId = updatePlan(db, id, version, plan, cb.now());
        cb.audit(db, s, 'plan.changed', { clientId, detail: { planId: id } });
        return readPlans(db, clientId);
      }),
    'plans.end': (end) =>
      cb.write((db, s) => {
        const clientId = endPlan(db, end, cb.now());
        cb.audit(db, s, 'plan.ended', { clientId, detail: { planId: end.id } });
        return readPlans(db, clientId);
      }),
    'goals.save': ({ planId, target, goal }) =>
      cb.write((db, s) => {
        const { goalId, clientId } = saveGoal(db, planId, target ?? null, goal, s.user.id, cb.now(), today());
        cb.audit(db, s, target ? 'goal.changed' : 'goal.added', { clientId, detail: { planId, goalId } });
        return readPlans(db, clientId);
      }),
    'goals.update': (u) =>
      cb.write((db, s) => {
        const { clientId, from, to } = updateGoal(db, u, s.user.id, cb.now());
        cb.audit(db, s, 'goal.progress', {
          clientId,
          detail: { goalId: u.goalId, ...(from !== to ? { from, to } : {}) },
        });
        return readPlans(db, clientId);
      }),
    'tasks.save': ({ clientId, id, task }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        const taskId = saveTask(db, clientId, id ?? null, task, s.user.id, cb.now());
        cb.audit(db, s, id ? 'task.changed' : 'task.added', {
          clientId,
          detail: { taskId, assignedTo: task.assignedTo },
        });
        return readPlans(db, clientId);
      }),
    'tasks.assignees': () =>
      cb.read((db) =>
        db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(eq(users.active, true))
          .orderBy(asc(users.name))
          .all(),
      ),
    'tasks.setDone': ({ id, done }) =>
      cb.write((db, s) => {
        const task = setTaskDone(
          db,
          id,
          done,
          { id: s.user.id, mayManage: s.user.role !== 'volunteer' },
          today(),
          cb.now(),
        );
        cb.audit(db, s, done ? 'task.done' : 'task.reopened', { clientId: task.clientId, detail: { taskId: id } });
        return task;
      }),
  };
}
