import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfText } from './pdfCheck';
import { areaProgress, progressColumns, type Assessment } from '../../shared/domain/assessment';
import { caseNoteInputSchema } from '../../shared/domain/caseNote';
import { safetyPlanInputSchema } from '../../shared/domain/safetyPlan';
import {
  GOAL_STATUSES,
  goalInputSchema,
  goalTransitionProblem,
  targetDatePassed,
  type GoalStatus,
} from '../../shared/domain/supportPlan';
import { fieldIssues } from '../../shared/domain/validation';
import { ADMIN, addNewPerson, onDay, setUp, signInAsNewUser, startCore, type TestCore } from './helpers';

async function ready(): Promise<TestCore> {
  const t = startCore();
  await setUp(t);
  return t;
}

/** The form rules as the core checks them on the tests' day (23 November 2026). */
const issues = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
  const r = onDay('2026-11-23', () => schema.safeParse(value));
  return r.success ? {} : fieldIssues(r.error as never);
};

const GOAL = {
  description: 'Move into a one-bedroom council flat',
  measure: 'Tenancy signed',
  targetDate: '2027-03-31',
  owner: 'client' as const,
};

async function clientWithPlan(t: TestCore, name = 'Nowak') {
  const c = await addNewPerson(t, { firstName: 'Jan', lastName: name, intakeDate: '2026-11-01' });
  const view = await t.ok('plans.agree', {
    clientId: c.id,
    plan: { agreedOn: '2026-11-02', summary: 'A safe home and manageable debts' },
  });
  return { client: c, plan: view.active! };
}

describe('SMART goals', () => {
  it('need a description, a measure and a real target date; an agency owner needs a name', () => {
    expect(issues(goalInputSchema, GOAL)).toEqual({});
    expect(issues(goalInputSchema, { ...GOAL, measure: '  ', targetDate: '' })).toEqual({
      measure: 'measureRequired',
      targetDate: 'targetDateRequired',
    });
    expect(issues(goalInputSchema, { ...GOAL, targetDate: '2027-02-30' })).toEqual({ targetDate: 'invalidDate' });
    expect(issues(goalInputSchema, { ...GOAL, description: 'x'.repeat(1001) })).toEqual({ description: 'tooLong' });
    expect(issues(goalInputSchema, { ...GOAL, owner: 'agency' })).toEqual({ ownerDetail: 'required' });
    expect(issues(goalInputSchema, { ...GOAL, owner: 'agency', ownerDetail: 'Leeds Housing Options' })).toEqual({});
  });

  it('a target date in the past is allowed but flagged, so goals written up late can still be saved', () => {
    expect(issues(goalInputSchema, { ...GOAL, targetDate: '2026-01-01' })).toEqual({});
    expect(targetDatePassed('2026-11-22', '2026-11-23')).toBe(true);
    expect(targetDatePassed('2026-11-23', '2026-11-23')).toBe(false);
  });

  it('status changes: open goals move freely forward, finished ones only reopen, dropping needs a reason', () => {
    const allowed = (from: GoalStatus, to: GoalStatus, note: string | null = 'why') =>
      goalTransitionProblem(from, to, note);
    for (const to of GOAL_STATUSES) expect(allowed('notStarted', to), `notStarted → ${to}`).toBeNull();
    expect(allowed('inProgress', 'notStarted')).toBe('transitionNotAllowed');
    expect(allowed('inProgress', 'achieved', null)).toBeNull();
    expect(allowed('inProgress', 'dropped', null)).toBe('reasonRequired');
    expect(allowed('inProgress', 'notAchieved', '  ')).toBe('reasonRequired');
    expect(allowed('achieved', 'notAchieved')).toBe('transitionNotAllowed');
    expect(allowed('dropped', 'notStarted')).toBe('transitionNotAllowed');
    expect(allowed('achieved', 'inProgress', null)).toBe('reasonRequired');
    expect(allowed('achieved', 'inProgress', 'The tenancy fell through')).toBeNull();
    expect(allowed('achieved', 'achieved', null)).toBeNull();
  });
});

