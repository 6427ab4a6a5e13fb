import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import { callCore, closeAll, launchChromium, openPage, openSignedIn, setUpThroughCore, shot } from './browser';

/** This file's day. */
const now = clockFrom('2026-11-23T10:00');

/**
 * Casebook for people who use a screen reader or the keyboard alone: axe finds no serious or
 * critical fault on any main screen, in English and in Polish, and a whole journey (sign in, find a
 * client, write a note, lock) is made without the mouse.
 */
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
let root: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;

/** Serious and critical faults axe finds on the page as it is now, one line each (empty when none). */
async function faults(where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    // One page, no frames: axe runs in it directly (the pages here are made without a separate context).
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${where}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`,
      ),
    );
}

/** Every main screen (each menu entry, each tab of a client, the forms people fill most) and their faults. */
async function everyMainScreen(lang: string): Promise<string[]> {
  const found: string[] = [];
  const nav = page.getByRole('navigation').getByRole('button');
  const count = await nav.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) {
    const entry = nav.nth(i);
    const name = (await entry.innerText()).trim();
    await entry.click();
    await expect.poll(() => page.getByRole('main').getByRole('heading').first().isVisible()).toBe(true);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    found.push(...(await faults(`${lang} › ${name}`)));
  }
  // A client's record, tab by tab.
  await nav.nth(1).click();
  await page
    .getByRole('button', { name: /Wiśniewska, Zofia/ })
    .first()
    .click();
  const tabs = page.getByRole('tab');
  await expect.poll(() => tabs.count()).toBeGreaterThan(5);
  for (let i = 0; i < (await tabs.count()); i++) {
    const tab = tabs.nth(i);
    const name = (await tab.innerText()).trim();
    await tab.click();
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    found.push(...(await faults(`${lang} › client › ${name}`)));
  }
  await shot(page, `a11y-${lang}-client`);
  // A dialog (its close button must have a name).
  await tabs.first().click();
  await page.getByRole('button', { name: lang === 'pl' ? 'Zmień stan' : 'Change status' }).click();
  await page.getByRole('dialog').waitFor();
  found.push(...(await faults(`${lang} › change status dialog`)));
  await page.keyboard.press('Escape');
  // The note form and the intake, with a date picker open.
  await tabs.nth(await tabIndex(tabs, lang === 'pl' ? 'Notatki' : 'Notes')).click();
  await page.getByRole('button', { name: lang === 'pl' ? 'Dodaj notatkę' : 'Add case note' }).click();
  await page
    .getByRole('button', { name: lang === 'pl' ? 'Otwórz kalendarz' : 'Open the calendar' })
    .first()
    .click();
  await page.getByRole('dialog').waitFor();
  found.push(...(await faults(`${lang} › note form with calendar`)));
  await shot(page, `a11y-${lang}-note-calendar`);
  await page.keyboard.press('Escape');
  await nav.nth(1).click();
  await page.getByRole('button', { name: lang === 'pl' ? 'Dodaj podopiecznego' : 'Add client' }).click();
  found.push(...(await faults(`${lang} › intake`)));
  return found;
}

async function tabIndex(tabs: Locator, name: string): Promise<number> {
  const names = await tabs.allInnerTexts();
  const i = names.findIndex((n) => n.trim() === name);
  expect(i, `${name} in ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
  return i;
}

/** Presses Tab until `target` has the keyboard's focus (as a person would), failing after many presses. */
async function tabTo(target: Locator, shift = false): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-a11y-'));
  bridge = await startBridge({ dataDir: join(root, 'data'), saveDir: join(root, 'saved'), now });
  await setUpThroughCore(bridge, ADMIN);
  const zofia = await callCore<{ id: number }>(bridge, 'clients.intake', {
    details: {
      firstName: 'Zofia',
      lastName: 'Wiśniewska',
      dateOfBirth: '1984-03-07',
      phone: '07700 900456',
      intakeDate: '2026-10-01',
      caseworkerId: 1,
    },
  });
  await callCore(bridge, 'clients.intake', { details: { firstName: 'John', lastName: 'Smith' } });
  await callCore(bridge, 'assessments.save', {
    clientId: zofia.id,
    assessment: {
      assessedOn: '2026-10-02',
      scores: [
        { areaId: 1, score: 2 },
        { areaId: 2, score: 3 },
      ],
    },
  });
  await callCore(bridge, 'riskFlags.raise', { clientId: zofia.id, kind: 'domesticAbuse', raisedOn: '2026-10-02' });
  await callCore(bridge, 'plans.agree', {
    clientId: zofia.id,
    plan: { agreedOn: '2026-10-03', summary: 'A safe home and manageable debts' },
  });
  await callCore(bridge, 'notes.save', {
    clientId: zofia.id,
    note: {
      date: '2026-10-05',
      time: '10:00',
      kind: 'phone',
      durationMinutes: 15,
      body: 'Rang about the eviction notice.',
    },
  });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
});

