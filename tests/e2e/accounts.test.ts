import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import { callCore, launchChromium, openPage, setUpThroughCore, shot, unlockAs } from './browser';

/** This file's day: the records below are dated around it. */
const now = clockFrom('2026-11-23T10:00');

/**
 * Several volunteers on one PC: an administrator adds a volunteer, the volunteer signs in and
 * chooses their own password, sees only what their role allows (and the core refuses the rest),
 * and the administrator finds the volunteer's sign-in and client views in the audit trail.
 */
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
const VOLUNTEER = { name: 'Piotr Zieliński', first: 'given at the desk 1', own: 'piotr own password 7' };
const CASEWORKER = { name: 'Ewa Zając', first: 'given at the desk 2', own: 'ewa own password 8' };
let root: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;

const signIn = (name: string, password: string) => unlockAs(page, name, password);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-accounts-'));
  bridge = await startBridge({ dataDir: join(root, 'data'), saveDir: join(root, 'saved'), now });
  await setUpThroughCore(bridge, ADMIN);
  await callCore(bridge, 'clients.intake', {
    details: { firstName: 'Zofia', lastName: 'Wiśniewska-Łęcka', phone: '07700 900123' },
  });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openPage(browser, now);
  await page.goto(bridge.url);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('accounts, roles and the audit trail, end to end', () => {
  it('the administrator adds a volunteer with a first password', async () => {
    await signIn(ADMIN.name, ADMIN.password);
    await page.getByRole('button', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a user' });
    await dialog.getByLabel('Name').fill(VOLUNTEER.name);
    await dialog.getByRole('radio', { name: 'Volunteer' }).check();
    await dialog.getByRole('textbox', { name: 'First password', exact: true }).fill(VOLUNTEER.first);
    await dialog.getByLabel('Type the password again').fill(VOLUNTEER.first);
    await shot(page, 'acc-01-add-volunteer', { fullPage: false });
    await dialog.getByRole('button', { name: 'Add user' }).click();
    const row = page.getByRole('row', { name: new RegExp(VOLUNTEER.name) });
    await expect.poll(() => row.innerText()).toMatch(/must choose a new password/i);
    expect(await row.innerText()).toContain('Volunteer');

    // A second user with the same name is refused with a sentence that says what to do.
    await page.getByRole('button', { name: 'Add user' }).click();
    await dialog.getByLabel('Name').fill('piotr zieliński');
    await dialog.getByRole('textbox', { name: 'First password', exact: true }).fill('another password 1');
    await dialog.getByLabel('Type the password again').fill('another password 1');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect
      .poll(() => dialog.getByText('Someone already signs in with this name.', { exact: false }).isVisible())
      .toBe(true);
    await page.keyboard.press('Escape');
    await shot(page, 'acc-02-users');
  });

  it('the volunteer signs in, must choose their own password, and sees only what a volunteer may', async () => {
    await page.getByRole('button', { name: 'Switch user' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Unlock Casebook' }).isVisible()).toBe(true);
    await signIn(VOLUNTEER.name, 'a wrong guess');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('That name and password do not match.');
    await expect
      .poll(() => page.getByRole('button', { name: 'Unlock', exact: true }).isEnabled(), { timeout: 5_000 })
      .toBe(true);
    await signIn(VOLUNTEER.name, VOLUNTEER.first);
    await expect.poll(() => page.getByRole('heading', { name: 'Choose a new password' }).isVisible()).toBe(true);
    expect(
      await page.getByText('The password you were given was only for your first sign-in', { exact: false }).isVisible(),
    ).toBe(true);
    // Typing the given password again as the "new" one is refused: the administrator still knows it.
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(VOLUNTEER.first);
    await page.getByLabel('Type the password again').fill(VOLUNTEER.first);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect
      .poll(() => page.getByText('That is the password you have now', { exact: false }).isVisible())
      .toBe(true);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(VOLUNTEER.own);
    await page.getByLabel('Type the password again').fill(VOLUNTEER.own);
    await shot(page, 'acc-03-first-login');
    await page.getByRole('button', { name: 'Save new password' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Your caseload' }).isVisible()).toBe(true);
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    expect(await nav.getByRole('button').allInnerTexts()).toEqual([
      'Home',
      'Clients',
      'Diary',
      // At a drop-in, a volunteer tells people where else to go.
      'Signposting',
      'Programmes',
      'Agencies',
      'Settings',
    ]);
    // A volunteer has no caseload of their own, and no coordinator's table.
    expect(await page.getByRole('region', { name: 'Caseloads' }).count()).toBe(0);
    await nav.getByRole('button', { name: 'Clients' }).click();
    expect(await page.getByRole('button', { name: 'Add client' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Wiśniewska-Łęcka, Zofia' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Zofia Wiśniewska-Łęcka' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    // Her phone number is not shown to a volunteer (the charity has not allowed it), and the page says why.
    await expect
      .poll(() =>
        page
          .getByText('At this charity volunteers see a client’s name, reference, risk flags and groups.', {
            exact: false,
          })
          .isVisible(),
      )
      .toBe(true);
    expect(await page.getByText('07700 900123').count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Household and contacts' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Safety plan' }).count()).toBe(0);
    await shot(page, 'acc-04-volunteer-client');

    // Hiding buttons is a courtesy: the core itself refuses the calls.
    for (const [channel, input] of [
      ['audit.list', {}],
      ['audit.exportCsv', {}],
      ['users.list', {}],
      ['clients.intake', { details: { firstName: 'X', lastName: 'Y' } }],
      ['charity.update', { name: 'Hijacked' }],
    ] as const) {
      const r = await page.evaluate(([c, i]) => window.casebook.invoke(c, i), [channel, input] as const);
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('the administrator sees the volunteer’s failed and successful sign-ins and client views in the audit trail', async () => {
    await page.getByRole('button', { name: 'Switch user' }).click();
    await signIn(ADMIN.name, ADMIN.password);
    await expect.poll(() => page.getByRole('heading', { name: 'Your caseload' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Audit trail' }).click();
    await page.getByLabel('User', { exact: true }).first().click();
    await page.getByRole('option', { name: VOLUNTEER.name }).click();
    const table = page.getByRole('table', { name: 'Audit trail' });
    await expect.poll(() => table.innerText()).toContain('Opened a client’s record');
    const text = await table.innerText();
    for (const action of ['Signed in', 'Failed sign-in', 'Changed own password', 'Opened a client’s record'])
      expect(text).toContain(action);
    expect(text).toContain('CB-00001');
    await shot(page, 'acc-05-audit-en');

    await page.getByRole('button', { name: 'Check the trail' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'intact' }).innerText())
      .toMatch(/The audit trail is intact: all \d+ entries checked\./);
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    await expect.poll(() => page.getByText(/entries exported to/).isVisible()).toBe(true);
    const saved = bridge.platform.saved.find((p) => p.endsWith('.csv'))!;
    expect(existsSync(saved)).toBe(true);
    const csv = readFileSync(saved, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(VOLUNTEER.name);
    expect(csv).not.toContain('Wiśniewska');
  });

  it('the coordinator keeps volunteers to the clients shared with them', async () => {
    const jan = (await callCore(bridge, 'clients.intake', { details: { firstName: 'Jan', lastName: 'Nowak' } })) as {
      id: number;
    };
    await page.getByRole('button', { name: 'Settings' }).click();
    const setting = page.getByRole('switch', {
      name: 'Caseworkers and volunteers see only their own clients and those shared with them',
    });
    await setting.click();
    await expect.poll(() => setting.isChecked()).toBe(true);
    await expect
      .poll(() =>
        page.getByText('Caseworkers and volunteers now see only their own clients', { exact: false }).isVisible(),
      )
      .toBe(true);
    await shot(page, 'acc-06-own-clients-setting', { fullPage: false });

    await page.getByRole('button', { name: 'Clients' }).click();
    await page.getByRole('button', { name: 'Wiśniewska-Łęcka, Zofia' }).click();
    await expect.poll(() => page.getByText('Nobody else').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Share…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share Zofia Wiśniewska-Łęcka' });
    await dialog.getByLabel('Shared with').click();
    await page.getByRole('option', { name: VOLUNTEER.name }).click();
    await shot(page, 'acc-07-share-dialog', { fullPage: false });
    // The list closes when the person clicks elsewhere in the dialog.
    await dialog.getByText('The people chosen here', { exact: false }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByText(VOLUNTEER.name).first().isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Switch user' }).click();
    await signIn(VOLUNTEER.name, VOLUNTEER.own);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Clients' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Wiśniewska-Łęcka, Zofia' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Nowak, Jan' }).count()).toBe(0);
    await shot(page, 'acc-08-volunteer-own-clients', { fullPage: false });
    // Jan is not theirs: the core refuses him, in words, however he is asked for.
    const r = await page.evaluate((id) => window.casebook.invoke('clients.get', { id }), jan.id);
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_CLIENT' } });
    await page.getByRole('button', { name: 'Switch user' }).click();
    await signIn(ADMIN.name, ADMIN.password);
    await expect.poll(() => page.getByRole('heading', { name: 'Your caseload' }).isVisible()).toBe(true);
  });

  it('a caseworker taking someone in is their caseworker, and a task they add is for them, unless they choose otherwise', async () => {
    /** A new intake, with a name, as far as the step that asks for the caseworker. */
    const intakeToCaseworkerStep = async () => {
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Clients' }).click();
      await page.getByRole('button', { name: 'Add client' }).click();
      await page.getByLabel('First name').fill('Marta');
      await page.getByLabel('Last name').fill('Kwiatkowska');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Next' }).click();
    };
    const caseworker = await callCore<{ id: number }>(bridge, 'users.create', {
      name: CASEWORKER.name,
      role: 'caseworker',
      password: CASEWORKER.first,
    });
    await callCore(bridge, 'clients.intake', {
      details: { firstName: 'Adam', lastName: 'Lis', caseworkerId: caseworker.id },
    });
    await page.getByRole('button', { name: 'Switch user' }).click();
    await signIn(CASEWORKER.name, CASEWORKER.first);
    await expect.poll(() => page.getByRole('heading', { name: 'Choose a new password' }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(CASEWORKER.own);
    await page.getByLabel('Type the password again').fill(CASEWORKER.own);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Your caseload' }).isVisible()).toBe(true);

    await intakeToCaseworkerStep();
    await expect.poll(() => page.getByLabel('Caseworker').first().inputValue()).toBe(CASEWORKER.name);
    await shot(page, 'acc-09-intake-caseworker-default', { fullPage: false });
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Clients' }).click();
    // What was typed in the intake is not kept: the menu asks first.
    await page
      .getByRole('dialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Leave without saving' })
      .click();
    await page.getByRole('button', { name: 'Lis, Adam' }).click();
    await page.getByRole('tab', { name: 'Plan', exact: true }).click();
    await page.getByRole('button', { name: 'Add task' }).click();
    const task = page.getByRole('dialog', { name: 'New task' });
    await expect
      .poll(() =>
        task
          .getByLabel(/^For\b/)
          .first()
          .inputValue(),
      )
      .toBe(CASEWORKER.name);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Switch user' }).click();
    await signIn(ADMIN.name, ADMIN.password);
    await expect.poll(() => page.getByRole('heading', { name: 'Your caseload' }).isVisible()).toBe(true);
    // An administrator is not assumed to be the caseworker.
    await intakeToCaseworkerStep();
    expect(await page.getByLabel('Caseworker').first().inputValue()).toBe('');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Home' }).click();
    // What was typed in the intake is not kept: the menu asks first.
    await page
      .getByRole('dialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Leave without saving' })
      .click();
  });

  it('the same screens in Polish', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Ustawienia' }).isVisible()).toBe(true);
    await shot(page, 'acc-09-settings-pl');
    await page.getByRole('button', { name: 'Dziennik zdarzeń' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Dziennik zdarzeń' }).innerText())
      .toContain('Otwarto dane podopiecznego');
    await shot(page, 'acc-10-audit-pl');
    await page.getByRole('button', { name: 'Użytkownicy' }).click();
    await expect
      .poll(() => page.getByRole('row', { name: new RegExp(VOLUNTEER.name) }).innerText())
      .toContain('Wolontariusz');
    await shot(page, 'acc-11-users-pl');
    await page.getByRole('button', { name: 'Ustawienia' }).click();
    await page.getByRole('radiogroup', { name: 'Język' }).getByText('English').click();
  });
});