describe('support plans', () => {
  it('one active plan per client; ending it keeps it, with its goals, under earlier plans', async () => {
    const t = await ready();
    const { client, plan } = await clientWithPlan(t);
    expect((await t.fail('plans.agree', { clientId: client.id, plan: { agreedOn: '2026-11-03' } })).code).toBe(
      'CONFLICT',
    );
    await t.ok('goals.save', { planId: plan.id, goal: GOAL });
    let view = await t.ok('goals.save', {
      planId: plan.id,
      goal: {
        ...GOAL,
        description: 'Pay off the rent arrears',
        measure: 'Arrears at £0',
        owner: 'agency',
        ownerDetail: 'StepChange',
      },
    });
    expect(view.active!.goals.map((g) => [g.description, g.status, g.statusSince])).toEqual([
      ['Move into a one-bedroom council flat', 'notStarted', '2026-11-23'],
      ['Pay off the rent arrears', 'notStarted', '2026-11-23'],
    ]);
    expect((await t.fail('plans.end', { id: plan.id, version: plan.version, on: '2026-10-01' })).fields).toEqual({
      on: 'invalidDate',
    });
    view = await t.ok('plans.end', {
      id: plan.id,
      version: plan.version,
      on: '2026-11-20',
      reason: 'Client moved away',
    });
    expect(view.active).toBeNull();
    expect(view.earlier).toHaveLength(1);
    expect(view.earlier[0]).toMatchObject({ status: 'ended', endedOn: '2026-11-20', endReason: 'Client moved away' });
    expect(view.earlier[0]!.goals).toHaveLength(2);
    // An ended plan is read-only.
    const goal = view.earlier[0]!.goals[0]!;
    expect(
      (await t.fail('goals.update', { goalId: goal.id, version: goal.version, on: '2026-11-21', status: 'inProgress' }))
        .fields,
    ).toEqual({ planId: 'planEnded' });
    expect((await t.fail('goals.save', { planId: plan.id, goal: GOAL })).fields).toEqual({ planId: 'planEnded' });
    view = await t.ok('plans.agree', { clientId: client.id, plan: { agreedOn: '2026-11-22' } });
    expect(view.active!.id).not.toBe(plan.id);
    expect(view.earlier).toHaveLength(1);
  });

  it('progress on a goal: status changes follow the rules, notes are kept, and two people cannot overwrite each other', async () => {
    const t = await ready();
    const { plan } = await clientWithPlan(t);
    let goal = (await t.ok('goals.save', { planId: plan.id, goal: GOAL })).active!.goals[0]!;
    // Nothing to record.
    expect(
      (await t.fail('goals.update', { goalId: goal.id, version: goal.version, on: '2026-11-23', status: 'notStarted' }))
        .fields,
    ).toEqual({ note: 'required' });
    goal = (
      await t.ok('goals.update', {
        goalId: goal.id,
        version: goal.version,
        on: '2026-11-20',
        status: 'inProgress',
        note: 'Housing register form sent',
      })
    ).active!.goals[0]!;
    expect(goal).toMatchObject({ status: 'inProgress', statusSince: '2026-11-20' });
    // A stale version is refused rather than overwriting.
    expect(
      (
        await t.fail('goals.update', {
          goalId: goal.id,
          version: goal.version - 1,
          on: '2026-11-21',
          status: 'achieved',
        })
      ).code,
    ).toBe('CONFLICT');
    expect(
      (await t.fail('goals.update', { goalId: goal.id, version: goal.version, on: '2026-11-21', status: 'dropped' }))
        .fields,
    ).toEqual({ note: 'reasonRequired' });
    expect(
      (await t.fail('goals.update', { goalId: goal.id, version: goal.version, on: '2026-11-21', status: 'notStarted' }))
        .fields,
    ).toEqual({ status: 'transitionNotAllowed' });
    goal = (
      await t.ok('goals.update', {
        goalId: goal.id,
        version: goal.version,
        on: '2026-11-22',
        status: 'inProgress',
        note: 'Viewing booked',
      })
    ).active!.goals[0]!;
    goal = (
      await t.ok('goals.update', { goalId: goal.id, version: goal.version, on: '2026-11-23', status: 'achieved' })
    ).active!.goals[0]!;
    expect(goal.updates.map((u) => [u.on, u.fromStatus, u.status, u.note])).toEqual([
      ['2026-11-23', 'inProgress', 'achieved', null],
      ['2026-11-22', null, null, 'Viewing booked'],
      ['2026-11-20', 'notStarted', 'inProgress', 'Housing register form sent'],
    ]);
    expect(goal.updates[0]!.recordedByName).toBe(ADMIN.name);
    // Reopening needs a reason.
    expect(
      (await t.fail('goals.update', { goalId: goal.id, version: goal.version, on: '2026-11-23', status: 'inProgress' }))
        .fields,
    ).toEqual({ note: 'reasonRequired' });
  });

  it('a retired or unknown need area cannot be linked to a new goal', async () => {
    const t = await ready();
    const { plan } = await clientWithPlan(t);
    const areas = await t.ok('needAreas.list', {});
    await t.ok('needAreas.save', { id: areas[0]!.id, name: 'Housing', retired: true });
    expect((await t.fail('goals.save', { planId: plan.id, goal: { ...GOAL, areaId: areas[0]!.id } })).fields).toEqual({
      'goal.areaId': 'areaRetired',
    });
    expect((await t.fail('goals.save', { planId: plan.id, goal: { ...GOAL, areaId: 9999 } })).fields).toEqual({
      'goal.areaId': 'invalid',
    });
    const view = await t.ok('goals.save', { planId: plan.id, goal: { ...GOAL, areaId: areas[1]!.id } });
    expect(view.active!.goals[0]!.areaId).toBe(areas[1]!.id);
  });

  it('merging two clients who both have an active plan ends the merged one, so one stays active', async () => {
    const t = await ready();
    const a = await clientWithPlan(t, 'Nowak');
    const b = await clientWithPlan(t, 'Nowakowski');
    await t.ok('goals.save', { planId: b.plan.id, goal: GOAL });
    await t.ok('clients.merge', { keepId: a.client.id, mergeId: b.client.id });
    const view = await t.ok('plans.get', { clientId: a.client.id });
    expect(view.active!.id).toBe(a.plan.id);
    expect(view.earlier.map((p) => [p.id, p.endReason, p.goals.length])).toEqual([[b.plan.id, 'merged', 1]]);
  });
});

