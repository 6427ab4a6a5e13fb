import { addNewPerson, type TestCore } from './helpers';

/**
 * Zofia, with something in every kind of record about a client (household, contacts, risk flag,
 * assessments, a note, a plan and goal, a safety plan, help given). The erasure and subject access
 * tests both look for these words: none may survive her erasure, all must be in her pack.
 */
export const ZOFIA_WORDS = [
  'Wiśniewska',
  'Łęcka',
  '07700 900123',
  'Żółkiewskiego',
  'zofia@example.org',
  'Kasia Łęcka',
  'Dr Nowicki',
  'her brother Marek',
  'sleeps at Marek',
  'Marek’s flat',
  'knife in the kitchen',
];

export async function withZofia(t: TestCore) {
  const areas = await t.ok('needAreas.list', {});
  const housing = areas.find((a) => a.builtinKey === 'housing')!.id;
  const zofia = await addNewPerson(t, {
    firstName: 'Zofia',
    lastName: 'Wiśniewska-Łęcka',
    dateOfBirth: '1984-05-17',
    phone: '07700 900123',
    email: 'zofia@example.org',
    address: 'ul. Żółkiewskiego 5, Leeds',
    postcode: 'LS6 2AB',
    gender: 'Female',
    preferredLanguage: 'pl',
    intakeDate: '2026-03-01',
  });
  const id = zofia.id;
  await t.ok('household.save', { clientId: id, member: { name: 'Kasia Łęcka', relationship: 'child' } });
  await t.ok('household.saveContact', { clientId: id, contact: { role: 'gp', name: 'Dr Nowicki' } });
  await t.ok('riskFlags.raise', {
    clientId: id,
    kind: 'violence',
    note: 'knife in the kitchen',
    raisedOn: '2026-03-01',
  });
  await t.ok('assessments.save', {
    clientId: id,
    assessment: {
      assessedOn: '2026-03-01',
      summary: 'Lives with her brother Marek',
      scores: [{ areaId: housing, score: 3 }],
    },
  });
  await t.ok('assessments.save', {
    clientId: id,
    assessment: { assessedOn: '2026-06-01', scores: [{ areaId: housing, score: 6 }] },
  });
  await t.ok('notes.save', {
    clientId: id,
    note: {
      date: '2026-03-02',
      time: '10:00',
      kind: 'phone',
      durationMinutes: 20,
      body: 'She sleeps at Marek’s flat.',
    },
  });
  const plan = await t.ok('plans.agree', {
    clientId: id,
    plan: { agreedOn: '2026-03-03', summary: 'Move out of Marek’s flat' },
  });
  await t.ok('goals.save', {
    planId: plan.active!.id,
    goal: {
      description: 'A home away from her brother Marek',
      measure: 'Tenancy signed',
      targetDate: '2026-12-01',
      owner: 'client',
    },
  });
  await t.ok('safetyPlans.save', {
    clientId: id,
    plan: {
      warningSigns: 'When Marek drinks',
      copingSteps: 'Go to Kasia Łęcka',
      agreedOn: '2026-03-03',
      reviewOn: '2026-06-03',
      contacts: [{ name: 'Kasia Łęcka', role: 'daughter', phone: '07700 555666' }],
    },
  });
  const parcel = (await t.ok('helpTypes.list', {})).find((x) => x.builtinKey === 'foodParcel')!.id;
  await t.ok('helpGiven.give', {
    clientId: id,
    helpGiven: { typeId: parcel, givenOn: '2026-03-04', quantity: 1, note: 'Collected by Kasia Łęcka' },
  });
  return zofia;
}