afterAll(() => closeAll(browser, bridge, root));

describe('for screen readers and the keyboard', () => {
  it('the sign-in screen has no serious fault, in English and in Polish', async () => {
    page = await openPage(browser, now);
    await page.goto(bridge.url);
    await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
    expect((await faults('en › sign in')).join('\n')).toBe('');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await page.getByRole('button', { name: 'Odblokuj', exact: true }).waitFor();
    // The password's show button speaks Polish too.
    await expect.poll(() => page.getByRole('button', { name: 'Pokaż hasło' }).count()).toBe(1);
    expect((await faults('pl › sign in')).join('\n')).toBe('');
    await page.getByRole('radiogroup', { name: 'Język' }).getByText('English').click();
    await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
    await page.close();
  });

  it('every main screen has no serious or critical fault, in English', async () => {
    page = await openSignedIn(browser, bridge, ADMIN);
    expect((await everyMainScreen('en')).join('\n')).toBe('');
  });

  it('and in Polish', async () => {
    await page.getByRole('navigation').getByRole('button').last().click();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Ustawienia' }).isVisible()).toBe(true);
    expect((await everyMainScreen('pl')).join('\n')).toBe('');
    // Back to English for the next person.
    await page.getByRole('navigation').getByRole('button').last().click();
    await page.getByRole('radiogroup', { name: 'Język' }).getByText('English').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Settings' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.close();
  });

  it('signs in, finds a client, writes a note and locks, with the keyboard alone', async () => {
    page = await openPage(browser, now);
    await page.goto(bridge.url);
    const name = page.getByLabel('Your name');
    await name.waitFor();
    await tabTo(name);
    await page.keyboard.type(ADMIN.name);
    await tabTo(page.getByRole('textbox', { name: 'Password', exact: true }));
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your caseload' }).waitFor();

    // Find her: the menu, the search box, her row.
    await tabTo(page.getByRole('navigation').getByRole('button', { name: 'Clients', exact: true }));
    await page.keyboard.press('Enter');
    const search = page.getByRole('searchbox', { name: 'Search clients' });
    await tabTo(search);
    await page.keyboard.type('900 456');
    const row = page.getByRole('button', { name: /Wiśniewska, Zofia/ });
    await expect.poll(() => row.count()).toBe(1);
    await tabTo(row);
    await page.keyboard.press('Enter');

    // Her notes: the tabs are walked with the arrow keys.
    const selected = page.getByRole('tab', { selected: true });
    await tabTo(selected);
    for (let i = 0; i < 12 && (await selected.innerText()).trim() !== 'Notes'; i++)
      await page.keyboard.press('ArrowRight');
    await expect.poll(() => selected.innerText()).toBe('Notes');
    await tabTo(page.getByRole('button', { name: 'Add case note' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New case note' }).waitFor();
    // Today's date and time are there already; the date can be typed in the language's order.
    const date = page.getByRole('textbox', { name: 'Date' });
    await tabTo(date);
    await expect.poll(() => date.inputValue()).toBe('23/11/2026');
    // The time is on the 24-hour clock, whatever the computer's own settings say.
    expect(await page.getByRole('textbox', { name: /^Time/ }).inputValue()).toMatch(/^10:\d\d$/);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('22/11/2026');
    const kind = page.getByRole('combobox', { name: /^Type of contact/ });
    await tabTo(kind);
    // ArrowDown opens the list on its first entry; Enter takes the entry once it is marked. The list
    // opens with a transition, and on a busy machine the mark can come and go while it does: as a
    // person would, look for the mark again and press Enter again if the choice did not take.
    const phone = page.getByRole('option', { name: 'Phone call' });
    const listOpen = page.getByRole('listbox');
    for (let attempt = 0; attempt < 3 && (await kind.inputValue()) !== 'Phone call'; attempt++) {
      if (!(await listOpen.isVisible())) await page.keyboard.press('ArrowDown');
      await expect.poll(() => phone.getAttribute('data-combobox-selected')).toBe('true');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => kind.inputValue(), { timeout: 3000 })
        .toBe('Phone call')
        .catch(() => {});
    }
    expect(await kind.inputValue()).toBe('Phone call');
    await tabTo(page.getByRole('textbox', { name: /^Note/ }));
    await page.keyboard.type('Called in at the office; keyboard only.');
    await tabTo(page.getByRole('button', { name: 'Save', exact: true }));
    await shot(page, 'a11y-keyboard-note');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Called in at the office; keyboard only.').isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/22 Nov 2026/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    // And lock, from the top bar.
    await tabTo(page.getByRole('button', { name: 'Lock', exact: true }), true);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
  });
});