describe('tasks', () => {
  it('are given to an active user, can hang under a goal of the same client, and are ticked off by their person', async () => {
    const t = await ready();
    const { client, plan } = await clientWithPlan(t);
    const other = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Lis' });
    const otherGoal = (
      await t.ok('goals.save', {
        planId: (await t.ok('plans.agree', { clientId: other.id, plan: { agreedOn: '2026-11-01' } })).active!.id,
        goal: GOAL,
      })
    ).active!.goals[0]!;
    const goal = (await t.ok('goals.save', { planId: plan.id, goal: GOAL })).active!.goals[0]!;
    const vol = await t.ok('users.create', { name: 'Vera Volunteer', role: 'volunteer', password: 'temporary pass 1' });
    expect(
      (
        await t.fail('tasks.save', {
          clientId: client.id,
          task: { title: 'Ring the council', dueOn: '2026-11-23', assignedTo: 999 },
        })
      ).fields,
    ).toEqual({ 'task.assignedTo': 'invalid' });
    expect(
      (
        await t.fail('tasks.save', {
          clientId: client.id,
          task: { title: 'x', dueOn: '2026-11-23', assignedTo: vol.id, goalId: otherGoal.id },
        })
      ).fields,
    ).toEqual({ 'task.goalId': 'invalid' });
    expect(
      (
        await t.fail('tasks.save', {
          clientId: client.id,
          task: { title: '', dueOn: '2026-13-01', assignedTo: vol.id },
        })
      ).fields,
    ).toEqual({ 'task.title': 'required', 'task.dueOn': 'invalidDate' });
    await t.ok('tasks.save', {
      clientId: client.id,
      task: { title: 'Ring the council', dueOn: '2026-11-25', assignedTo: vol.id, goalId: goal.id },
    });
    const view = await t.ok('tasks.save', {
      clientId: client.id,
      task: { title: 'Book a food bank slot', dueOn: '2026-11-23', assignedTo: 1 },
    });
    expect(view.tasks.map((x) => [x.title, x.dueOn, x.assignedToName, x.doneOn])).toEqual([
      ['Book a food bank slot', '2026-11-23', ADMIN.name, null],
      ['Ring the council', '2026-11-25', 'Vera Volunteer', null],
    ]);
    const volunteersTask = view.tasks[1]!;
    const adminsTask = view.tasks[0]!;
    // A changed due date moves the task in the list; the task is the same one.
    const moved = await t.ok('tasks.save', {
      clientId: client.id,
      id: adminsTask.id,
      task: { title: 'Book a food bank slot', dueOn: '2026-11-30', assignedTo: 1 },
    });
    expect(moved.tasks.map((x) => [x.id, x.dueOn])).toEqual([
      [volunteersTask.id, '2026-11-25'],
      [adminsTask.id, '2026-11-30'],
    ]);
    expect(
      (
        await t.fail('tasks.save', {
          clientId: other.id,
          id: adminsTask.id,
          task: { title: 'x', dueOn: '2026-11-30', assignedTo: 1 },
        })
      ).code,
    ).toBe('NOT_FOUND');

    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', { name: 'Vera Volunteer', password: 'temporary pass 1' });
    await t.ok('signIn.setNewPassword', { newPassword: 'volunteer password 1' });
    expect((await t.fail('tasks.setDone', { id: adminsTask.id, done: true })).code).toBe('FORBIDDEN');
    const done = await t.ok('tasks.setDone', { id: volunteersTask.id, done: true });
    expect(done).toMatchObject({ doneOn: '2026-11-23', doneByName: 'Vera Volunteer' });
    // Ticking twice changes nothing; unticking brings it back.
    expect(await t.ok('tasks.setDone', { id: volunteersTask.id, done: true })).toMatchObject({ doneOn: '2026-11-23' });
    expect(await t.ok('tasks.setDone', { id: volunteersTask.id, done: false })).toMatchObject({
      doneOn: null,
      doneByName: null,
    });
  });
});

