import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import { byPerson, callCore, closeAll, launchChromium, openSignedIn, setUpThroughCore, shot } from './browser';

/**
 * The charity's own forms, end to end: an administrator builds a scored "Wellbeing check" (a scale
 * worded for each point, in English and Polish, with bands that score Mental health); a caseworker
 * fills it in for a client, shown in the client's language, and again later; the total, band and
 * the area's score show on the record, the timeline and the assessments. Then in Polish.
 */
const now = clockFrom('2026-11-23T10:00');
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };

let root: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;
const { visible, dialog, tab, nav, quiet } = byPerson(() => page);
const top = () => dialog().last();

const SCALE: [string, string, number][] = [
  ['Not at all', 'Wcale', 0],
  ['Several days', 'Kilka dni', 1],
  ['More than half the days', 'Ponad połowę dni', 2],
  ['Nearly every day', 'Prawie codziennie', 3],
];

/** Adds a question with a scale worth points to the form whose questions are open. */
async function addScaleQuestion(label: string, labelPl: string) {
  await top().getByRole('button', { name: 'Add a question' }).click();
  await top().getByLabel('Type of answer').click();
  await page.getByRole('option', { name: 'One of a list' }).click();
  await top().getByLabel('Question (English)').fill(label);
  await top().getByLabel('Question (Polish)').fill(labelPl);
  for (const [i, [en, pl, points]] of SCALE.entries()) {
    if (i >= 2) await top().getByRole('button', { name: 'Add a choice' }).click();
    await top()
      .getByLabel(`Choice ${i + 1} (English)`)
      .fill(en);
    await top()
      .getByLabel(`Choice ${i + 1} (Polish)`)
      .fill(pl);
    await top()
      .getByLabel(`Points for choice ${i + 1}`)
      .fill(String(points));
  }
  await top().getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => dialog().count()).toBe(1);
}

/**
 * Adds a form asked with something (`askedWith`: the words of the choice under "Filled in") in
 * Settings, through the screens; `more` fills in the rest of the dialog. Its question is added
 * through the core. Gives the question's id.
 */
async function addFormAskedWith(
  name: string,
  askedWith: string,
  question: { type: string; label: string; labelPl: string; required: boolean },
  more: () => Promise<void> = async () => {},
) {
  await nav('Settings');
  await page.getByRole('region', { name: 'Our own forms' }).getByRole('button', { name: 'Add a form' }).click();
  await dialog().getByLabel('Name of the form').fill(name);
  await dialog().getByLabel('Filled in', { exact: true }).first().click();
  await page.getByRole('option', { name: askedWith }).click();
  await more();
  await dialog().getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => top().getByText(`Questions of “${name}”`).isVisible()).toBe(true);
  await page.keyboard.press('Escape');
  const forms = await callCore<{ id: number; name: string }[]>(bridge, 'forms.list', {});
  const form = forms.find((f) => f.name === name)!;
  await callCore(bridge, 'customFields.save', { ...question, formId: form.id });
}

async function openEwa() {
  await nav('Clients');
  await page.getByLabel('Search clients').fill('kowalczyk');
  await page.getByRole('button', { name: /Kowalczyk/ }).click();
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-forms-'));
  bridge = await startBridge({ dataDir: join(root, 'data'), saveDir: join(root, 'saved'), now });
  await setUpThroughCore(bridge, ADMIN);
  await callCore(bridge, 'clients.intake', {
    details: { firstName: 'Ewa', lastName: 'Kowalczyk', intakeDate: '2026-09-01', preferredLanguage: 'pl' },
    duplicatesSeen: [],
  });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openSignedIn(browser, bridge, ADMIN);
});

afterAll(() => closeAll(browser, bridge, root));

