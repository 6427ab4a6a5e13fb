import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/contract';
import { SUBJECTS } from '../../electron/core/clients/reach';
import { inputs } from './channelInputs';
import { ADMIN, addNewPerson, setUp, signInAsNewUser, startCore, type TestCore } from './helpers';
import { withZofia } from './zofia';

/**
 * A charity may keep caseworkers and volunteers to their own clients: those allocated to them, those
 * they took in unallocated, and those shared with them. Administrators see everyone.
 */
const CARA = { name: 'Cara Caseworker', password: 'caseworker password 123' };
const DAN = { name: 'Dan Caseworker', password: 'caseworker password 123' };
const VERA = { name: 'Vera Volunteer', password: 'volunteer password 123' };

async function as(t: TestCore, who: { name: string; password: string }) {
  await t.ok('signIn.lock', {});
  await t.ok('signIn.unlock', who);
}

/** The administrator's Zofia (a full record, allocated to nobody), Cara's own Jan, Dan's Ewa. */
async function charityOfThree() {
  const t = startCore();
  await setUp(t);
  const zofia = await withZofia(t);
  const zofiaNote = (await t.ok('timeline.get', { clientId: zofia.id, limit: 50, offset: 0 })).items.find(
    (e) => e.type === 'note',
  )!;
  const ids: Record<string, number> = {};
  for (const [who, role] of [
    [DAN, 'caseworker'],
    [VERA, 'volunteer'],
    [CARA, 'caseworker'],
  ] as const) {
    ids[who.name] = (await signInAsNewUser(t, who.name, role)).user.id;
    await as(t, ADMIN);
  }
  await t.ok('tasks.save', {
    clientId: zofia.id,
    task: { title: 'Ring Zofia about her tenancy', dueOn: '2026-11-20', assignedTo: ids[CARA.name]! },
  });
  const ewa = await addNewPerson(t, { firstName: 'Ewa', lastName: 'Kowal', caseworkerId: ids[DAN.name]! });
  await as(t, CARA);
  const jan = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak' });
  await as(t, ADMIN);
  return { t, zofia, zofiaNote, ewa, jan, ids };
}

const names = (r: { items: { firstName: string }[] }) => r.items.map((c) => c.firstName).sort();
const everyone = { query: '', limit: 50, offset: 0 };