describe('the caseload home screen', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = savedTz;
  });

  async function caseworkerWithWork() {
    const t = await ready();
    const cw = await t.ok('users.create', {
      name: 'Carl Caseworker',
      role: 'caseworker',
      password: 'temporary pass 1',
    });
    const mine = await addNewPerson(t, {
      firstName: 'Jan',
      lastName: 'Nowak',
      intakeDate: '2026-11-01',
      caseworkerId: cw.id,
    });
    const plan = (await t.ok('plans.agree', { clientId: mine.id, plan: { agreedOn: '2026-11-02' } })).active!;
    await t.ok('goals.save', {
      planId: plan.id,
      goal: { ...GOAL, description: 'Register with a GP', targetDate: '2026-11-20' },
    });
    await t.ok('goals.save', {
      planId: plan.id,
      goal: { ...GOAL, description: 'Open a bank account', targetDate: '2026-12-20' },
    });
    for (const [title, dueOn] of [
      ['Overdue since Friday', '2026-11-20'],
      ['Due on the 23rd', '2026-11-23'],
      ['Due on the 24th', '2026-11-24'],
      ['Due next week', '2026-11-30'],
      ['Due next month', '2026-12-23'],
    ] as const)
      await t.ok('tasks.save', { clientId: mine.id, task: { title, dueOn, assignedTo: cw.id } });
    await t.ok('tasks.save', {
      clientId: mine.id,
      task: { title: 'Someone else’s', dueOn: '2026-11-20', assignedTo: 1 },
    });
    await addNewPerson(t, { firstName: 'Ewa', lastName: 'Lis', intakeDate: '2026-11-01' });
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', { name: 'Carl Caseworker', password: 'temporary pass 1' });
    await t.ok('signIn.setNewPassword', { newPassword: 'caseworker password 1' });
    return { t, cw, mine };
  }

  it('lists my tasks due today and overdue by the date on this PC’s calendar, around midnight and across time zones', async () => {
    const { t } = await caseworkerWithWork();
    const due = async () => {
      const c = await t.ok('caseload.get', {});
      return { today: c.today, due: c.tasksDue.map((x) => x.title), upcoming: c.tasksUpcoming.map((x) => x.title) };
    };
    // 23:30 in London is still the 23rd: the task due on the 23rd is due today, not overdue.
    process.env.TZ = 'Europe/London';
    t.clock.now = Date.parse('2026-11-23T23:30:00Z');
    expect(await due()).toEqual({
      today: '2026-11-23',
      due: ['Overdue since Friday', 'Due on the 23rd'],
      upcoming: ['Due on the 24th', 'Due next week'],
    });
    // The same instant is already the 24th in Warsaw: the 24th's task is due today.
    process.env.TZ = 'Europe/Warsaw';
    expect(await due()).toEqual({
      today: '2026-11-24',
      due: ['Overdue since Friday', 'Due on the 23rd', 'Due on the 24th'],
      upcoming: ['Due next week'],
    });
    // One minute before local midnight and at midnight itself.
    t.clock.now = Date.parse('2026-11-23T22:59:00Z');
    expect((await due()).today).toBe('2026-11-23');
    t.clock.now = Date.parse('2026-11-23T23:00:00Z');
    expect((await due()).today).toBe('2026-11-24');
    // In New York it is still the afternoon of the 23rd.
    process.env.TZ = 'America/New_York';
    t.clock.now = Date.parse('2026-11-24T03:00:00Z');
    expect((await due()).due).toEqual(['Overdue since Friday', 'Due on the 23rd']);
  });

  it('shows my open clients, goals past their target date and reviews due; the coordinator sees everyone’s load', async () => {
    process.env.TZ = 'Europe/London';
    const { t, cw, mine } = await caseworkerWithWork();
    let c = await t.ok('caseload.get', {});
    expect(c.clients.map((x) => x.clientName)).toEqual(['Jan Nowak']);
    expect(c.goalsPastTarget.map((g) => [g.description, g.targetDate])).toEqual([['Register with a GP', '2026-11-20']]);
    // Intake on 1 November, no assessment yet: the first review is due 12 weeks later, 24 January.
    expect(c.clients[0]).toMatchObject({ lastAssessedOn: null, reviewDueOn: '2027-01-24' });
    expect(c.reviewsDue).toEqual([]);
    expect(c.caseworkers).toEqual([]);

    await t.ok('assessments.save', {
      clientId: mine.id,
      assessment: { assessedOn: '2026-08-01', scores: [{ areaId: 1, score: 3 }] },
    });
    c = await t.ok('caseload.get', {});
    expect(c.reviewsDue.map((r) => [r.clientName, r.lastAssessedOn, r.dueOn])).toEqual([
      ['Jan Nowak', '2026-08-01', '2026-10-24'],
    ]);
    // A review resets the clock.
    await t.ok('reviews.record', {
      clientId: mine.id,
      review: { assessedOn: '2026-11-23', scores: [{ areaId: 1, score: 5 }] },
    });
    c = await t.ok('caseload.get', {});
    expect(c.reviewsDue).toEqual([]);
    expect(c.clients[0]).toMatchObject({ lastAssessedOn: '2026-11-23', reviewDueOn: '2027-02-15' });

    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', ADMIN);
    await t.ok('reviews.setInterval', { weeks: 2 });
    expect((await t.fail('reviews.setInterval', { weeks: 0 })).fields).toEqual({ weeks: 'weeksRange' });
    c = await t.ok('caseload.get', {});
    expect(c.reviewWeeks).toBe(2);
    expect(c.caseworkers).toEqual([
      { userId: 1, name: ADMIN.name, openClients: 0, tasksOverdue: 1, reviewsDue: 0 },
      { userId: cw.id, name: 'Carl Caseworker', openClients: 1, tasksOverdue: 1, reviewsDue: 0 },
      { userId: null, name: null, openClients: 1, tasksOverdue: 0, reviewsDue: 1 },
    ]);
  });
});