describe('the charity’s own forms, end to end', () => {
  it('an administrator builds a scored form whose bands score a need area, with its questions worth points', async () => {
    await nav('Settings');
    const section = page.getByRole('region', { name: 'Our own forms' });
    await expect.poll(() => section.getByText('No forms yet.').isVisible()).toBe(true);
    await section.getByRole('button', { name: 'Add a form' }).click();
    await dialog().getByLabel('Name of the form').fill('Wellbeing check');
    await dialog().getByLabel('Name in Polish').fill('Ocena samopoczucia');
    await dialog().getByRole('checkbox', { name: 'Scored form' }).check();
    await dialog().getByLabel('Need area it scores').first().click();
    await page.getByRole('option', { name: 'Mental health and wellbeing' }).click();
    const band = async (n: number, from: number, en: string, pl: string, score: number) => {
      if (n > 1) await dialog().getByRole('button', { name: 'Add a band' }).click();
      await dialog().getByLabel(`Band ${n} from (points)`).fill(String(from));
      await dialog()
        .getByLabel(new RegExp(`^Band ${n}( \\*)?$`))
        .fill(en);
      await dialog().getByLabel(`Band ${n} in Polish`).fill(pl);
      await dialog()
        .getByLabel('Score out of 10')
        .nth(n - 1)
        .fill(String(score));
    };
    await band(1, 0, 'Low', 'Niski', 8);
    await band(2, 0, 'Moderate', 'Umiarkowany', 5);
    // A band that starts no higher than the one before is refused in words, and nothing is saved.
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Each band must start at more points than the band before it.')).toBe(true);
    await shot(page, 'forms-01-band-refused');
    await dialog().getByLabel('Band 2 from (points)').fill('3');
    await band(3, 5, 'High', 'Wysoki', 2);
    await dialog().getByRole('button', { name: 'Save' }).click();
    // A new form opens on its questions.
    await expect.poll(() => top().getByText('Questions of “Wellbeing check”').isVisible()).toBe(true);
    await addScaleQuestion('Feeling low', 'Przygnębienie');
    await addScaleQuestion('Trouble sleeping', 'Problemy ze snem');
    const questions = top().getByRole('table', { name: 'Our own questions' });
    await expect.poll(() => questions.getByRole('row').count()).toBe(2);
    expect(await questions.getByRole('row').first().textContent()).toContain(
      'Feeling lowOne of a list · Not at all (0), Several days (1), More than half the days (2), Nearly every day (3)',
    );
    await shot(page, 'forms-02-questions');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    const table = page.getByRole('table', { name: 'Our own forms' });
    await expect
      .poll(() => table.getByRole('row').first().textContent())
      .toBe(
        'Wellbeing check2 questions · filled in 0 times · scores Mental health and wellbeingScoredQuestionsChangeRetire',
      );
    await quiet();
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'forms-03-settings');
  });

  it('a caseworker fills it in for a client, shown in her language, with the total as it is answered', async () => {
    await openEwa();
    await tab('Forms');
    await expect.poll(() => visible('No forms filled in for this client yet.')).toBe(true);
    await page.getByRole('button', { name: 'Fill in a form' }).click();
    // One form in use: it is chosen already, and its questions show in Polish, the client's language.
    const low = top().getByRole('radiogroup', { name: 'Przygnębienie' });
    await expect.poll(() => low.isVisible()).toBe(true);
    await low.getByRole('radio', { name: 'Prawie codziennie' }).check();
    // Saved with a question left: refused on that question, nothing saved.
    await top().getByRole('button', { name: 'Save the form' }).click();
    await expect.poll(() => top().getByText('Please fill this in.').count()).toBe(1);
    await top()
      .getByRole('radiogroup', { name: 'Problemy ze snem' })
      .getByRole('radio', { name: 'Ponad połowę dni' })
      .check();
    await expect.poll(() => top().getByRole('status', { name: 'Total' }).textContent()).toBe('Total: 5 points · High');
    await shot(page, 'forms-04-filling-in-polish');
    // The caseworker can read it back in English.
    await top().getByRole('radiogroup', { name: 'Questions shown in' }).getByText('English').click();
    await expect
      .poll(() =>
        top()
          .getByRole('radiogroup', { name: 'Feeling low' })
          .getByRole('radio', { name: 'Nearly every day' })
          .isChecked(),
      )
      .toBe(true);
    await top().getByLabel('Filled in on').fill('01/09/2026');
    await top().getByRole('button', { name: 'Save the form' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    const first = page.getByRole('article', { name: 'Wellbeing check, 1 Sept 2026' });
    await expect.poll(() => first.textContent()).toContain('5 points · High');
    expect(await first.textContent()).toContain('Scored Mental health and wellbeing at 2 out of 10');
    expect(await first.textContent()).toContain('Feeling lowNearly every day');

    // Filled in again today: lower.
    await quiet();
    await page.getByRole('button', { name: 'Fill in a form' }).click();
    await top().getByRole('radiogroup', { name: 'Przygnębienie' }).getByRole('radio', { name: 'Kilka dni' }).check();
    await top().getByRole('radiogroup', { name: 'Problemy ze snem' }).getByRole('radio', { name: 'Wcale' }).check();
    await top().getByRole('button', { name: 'Save the form' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect
      .poll(() => page.getByRole('article', { name: 'Wellbeing check, 23 Nov 2026' }).textContent())
      .toContain('1 point · Low');
    await quiet();
    await shot(page, 'forms-05-filled', { fullPage: true });

    // The timeline shows both; the assessments show the area scored by the form, changed only through it.
    await tab('Notes');
    await expect.poll(() => page.getByText('Form filled in').count()).toBe(2);
    await tab('Needs assessments');
    await expect.poll(() => page.getByText('From the form “Wellbeing check”').count()).toBe(2);
    expect(await page.getByRole('button', { name: /^Edit: / }).count()).toBe(0);
    await shot(page, 'forms-06-assessments', { fullPage: true });

    // The funder report counts the fillings; one person, so the people and bands show "<5".
    await nav('Funder report');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('23/11/2026');
    await page.getByRole('button', { name: 'Show the report' }).click();
    const forms = page.getByRole('table', { name: 'Our forms filled in' });
    await expect
      .poll(() => forms.getByRole('row').allTextContents())
      .toEqual(['FormTimes filled inPeople', 'Wellbeing check2<5']);
    const bands = page.getByRole('table', { name: 'People by band of our form: Wellbeing check' });
    await expect
      .poll(() => bands.getByRole('row').allTextContents())
      .toEqual(['BandAt their first in the periodAt their latest in the period', 'Low0<5', 'Moderate00', 'High<50']);
    await bands.scrollIntoViewIfNeeded();
    await shot(page, 'forms-07-report');
  });

  it('a form asked with each referral: its questions are in the referral dialog, and what is given goes with it', async () => {
    await quiet();
    await addFormAskedWith('Food bank voucher', 'With each referral to another agency', {
      type: 'number',
      label: 'People in the household',
      labelPl: 'Liczba osób w gospodarstwie',
      required: true,
    });
    await callCore(bridge, 'agencies.save', {
      agency: { name: 'Hyde Park Food Bank', referralRoutes: ['email'], contacts: [] },
    });

    await openEwa();
    await tab('Referrals');
    await page.getByRole('button', { name: 'Refer to an agency' }).click();
    await dialog().getByLabel('Agency').first().click();
    await page.getByRole('option', { name: 'Hyde Park Food Bank' }).click();
    await dialog().getByLabel('Reason for the referral').fill('No food until payday');
    // The form's required question stops the referral until it is answered.
    await dialog().getByRole('button', { name: 'Save' }).click();
    const household = dialog().getByRole('group', { name: 'Food bank voucher' });
    await expect.poll(() => household.getByText('Please fill this in.').isVisible()).toBe(true);
    await household.getByLabel('People in the household').fill('3');
    await shot(page, 'forms-08-with-referral');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await tab('Forms');
    const entry = page.getByRole('article', { name: 'Food bank voucher, 23 Nov 2026' });
    await expect.poll(() => entry.textContent()).toContain('Filled in with the referral to Hyde Park Food Bank.');
    expect(await entry.textContent()).toContain('People in the household3');
    // It is filled in with referrals, so it is not offered on its own.
    await page.getByRole('button', { name: 'Fill in a form' }).click();
    await top().getByLabel('Form').first().click();
    expect(await page.getByRole('option', { name: 'Food bank voucher' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await top().getByRole('button', { name: 'Cancel' }).click();
  });

  it('a form asked with home visits: its questions are on the note page when the contact is a home visit', async () => {
    await quiet();
    const question = {
      type: 'yesNo',
      label: 'Was anyone else at home?',
      labelPl: 'Czy ktoś jeszcze był w domu?',
      required: true,
    };
    await addFormAskedWith('Home visit safety', 'With each case note of one type of contact', question, async () => {
      await dialog().getByLabel('Name in Polish').fill('Bezpieczeństwo wizyty domowej');
      // The type of contact must be chosen.
      await dialog().getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => dialog().getByText('Please fill this in.').isVisible()).toBe(true);
      await dialog()
        .getByLabel(/^Type of contact/)
        .first()
        .click();
      await page.getByRole('option', { name: 'Home visit' }).click();
      await shot(page, 'forms-09-asked-with-notes');
    });
    const table = page.getByRole('table', { name: 'Our own forms' });
    await expect
      .poll(() => table.getByRole('row', { name: /Home visit safety/ }).textContent())
      .toContain('With notes: Home visit');

    await openEwa();
    await tab('Notes');
    await page.getByRole('button', { name: 'Add case note' }).click();
    const questions = page.getByRole('group', { name: 'Home visit safety' });
    await page.getByLabel('Type of contact').first().click();
    await page.getByRole('option', { name: 'Phone call' }).click();
    await page.getByLabel(/^Note/).fill('Visited Ewa at home; the boiler is mended.');
    // A phone call asks nothing; a home visit asks the form, and its required question stops the save.
    expect(await questions.count()).toBe(0);
    await page.getByLabel('Type of contact').first().click();
    await page.getByRole('option', { name: 'Home visit' }).click();
    await expect.poll(() => questions.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => questions.getByText('Please fill this in.').isVisible()).toBe(true);
    await questions.getByText('No', { exact: true }).click();
    await shot(page, 'forms-10-note-questions');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Visited Ewa at home; the boiler is mended.')).toBe(true);
    // Changed with the note: an answer changed and not saved is asked about before leaving.
    await page.getByRole('button', { name: /^Edit the note of/ }).click();
    await expect.poll(() => questions.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    await questions.getByText('Yes', { exact: true }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Clients' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Visited Ewa at home; the boiler is mended.')).toBe(true);
    await tab('Forms');
    const entry = page.getByRole('article', { name: 'Home visit safety, 23 Nov 2026' });
    await expect.poll(() => entry.textContent()).toContain('Filled in with the case note of 23 Nov 2026.');
    expect(await entry.textContent()).toContain('Was anyone else at home?Yes');
  });

  it('a form asked with registrations on one programme: answered as someone is registered, or later from the list', async () => {
    await quiet();
    const { programme } = await callCore<{ programme: { id: number } }>(bridge, 'programmes.save', {
      programme: { name: 'Parents’ group', kind: 'groupSupport', startsOn: '2026-10-01', facilitators: [] },
    });
    await callCore(bridge, 'programmes.save', {
      programme: { name: 'English conversation', kind: 'dropIn', startsOn: '2026-10-01', facilitators: [] },
    });
    // Jan was on the group's list before the charity asked anything with it.
    const jan = await callCore<{ id: number }>(bridge, 'clients.intake', {
      details: { firstName: 'Jan', lastName: 'Nowak', intakeDate: '2026-09-01' },
      duplicatesSeen: [],
    });
    await callCore(bridge, 'programmes.register', {
      programmeId: programme.id,
      clientId: jan.id,
      registeredOn: '2026-11-02',
    });
    await addFormAskedWith(
      'Parents’ group registration',
      'With each registration on a programme',
      { type: 'text', label: 'Children’s ages', labelPl: 'Wiek dzieci', required: true },
      async () => {
        await dialog().getByLabel('On which programmes').first().click();
        await page.getByRole('option', { name: 'Parents’ group' }).click();
      },
    );

    await nav('Programmes');
    await page.getByRole('button', { name: 'Parents’ group' }).click();
    await page.getByRole('button', { name: 'Register a client' }).click();
    await dialog().getByLabel('Find the client').fill('kowalczyk');
    await dialog().getByRole('button', { name: 'Register a client: Ewa Kowalczyk' }).click();
    const questions = dialog().getByRole('group', { name: 'Parents’ group registration' });
    await expect.poll(() => questions.isVisible()).toBe(true);
    await dialog().getByRole('button', { name: 'Register a client' }).click();
    await expect.poll(() => questions.getByText('Please fill this in.').isVisible()).toBe(true);
    await questions.getByLabel(/^Children’s ages/).fill('3');
    await shot(page, 'forms-11-registration-questions');
    await dialog().getByRole('button', { name: 'Register a client' }).click();
    const members = page.getByRole('table', { name: 'Registered clients' });
    await expect.poll(() => members.getByRole('row', { name: /Ewa Kowalczyk/ }).isVisible()).toBe(true);
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    expect(await members.getByRole('row', { name: /Ewa Kowalczyk/ }).textContent()).not.toContain('Not answered');
    // Jan's questions are still to answer: answered from the list.
    const janRow = members.getByRole('row', { name: /Jan Nowak/ });
    expect(await janRow.textContent()).toContain('Not answered');
    await shot(page, 'forms-12-members-questions');
    await janRow.getByRole('button', { name: 'Questions: Jan Nowak' }).click();
    await dialog()
      .getByLabel(/^Children’s ages/)
      .fill('4 and 7');
    await dialog().getByRole('button', { name: 'Save the answers' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => janRow.textContent()).not.toContain('Not answered');
    // The other programme asks nothing.
    await nav('Programmes');
    await page.getByRole('button', { name: 'English conversation' }).click();
    await page.getByRole('button', { name: 'Register a client' }).click();
    await dialog().getByLabel('Find the client').fill('kowalczyk');
    await dialog().getByRole('button', { name: 'Register a client: Ewa Kowalczyk' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Registered clients' }).getByText('Ewa Kowalczyk').isVisible())
      .toBe(true);
    expect(await dialog().getByRole('group').count()).toBe(0);
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

    await openEwa();
    await tab('Forms');
    const entry = page.getByRole('article', { name: 'Parents’ group registration, 23 Nov 2026' });
    await expect.poll(() => entry.textContent()).toContain('Filled in with the registration on Parents’ group.');
    expect(await entry.textContent()).toContain('Children’s ages3');
  });

  it('the same in Polish', async () => {
    await nav('Settings');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Ustawienia' }).isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Nasze formularze' });
    await expect
      .poll(() => table.getByRole('row').first().textContent())
      .toContain('Ocena samopoczuciaPytania: 2 · wypełniony razy: 2');
    // What each form is asked with, in Polish.
    expect(await table.getByRole('row', { name: /Bezpieczeństwo wizyty domowej/ }).textContent()).toContain(
      'Przy notatkach: Wizyta domowa',
    );
    expect(await table.getByRole('row', { name: /Parents’ group registration/ }).textContent()).toContain(
      'Przy zapisach na: Parents’ group',
    );
    await page.getByRole('navigation').getByRole('button', { name: 'Podopieczni', exact: true }).click();
    await page.getByLabel('Szukaj podopiecznych').fill('kowalczyk');
    await page.getByRole('button', { name: /Kowalczyk/ }).click();
    await tab('Formularze');
    const latest = page.getByRole('article', { name: /^Ocena samopoczucia, 23 lis/ });
    await expect.poll(() => latest.textContent()).toContain('1 punkt · Niski');
    expect(await latest.textContent()).toContain('PrzygnębienieKilka dni');
    expect(await page.getByRole('article', { name: /^Bezpieczeństwo wizyty domowej, 23 lis/ }).textContent()).toContain(
      'Wypełniony przy notatce z 23 lis 2026.',
    );
    expect(await page.getByRole('article', { name: /^Parents’ group registration, 23 lis/ }).textContent()).toContain(
      'Wypełniony przy zapisie na: Parents’ group.',
    );
    await expect
      .poll(() => page.getByRole('article', { name: /^Ocena samopoczucia, 1 wrz/ }).textContent())
      .toContain('5 punktów · Wysoki');
    await quiet();
    await shot(page, 'forms-pl-01-filled', { fullPage: true });
    await nav('Ustawienia');
    await page.getByRole('radiogroup', { name: 'Język' }).getByText('English').click();
  });
});