describe('caseworkers who see only their own clients', () => {
  it('every channel says what it is about, and only administrators use those left to them', () => {
    for (const ch of CHANNELS) {
      expect(SUBJECTS[ch], ch).toBeDefined();
      if (SUBJECTS[ch] === 'admins') expect(contract[ch].access, ch).toEqual(['admin']);
    }
  });

  it('is off until an administrator turns it on; then a caseworker finds, opens and changes only their own', async () => {
    const { t, zofia, zofiaNote, ewa, jan, ids } = await charityOfThree();
    await as(t, CARA);
    expect(names(await t.ok('clients.search', everyone))).toEqual(['Ewa', 'Jan', 'Zofia']);
    expect((await t.ok('app.status', {})).ownClientsOnly).toBe(false);
    expect((await t.fail('settings.setOwnClientsOnly', { ownClientsOnly: true })).code).toBe('FORBIDDEN');

    await as(t, ADMIN);
    expect((await t.ok('settings.setOwnClientsOnly', { ownClientsOnly: true })).ownClientsOnly).toBe(true);
    expect(names(await t.ok('clients.search', everyone))).toEqual(['Ewa', 'Jan', 'Zofia']);

    await as(t, CARA);
    expect((await t.ok('app.status', {})).ownClientsOnly).toBe(true);
    // Jan she took in (nobody allocated); Ewa is Dan's; Zofia is nobody's and not hers.
    expect(names(await t.ok('clients.search', everyone))).toEqual(['Jan']);
    expect(names(await t.ok('clients.search', { ...everyone, query: 'Zofia' }))).toEqual([]);
    await t.ok('clients.get', { id: jan.id });
    for (const [channel, input] of [
      ['clients.get', { id: zofia.id }],
      ['clients.get', { id: ewa.id }],
      ['timeline.get', { clientId: zofia.id, limit: 50, offset: 0 }],
      ['notes.get', { id: zofiaNote.refId }],
      ['plans.get', { clientId: zofia.id }],
      ['safetyPlans.get', { clientId: zofia.id }],
      ['helpGiven.forClient', { clientId: zofia.id }],
      // Her own client's id with Zofia's note: the note is what is checked.
      [
        'notes.save',
        {
          clientId: jan.id,
          target: { id: zofiaNote.refId, version: 1 },
          note: { date: '2026-11-23', time: '10:00', kind: 'phone', body: 'Changed' },
        },
      ],
      [
        'clients.setStatus',
        { id: ewa.id, version: 1, change: { status: 'closed', reason: 'movedAway', on: '2026-11-23' } },
      ],
    ] as const) {
      const refused = await t.fail(channel as Channel, input as never);
      expect(refused.code, channel).toBe('NOT_YOUR_CLIENT');
    }
    // The lists across clients leave others out: the task about Zofia given to Cara, the help given to Zofia.
    const home = await t.ok('caseload.get', {});
    expect(home.tasksDue.map((x) => x.title)).not.toContain('Ring Zofia about her tenancy');
    expect((await t.ok('helpGiven.list', { limit: 50, offset: 0 })).items).toEqual([]);
    expect(
      (await t.ok('clients.findDuplicates', { firstName: 'Zofia', lastName: 'Wiśniewska-Łęcka' })).map(
        (d) => d.client.id,
      ),
    ).toEqual([]);

    // Dan shares Ewa with Cara: now she sees her, and the record says with whom it is shared.
    await as(t, DAN);
    expect((await t.fail('clients.share', { clientId: zofia.id, userIds: [ids[CARA.name]!] })).code).toBe(
      'NOT_YOUR_CLIENT',
    );
    const shared = await t.ok('clients.share', { clientId: ewa.id, userIds: [ids[CARA.name]!] });
    expect(shared.sharedWith.map((u) => u.name)).toEqual([CARA.name]);
    await as(t, CARA);
    expect(names(await t.ok('clients.search', everyone))).toEqual(['Ewa', 'Jan']);
    expect((await t.ok('clients.get', { id: ewa.id })).client.id).toBe(ewa.id);

    // A volunteer sees only whom they are given.
    await as(t, VERA);
    expect(names(await t.ok('clients.search', everyone))).toEqual([]);
    await as(t, ADMIN);
    await t.ok('clients.share', { clientId: zofia.id, userIds: [ids[VERA.name]!] });
    expect((await t.fail('clients.share', { clientId: zofia.id, userIds: [999] })).fields).toEqual({
      userIds: 'unknownUser',
    });
    await as(t, VERA);
    expect(names(await t.ok('clients.search', everyone))).toEqual(['Zofia']);
    // Sensitive notes stay withheld from volunteers as before; the record itself opens.
    await t.ok('clients.get', { id: zofia.id });

    // The refused calls are in the audit trail (folded, written at lock), the sharing too.
    await as(t, ADMIN);
    const trail = (await t.ok('audit.list', { limit: 200, offset: 0 })).items;
    const refusals = trail.filter((e) => e.action === 'access.refused' && e.userName === CARA.name);
    expect(refusals.map((e) => (e.detail as { channel: string }).channel)).toEqual(
      expect.arrayContaining(['clients.get', 'notes.get', 'notes.save']),
    );
    expect(trail.filter((e) => e.action === 'client.shared')).toHaveLength(2);
    expect(
      trail.some(
        (e) => e.action === 'settings.changed' && (e.detail as { ownClientsOnly?: boolean }).ownClientsOnly === true,
      ),
    ).toBe(true);

    // Turned off again, everyone sees everyone.
    await t.ok('settings.setOwnClientsOnly', { ownClientsOnly: false });
    await as(t, CARA);
    expect(names(await t.ok('clients.search', everyone))).toEqual(['Ewa', 'Jan', 'Zofia']);
    await t.ok('clients.get', { id: zofia.id });
  }, 60_000);

  it('no generated call by a caseworker reads or changes a client outside their reach', async () => {
    const { t, zofia } = await charityOfThree();
    await t.ok('settings.setOwnClientsOnly', { ownClientsOnly: true });
    const before = await zofiaAsTheAdministratorSees(t, zofia.id);
    await as(t, CARA);
    // Words only in Zofia's record (none of them among the generated strings).
    const hers = [
      'Żółkiewskiego',
      'Dr Nowicki',
      'her brother Marek',
      'sleeps at Marek',
      'Marek’s flat',
      'knife in the kitchen',
      '07700 555666',
      'Ring Zofia',
    ];
    const leaks: string[] = [];
    let refused = 0;
    const skip = (ch: Channel) =>
      SUBJECTS[ch] === 'group' ||
      SUBJECTS[ch] === 'admins' ||
      ch.startsWith('signIn.') ||
      ch.startsWith('setup.') ||
      ch.startsWith('backup.');
    for (const [i, channel] of CHANNELS.entries()) {
      if (skip(channel)) continue;
      for (const input of inputs(channel, 20, 5000 + i)) {
        const r = await t.call(channel, input as never);
        if (!r.ok && r.error.code === 'NOT_YOUR_CLIENT') refused++;
        const text = r.ok ? JSON.stringify(r.value) : '';
        const found = hers.filter((w) => text.includes(w));
        if (found.length) leaks.push(`${channel} ${JSON.stringify(input).slice(0, 200)} → ${found.join(', ')}`);
      }
    }
    expect(leaks).toEqual([]);
    // The generated ids hit her records often (small ids come up often), so the rule was tried.
    expect(refused).toBeGreaterThan(100);
    await as(t, ADMIN);
    // Nothing of hers changed, and nothing was recorded as done to her by Cara.
    expect(await zofiaAsTheAdministratorSees(t, zofia.id)).toEqual(before);
    const byCara = (await t.ok('audit.list', { client: String(zofia.id), limit: 500, offset: 0 })).items.filter(
      (e) => e.userName === CARA.name,
    );
    expect(byCara).toEqual([]);
  }, 300_000);
});

async function zofiaAsTheAdministratorSees(t: TestCore, id: number) {
  const record = await t.ok('clients.get', { id });
  return {
    record,
    timeline: await t.ok('timeline.get', { clientId: id, limit: 200, offset: 0 }),
    plans: await t.ok('plans.get', { clientId: id }),
    safety: await t.ok('safetyPlans.get', { clientId: id }),
    support: await t.ok('helpGiven.forClient', { clientId: id }),
    referrals: await t.ok('referrals.forClient', { clientId: id }),
    programmes: await t.ok('programmes.forClient', { clientId: id }),
  };
}