describe('the latest assessment date kept on each client', () => {
  it('follows a new assessment, a review, a re-dated assessment and a merge, so the home screens read it without looking', async () => {
    const t = await ready();
    const last = async (clientId: number) =>
      (await t.ok('caseload.get', {})).clients.find((c) => c.clientId === clientId)?.lastAssessedOn;
    const zofia = await addNewPerson(t, {
      firstName: 'Zofia',
      lastName: 'Nowak',
      intakeDate: '2026-01-05',
      caseworkerId: 1,
    });
    const jan = await addNewPerson(t, {
      firstName: 'Jan',
      lastName: 'Kowal',
      intakeDate: '2026-01-05',
      caseworkerId: 1,
    });
    expect(await last(zofia.id)).toBeNull();
    const first = await t.ok('assessments.save', {
      clientId: zofia.id,
      assessment: { assessedOn: '2026-08-01', scores: [{ areaId: 1, score: 3 }] },
    });
    expect(await last(zofia.id)).toBe('2026-08-01');
    await t.ok('reviews.record', {
      clientId: zofia.id,
      review: { assessedOn: '2026-09-01', scores: [{ areaId: 1, score: 4 }] },
    });
    expect(await last(zofia.id)).toBe('2026-09-01');
    // Re-dating the first assessment later than the review moves the date; back earlier, the review's date again.
    const a = first.assessments.find((x) => x.assessedOn === '2026-08-01')!;
    const moved = await t.ok('assessments.save', {
      clientId: zofia.id,
      target: { id: a.id, version: a.version },
      assessment: { assessedOn: '2026-10-01', scores: [{ areaId: 1, score: 3 }] },
    });
    expect(await last(zofia.id)).toBe('2026-10-01');
    const b = moved.assessments.find((x) => x.id === a.id)!;
    await t.ok('assessments.save', {
      clientId: zofia.id,
      target: { id: b.id, version: b.version },
      assessment: { assessedOn: '2026-07-01', scores: [{ areaId: 1, score: 3 }] },
    });
    expect(await last(zofia.id)).toBe('2026-09-01');
    // Merging brings the merged record's assessments, and their dates.
    await t.ok('assessments.save', {
      clientId: jan.id,
      assessment: { assessedOn: '2026-11-20', scores: [{ areaId: 1, score: 2 }] },
    });
    await t.ok('clients.merge', { keepId: zofia.id, mergeId: jan.id });
    expect(await last(zofia.id)).toBe('2026-11-20');
  });
});

describe('reviews', () => {
  it('re-score the areas and update the goals in one go; the progress shows each area over time and the change since the first', async () => {
    const t = await ready();
    const { client, plan } = await clientWithPlan(t);
    const goal = (await t.ok('goals.save', { planId: plan.id, goal: GOAL })).active!.goals[0]!;
    await t.ok('assessments.save', {
      clientId: client.id,
      assessment: {
        assessedOn: '2026-08-01',
        scores: [
          { areaId: 1, score: 2 },
          { areaId: 2, score: 6 },
        ],
      },
    });
    // A bad goal change rolls back the whole review.
    const bad = await t.fail('reviews.record', {
      clientId: client.id,
      review: { assessedOn: '2026-10-01', scores: [{ areaId: 1, score: 4 }] },
      goals: [{ goalId: goal.id, version: goal.version, status: 'dropped', note: null }],
    });
    expect(bad.fields).toEqual({ 'goals.0.note': 'reasonRequired' });
    expect((await t.ok('clients.get', { id: client.id })).assessments).toHaveLength(1);

    await t.ok('reviews.record', {
      clientId: client.id,
      review: {
        assessedOn: '2026-10-01',
        scores: [
          { areaId: 1, score: 4 },
          { areaId: 2, score: 5 },
        ],
      },
      goals: [{ goalId: goal.id, version: goal.version, status: 'inProgress', note: 'On the register' }],
    });
    const record = await t.ok('reviews.record', {
      clientId: client.id,
      review: {
        assessedOn: '2026-11-23',
        scores: [
          { areaId: 1, score: 7 },
          { areaId: 3, score: 9 },
        ],
      },
    });
    expect(record.assessments.map((a) => [a.assessedOn, a.kind])).toEqual([
      ['2026-11-23', 'review'],
      ['2026-10-01', 'review'],
      ['2026-08-01', 'assessment'],
    ]);
    expect(areaProgress(record.assessments).map((p) => [p.areaId, p.points.map((x) => x.score), p.change])).toEqual([
      [1, [2, 4, 7], 5],
      [2, [6, 5], -1],
      [3, [9], 0],
    ]);
    const view = await t.ok('plans.get', { clientId: client.id });
    expect(view.active!.goals[0]).toMatchObject({ status: 'inProgress', statusSince: '2026-10-01' });
    expect(view.active!.goals[0]!.updates[0]!.reviewId).toBe(record.assessments[1]!.id);
  });

  it('an assessment and a review on the same day are two columns of the progress chart, and neither hides the other', () => {
    const at = (id: number, on: string, kind: Assessment['kind'], scores: [number, number][]): Assessment =>
      ({
        id,
        clientId: 1,
        kind,
        assessedOn: on,
        sensitive: false,
        withheld: false,
        summary: null,
        assessedByName: null,
        version: 1,
        scores: scores.map(([areaId, score]) => ({ areaId, score, notes: null, strengths: null })),
      }) as Assessment;
    const columns = progressColumns([
      at(2, '2026-03-01', 'review', [
        [1, 5],
        [2, 5],
      ]),
      at(1, '2026-03-01', 'assessment', [
        [1, 3],
        [2, 3],
      ]),
      at(3, '2026-04-01', 'review', [[1, 6]]),
    ]);
    expect(columns.map((c) => [c.id, c.on, c.kind, c.sameDay, c.scores])).toEqual([
      [1, '2026-03-01', 'assessment', true, { 1: 3, 2: 3 }],
      [2, '2026-03-01', 'review', true, { 1: 5, 2: 5 }],
      [3, '2026-04-01', 'review', false, { 1: 6 }],
    ]);
  });

  it('a sensitive assessment a volunteer cannot read is left out of their progress', () => {
    const a = (id: number, on: string, score: number, withheld = false): Assessment => ({
      id,
      clientId: 1,
      kind: 'review',
      assessedOn: on,
      sensitive: withheld,
      withheld,
      summary: null,
      assessedByName: null,
      version: 1,
      scores: withheld ? [] : [{ areaId: 1, score, notes: null, strengths: null }],
      fromForm: null,
    });
    expect(areaProgress([a(3, '2026-03-01', 9, true), a(2, '2026-02-01', 6), a(1, '2026-01-01', 3)])).toEqual([
      {
        areaId: 1,
        points: [
          { on: '2026-01-01', score: 3, kind: 'review' },
          { on: '2026-02-01', score: 6, kind: 'review' },
        ],
        first: 3,
        latest: 6,
        change: 3,
      },
    ]);
  });
});

describe('case notes', () => {
  const NOTE = {
    date: '2026-11-23',
    time: '09:30',
    kind: 'phone' as const,
    durationMinutes: 20,
    body: 'Rang about the rent arrears letter.',
  };

  it('check the date, time, length and duration', () => {
    expect(issues(caseNoteInputSchema, NOTE)).toEqual({});
    expect(
      issues(caseNoteInputSchema, { ...NOTE, date: '2099-01-01', time: '25:00', durationMinutes: -5, body: ' ' }),
    ).toEqual({
      date: 'dateInFuture',
      time: 'invalidTime',
      durationMinutes: 'durationRange',
      body: 'required',
    });
    expect(issues(caseNoteInputSchema, { ...NOTE, body: 'x'.repeat(20_001) })).toEqual({ body: 'tooLong' });
    expect(onDay('2026-11-23', () => caseNoteInputSchema.parse(NOTE))).toMatchObject({
      occurredAt: '2026-11-23T09:30',
    });
  });

  it('are never silently edited: the earlier versions stay, seen by the writer and administrators, and only they may edit', async () => {
    const t = await ready();
    const c = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak' });
    const { password } = await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    const note = await t.ok('notes.save', { clientId: c.id, note: NOTE });
    expect(note).toMatchObject({
      occurredAt: '2026-11-23T09:30',
      writtenByName: 'Vera Volunteer',
      editedAt: null,
      version: 1,
    });
    t.clock.now += 60_000;
    const edited = await t.ok('notes.save', {
      clientId: c.id,
      target: { id: note.id, version: 1 },
      note: { ...NOTE, body: 'Rang about the rent arrears letter. Agreed to visit.' },
    });
    expect(edited).toMatchObject({
      version: 2,
      editedByName: 'Vera Volunteer',
      body: 'Rang about the rent arrears letter. Agreed to visit.',
    });
    // Someone editing from the old version is refused, not overwritten.
    expect((await t.fail('notes.save', { clientId: c.id, target: { id: note.id, version: 1 }, note: NOTE })).code).toBe(
      'CONFLICT',
    );
    // The writer sees what she wrote before (as the administrator does).
    expect((await t.ok('notes.history', { id: note.id })).versions.map((v) => [v.version, v.body])).toEqual([
      [1, 'Rang about the rent arrears letter.'],
    ]);

    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', ADMIN);
    const adminNote = await t.ok('notes.save', {
      clientId: c.id,
      note: { ...NOTE, time: '10:00', body: 'Safeguarding concern discussed.', sensitive: true },
    });
    const history = await t.ok('notes.history', { id: note.id });
    expect(history.versions.map((v) => [v.version, v.body, v.writtenByName])).toEqual([
      [1, 'Rang about the rent arrears letter.', 'Vera Volunteer'],
    ]);
    await t.ok('notes.save', {
      clientId: c.id,
      target: { id: note.id, version: 2 },
      note: { ...NOTE, body: 'Third version' },
    });
    expect((await t.ok('notes.history', { id: note.id })).versions.map((v) => [v.version, v.writtenByName])).toEqual([
      [2, 'Vera Volunteer'],
      [1, 'Vera Volunteer'],
    ]);

    // The volunteer cannot edit the administrator's note, nor read it, because it is sensitive.
    await t.ok('signIn.lock', {});
    await t.ok('signIn.unlock', { name: 'Vera Volunteer', password });
    expect(
      (await t.fail('notes.save', { clientId: c.id, target: { id: adminNote.id, version: 1 }, note: NOTE })).code,
    ).toBe('FORBIDDEN');
    // Nor see the earlier versions of a note someone else wrote.
    expect((await t.fail('notes.history', { id: adminNote.id })).code).toBe('FORBIDDEN');
    expect(await t.ok('notes.get', { id: adminNote.id })).toMatchObject({
      withheld: true,
      body: null,
      sensitive: true,
    });
    // Her own note, now edited by the administrator, she still reads, and sees who edited it.
    expect(await t.ok('notes.get', { id: note.id })).toMatchObject({
      withheld: false,
      body: 'Third version',
      editedByName: ADMIN.name,
      version: 3,
    });
  });
});

describe('the timeline', () => {
  it('lists everything that happened to a client in date order, can be filtered, and withholds sensitive text', async () => {
    const t = await ready();
    const { client, plan } = await clientWithPlan(t);
    const goal = (await t.ok('goals.save', { planId: plan.id, goal: GOAL })).active!.goals[0]!;
    await t.ok('notes.save', {
      clientId: client.id,
      note: { date: '2026-11-05', time: '14:00', kind: 'homeVisit', body: 'Visited at home.', goalId: goal.id },
    });
    await t.ok('notes.save', {
      clientId: client.id,
      note: { date: '2026-11-06', time: '09:00', kind: 'phone', body: 'Disclosed abuse.', sensitive: true },
    });
    await t.ok('assessments.save', {
      clientId: client.id,
      assessment: {
        assessedOn: '2026-11-03',
        summary: 'Private summary',
        sensitive: true,
        scores: [{ areaId: 1, score: 3 }],
      },
    });
    await t.ok('goals.update', { goalId: goal.id, version: goal.version, on: '2026-11-10', status: 'inProgress' });
    await t.ok('riskFlags.raise', { clientId: client.id, kind: 'domesticAbuse', raisedOn: '2026-11-06' });
    const task = (
      await t.ok('tasks.save', {
        clientId: client.id,
        task: { title: 'Send the form', dueOn: '2026-11-23', assignedTo: 1 },
      })
    ).tasks[0]!;
    await t.ok('tasks.setDone', { id: task.id, done: true });

    const all = await t.ok('timeline.get', { clientId: client.id });
    expect(all.items.map((e) => [e.at, e.event])).toEqual([
      ['2026-11-23', 'taskDone'],
      ['2026-11-23', 'goalAdded'],
      ['2026-11-10', 'goalUpdated'],
      ['2026-11-06T09:00', 'note'],
      ['2026-11-06', 'riskRaised'],
      ['2026-11-05T14:00', 'note'],
      ['2026-11-03', 'assessment'],
      ['2026-11-02', 'planAgreed'],
      ['2026-11-01', 'intake'],
    ]);
    expect(all.total).toBe(9);
    expect(all.items[2]).toMatchObject({ text: GOAL.description, detail: 'inProgress', byName: ADMIN.name });
    expect(all.items[5]!.note).toMatchObject({ kind: 'homeVisit', body: 'Visited at home.', goalId: goal.id });

    const notes = await t.ok('timeline.get', { clientId: client.id, types: ['note'] });
    expect(notes.items.map((e) => e.note!.body)).toEqual(['Disclosed abuse.', 'Visited at home.']);
    const page = await t.ok('timeline.get', { clientId: client.id, limit: 2, offset: 2 });
    expect(page.items.map((e) => e.event)).toEqual(['goalUpdated', 'note']);
    expect(page.total).toBe(9);

    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    const seen = await t.ok('timeline.get', { clientId: client.id, types: ['note', 'assessment'] });
    expect(seen.items.map((e) => [e.event, e.withheld, e.text, e.note?.body ?? null])).toEqual([
      ['note', 'sensitive', null, null],
      ['note', null, null, 'Visited at home.'],
      ['assessment', 'sensitive', null, null],
    ]);
  });

  it('a day of work reads in the order it was done, each step with its time; a volunteer is told why each thing is held back', async () => {
    const t = await ready();
    const day = '2026-11-23';
    // The clock at a local time of day on that day.
    const at = (hhmm: string) => (t.clock.now = new Date(`${day}T${hhmm}:00`).getTime());
    at('09:00');
    const c = await addNewPerson(t, { firstName: 'Jan', lastName: 'Kowalski', intakeDate: day });
    at('09:20');
    await t.ok('assessments.save', {
      clientId: c.id,
      assessment: { assessedOn: day, scores: [{ areaId: 1, score: 3 }] },
    });
    at('09:40');
    await t.ok('riskFlags.raise', { clientId: c.id, kind: 'violence', raisedOn: day });
    at('10:00');
    await t.ok('plans.agree', { clientId: c.id, plan: { agreedOn: day, summary: 'Keep the flat' } });
    at('10:30');
    // A note written now about a call at 08:45, and one about now.
    await t.ok('notes.save', {
      clientId: c.id,
      note: { date: day, time: '08:45', kind: 'phone', body: 'Rang before coming in.' },
    });
    await t.ok('notes.save', {
      clientId: c.id,
      note: { date: day, time: '10:30', kind: 'officeVisit', body: 'Talked it through.' },
    });
    at('11:15');
    await t.ok('assessments.save', {
      clientId: c.id,
      assessment: { assessedOn: day, scores: [{ areaId: 1, score: 4 }] },
    });
    // Recorded today about an earlier day: that day, with no time (it is not known).
    await t.ok('riskFlags.raise', { clientId: c.id, kind: 'selfHarm', raisedOn: '2026-11-20' });
    const template = (await t.ok('templates.list', {})).find((x) => x.kind === 'general' && x.language === 'en')!;
    const request = { clientId: c.id, templateId: template.id, text: 'See you soon.' };
    const preview = await t.ok('letters.preview', request);
    at('11:30');
    await t.ok('letters.keep', { request, edits: { subject: preview.subject, body: preview.body } });

    const items = (await t.ok('timeline.get', { clientId: c.id })).items;
    expect(items.map((e) => [e.event, e.time])).toEqual([
      ['letter', '11:30'],
      ['assessment', '11:15'],
      ['note', '10:30'],
      ['planAgreed', '10:00'],
      ['riskRaised', '09:40'],
      ['assessment', '09:20'],
      ['intake', '09:00'],
      ['note', '08:45'],
      ['riskRaised', null],
    ]);

    // The letter is held back from a volunteer because it is a letter, not because anyone marked it.
    await signInAsNewUser(t, 'Vera Volunteer', 'volunteer');
    const seen = (await t.ok('timeline.get', { clientId: c.id, types: ['letter', 'note'] })).items;
    expect(seen.map((e) => [e.event, e.withheld])).toEqual([
      ['letter', 'letter'],
      ['note', null],
      ['note', null],
    ]);
  });
});

describe('safety plans', () => {
  const PLAN = {
    warningSigns: 'Not sleeping, stopping eating, staying in bed all day.',
    copingSteps: 'Walk the dog. Ring my sister. Listen to music.',
    keepingSafe: 'Give the spare tablets to the pharmacy.',
    contacts: [
      { name: 'Magda', role: 'Sister', phone: '07700 900456' },
      { name: 'Samaritans', role: 'Any time, free', phone: '116 123' },
    ],
    agreedOn: '2026-11-23',
    reviewOn: '2026-12-07',
  };

  it('need the warning signs, the steps, a contact and a review after the agreed date', () => {
    expect(issues(safetyPlanInputSchema, PLAN)).toEqual({});
    expect(issues(safetyPlanInputSchema, { ...PLAN, warningSigns: '', contacts: [], reviewOn: '2026-11-01' })).toEqual({
      warningSigns: 'required',
      contacts: 'contactRequired',
      reviewOn: 'reviewBeforeAgreed',
    });
    expect(issues(safetyPlanInputSchema, { ...PLAN, contacts: [{ name: 'GP', phone: 'call me' }] })).toEqual({
      'contacts.0.phone': 'invalidPhone',
    });
  });

  it('keep every version; the newest prints as a one-page PDF, even when long', async () => {
    const t = await ready();
    const c = await addNewPerson(t, { firstName: 'Zofia', lastName: 'Wiśniewska-Łęcka' });
    expect(await t.ok('safetyPlans.get', { clientId: c.id })).toBeNull();
    expect((await t.fail('safetyPlans.savePdf', { clientId: c.id })).code).toBe('NOT_FOUND');
    await t.ok('safetyPlans.save', { clientId: c.id, plan: PLAN });
    const long = 'Żółć gęślą jaźń — długi opis sytuacji, który nie mieści się w jednej linijce. '.repeat(25);
    const saved = await t.ok('safetyPlans.save', {
      clientId: c.id,
      plan: {
        ...PLAN,
        copingSteps: long,
        contacts: [
          ...PLAN.contacts,
          ...Array.from({ length: 8 }, (_, i) => ({
            name: `Contact ${i + 3}`,
            role: 'Friend',
            phone: `0113 496 00${i}0`,
          })),
        ],
      },
    });
    expect(saved).toMatchObject({ versions: 2, writtenByName: ADMIN.name });
    const { path } = await t.ok('safetyPlans.savePdf', { clientId: c.id });
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [path]).toString()).toMatch(/Pages:\s+1\n/);
    const text = pdfText(path);
    expect(text).toContain('Zofia Wiśniewska-Łęcka');
    expect(text).toContain('Not sleeping');
    expect(text).toContain('116 123');
    expect(text).toContain('Contact 10');
    expect(text).toContain('Żółć gęślą jaźń');
  });
});
