import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/caseload';
import { localToday } from '../../shared/clock';
import { clockFrom } from '../bridge/clock';
import { startBridge, type Bridge } from '../bridge/server';
import {
  callCore,
  closeAll,
  launchChromium,
  openSignedIn,
  pdfText,
  pdfToPng,
  setUpThroughCore,
  shot,
  byPerson,
  whatIsPrinted,
} from './browser';

/**
 * The casework cycle as a caseworker lives it: agree a plan with two SMART goals, write a case note
 * linked to a goal, give themselves a task due today and find it on the home screen, record a review
 * with better scores and see both points on the progress chart, and write a safety plan and save it
 * as a one-page PDF. Then the same screens in Polish.
 */
const ADMIN = { name: 'Anna Kowalska', password: 'sunflower teapot harbour 42' };
/** This file's day (any day works: the dates below follow it). */
const now = clockFrom('2028-02-29T10:00');
const today = localToday(now());
let root: string;
let saveDir: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;
let clientId: number;

const { visible, dialog, tab } = byPerson(() => page);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'casebook-e2e-casework-'));
  saveDir = join(root, 'saved');
  bridge = await startBridge({ dataDir: join(root, 'data'), saveDir, now });
  await setUpThroughCore(bridge, ADMIN);
  const client = await callCore<{ id: number }>(bridge, 'clients.intake', {
    details: { firstName: 'Zofia', lastName: 'Wiśniewska', intakeDate: addDays(today, -40), caseworkerId: 1 },
  });
  clientId = client.id;
  await callCore(bridge, 'assessments.save', {
    clientId,
    assessment: {
      assessedOn: addDays(today, -35),
      scores: [
        { areaId: 1, score: 3 },
        { areaId: 2, score: 2 },
        { areaId: 4, score: 5 },
      ],
    },
  });
  await callCore(bridge, 'signIn.lock', {});
  browser = await launchChromium();
  page = await openSignedIn(browser, bridge, ADMIN);
});

afterAll(() => closeAll(browser, bridge, root));

describe('casework, end to end', () => {
  it('agrees a support plan with two SMART goals; the form insists on a measure and warns about a past date', async () => {
    await page.getByRole('button', { name: 'Zofia Wiśniewska (CB-00001)' }).first().click();
    await tab('Plan');
    await page.getByRole('button', { name: 'Agree a support plan' }).click();
    await dialog().getByLabel('What the client wants to achieve').fill('A safe, settled home and manageable debts.');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible(/^Support plan agreed on/)).toBe(true);

    await page.getByRole('button', { name: 'Add goal' }).click();
    await dialog().getByLabel(/^Goal/).fill('Move into a one-bedroom council flat');
    await dialog()
      .getByLabel(/^Target date/)
      .fill(addDays(today, -3));
    await expect
      .poll(() => dialog().getByText('This date has already passed.', { exact: false }).isVisible())
      .toBe(true);
    await dialog().getByRole('button', { name: 'Save' }).click();
    // No measure: refused with a sentence that says what to add.
    await expect
      .poll(() => dialog().getByText('Say how you and the client will know the goal is reached.').isVisible())
      .toBe(true);
    await dialog()
      .getByLabel(/^How we will measure it/)
      .fill('Tenancy agreement signed');
    await dialog()
      .getByLabel(/^Target date/)
      .fill(addDays(today, 120));
    await dialog().getByLabel('Need area').first().click();
    await page.getByRole('option', { name: 'Housing' }).click();
    await shot(page, 'cw-01-goal-form');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog().isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Add goal' }).click();
    await dialog().getByLabel(/^Goal/).fill('Rent arrears cleared through a payment plan');
    await dialog()
      .getByLabel(/^How we will measure it/)
      .fill('Arrears at £0 on the rent statement');
    await dialog()
      .getByLabel(/^Target date/)
      .fill(addDays(today, 180));
    await dialog()
      .getByLabel(/^Who is responsible/)
      .first()
      .click();
    await page.getByRole('option', { name: 'An agency' }).click();
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog().getByText('Please fill this in.').isVisible()).toBe(true);
    await dialog()
      .getByLabel(/^Which agency/)
      .fill('StepChange Debt Charity');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByRole('article', { name: 'Rent arrears cleared through a payment plan' }).isVisible())
      .toBe(true);
    expect(await page.getByText('Responsible: An agency: StepChange Debt Charity').isVisible()).toBe(true);
  });

  it('writes a case note linked to a goal; it shows on the timeline', async () => {
    await tab('Notes');
    await page.getByRole('button', { name: 'Add case note' }).click();
    await page.getByLabel('Type of contact').first().click();
    await page.getByRole('option', { name: 'Phone call' }).click();
    await page.getByLabel(/^Minutes/).fill('25');
    await page.getByLabel(/^Who was present/).fill('Zofia and her sister');
    await page.getByLabel('Linked goal').first().click();
    await page.getByRole('option', { name: 'Move into a one-bedroom council flat' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Please fill this in.')).toBe(true);
    await page
      .getByLabel(/^Note/)
      .fill('Rang about the housing register. Zofia has the form; we will fill it in together on Thursday.');
    await shot(page, 'cw-02-case-note');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Rang about the housing register.')).toBe(true);
    await expect.poll(() => visible('Goal: Move into a one-bedroom council flat')).toBe(true);
    await expect.poll(() => visible('25 minutes')).toBe(true);
    await shot(page, 'cw-03-timeline');
  });

  it('adds a task due today, which appears on the home screen and can be ticked off there', async () => {
    await tab('Plan');
    await page.getByRole('button', { name: 'Add task' }).click();
    await dialog()
      .getByLabel(/^What needs doing/)
      .fill('Ring the council housing team');
    await dialog().getByLabel(/^For/).first().click();
    await page.getByRole('option', { name: ADMIN.name }).click();
    await dialog().getByLabel('Under goal').first().click();
    await page.getByRole('option', { name: 'Move into a one-bedroom council flat' }).click();
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Done: Ring the council housing team' }).isVisible())
      .toBe(true);
    // Reworded after saving: the same task, changed.
    await page.getByRole('button', { name: 'Change task: Ring the council housing team' }).click();
    await dialog()
      .getByLabel(/^What needs doing/)
      .fill('Ring the council housing team about band B');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Done: Ring the council housing team about band B' }).isVisible())
      .toBe(true);
    await shot(page, 'cw-04-plan');

    await page.getByRole('button', { name: 'Home' }).click();
    const due = page.getByRole('region', { name: 'Tasks due today and overdue' });
    await expect.poll(() => due.getByText('Ring the council housing team about band B').isVisible()).toBe(true);
    expect(await due.getByText('Due today', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Tasks due' }).getByText('1', { exact: true }).isVisible()).toBe(true);
    // The README's picture of the home screen, once the "saved" messages have gone.
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 12_000 }).toBe(0);
    await shot(page, 'cw-05-home');
    await due.getByRole('checkbox', { name: 'Done: Ring the council housing team about band B' }).click();
    await expect
      .poll(() => due.getByRole('checkbox', { name: 'Done: Ring the council housing team about band B' }).isChecked())
      .toBe(true);
    await expect
      .poll(() => page.getByRole('group', { name: 'Tasks due' }).getByText('0', { exact: true }).isVisible())
      .toBe(true);
  });

  it('records a review with better scores and a goal moved on; the progress chart shows both points', async () => {
    await page.getByRole('button', { name: 'Clients' }).click();
    await page.getByRole('button', { name: /Zofia/ }).first().click();
    await tab('Needs assessments');
    await page.getByRole('button', { name: 'Record a review' }).click();
    await expect.poll(() => visible('Last time: 3')).toBe(true);
    await page.getByRole('radiogroup', { name: 'Score for Housing' }).getByText('7', { exact: true }).click();
    await page.getByRole('radiogroup', { name: 'Score for Money and debt' }).getByText('5', { exact: true }).click();
    await page.getByLabel('Status of “Move into a one-bedroom council flat”').first().click();
    await page.getByRole('option', { name: 'In progress' }).click();
    await page.getByLabel('Note on “Move into a one-bedroom council flat”').fill('On the housing register, band B.');
    await page.getByLabel('Status of “Rent arrears cleared through a payment plan”').first().click();
    await page.getByRole('option', { name: 'Dropped' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    // Dropping a goal needs a reason; nothing is saved until it is given.
    await expect.poll(() => visible('Write down why.')).toBe(true);
    await page.getByLabel('Status of “Rent arrears cleared through a payment plan”').first().click();
    await page.getByRole('option', { name: 'In progress' }).click();
    await shot(page, 'cw-06-review');
    await page.getByRole('button', { name: 'Save' }).click();

    const progress = page.getByRole('region', { name: 'Progress' });
    await expect.poll(() => progress.isVisible()).toBe(true);
    const change = progress.getByRole('table', { name: 'Progress' });
    const housing = change.getByRole('row', { name: /Housing/ });
    expect((await housing.textContent())?.replace(/\s+/g, ' ')).toContain('Housing37+4');
    expect(await change.getByRole('row', { name: /Money and debt/ }).textContent()).toContain('+3');
    // Every score, readable without the chart: a column for the assessment and one for the review.
    const every = progress.getByRole('table', { name: 'Every score' });
    await expect.poll(() => every.getByRole('columnheader').count()).toBe(3);
    expect((await every.getByRole('row', { name: /Housing/ }).textContent())?.replace(/\s+/g, '')).toBe('Housing37');
    // Two dates on the chart's axis: the assessment and the review, each with a point per area.
    await expect.poll(() => progress.locator('.recharts-line-dot').count()).toBeGreaterThanOrEqual(5);
    await shot(page, 'cw-07-progress');

    await tab('Plan');
    await expect.poll(() => visible('On the housing register, band B.')).toBe(true);
    expect(
      await page
        .getByRole('article', { name: 'Move into a one-bedroom council flat' })
        .getByText('In progress', { exact: true })
        .isVisible(),
    ).toBe(true);
  });

  it('writes a safety plan, prints it, and saves it as a one-page PDF', async () => {
    await tab('Safety plan');
    await page.getByRole('button', { name: 'Write a safety plan' }).click();
    await page.getByLabel(/^Warning signs/).fill('Not sleeping, stopping eating, staying in bed all day.');
    await page.getByLabel(/^Things I can do to cope/).fill('Walk the dog. Ring my sister. Music with headphones.');
    await page.getByRole('group', { name: 'Contact 1' }).getByLabel(/^Name/).fill('Magda');
    await page
      .getByRole('group', { name: 'Contact 1' })
      .getByLabel(/^Who they are/)
      .fill('Sister');
    await page
      .getByRole('group', { name: 'Contact 1' })
      .getByLabel(/^Phone/)
      .fill('07700 900456');
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByRole('group', { name: 'Contact 2' }).getByLabel(/^Name/).fill('Samaritans');
    await page
      .getByRole('group', { name: 'Contact 2' })
      .getByLabel(/^Phone/)
      .fill('call any time');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => visible('Enter a phone number using digits, spaces and + ( ) -.')).toBe(true);
    await page
      .getByRole('group', { name: 'Contact 2' })
      .getByLabel(/^Phone/)
      .fill('116 123');
    await shot(page, 'cw-08-safety-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save as PDF' }).isVisible()).toBe(true);
    // A person in crisis needs the paper now: Print, and File › Print, give the one page.
    const printed = await whatIsPrinted(
      page,
      bridge,
      () => page.getByRole('button', { name: 'Print', exact: true }).click(),
      'cw-09b-safety-plan-print',
    );
    expect(printed).toMatchObject({ pages: 1 });
    await expect.poll(() => visible('“Safety plan - CB-00001” was sent to the printer.')).toBe(true);
    await whatIsPrinted(
      page,
      bridge,
      async () => bridge.command({ kind: 'menu', action: 'print' }),
      'cw-09c-safety-plan-file-print',
    );
    await expect
      .poll(
        async () =>
          (await callCore<{ items: { action: string }[] }>(bridge, 'audit.list', { client: 'CB-00001' })).items.filter(
            (a) => a.action === 'safetyPlan.printed',
          ).length,
      )
      .toBe(2);
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    const sheets = () => readdirSync(saveDir).filter((f) => f.startsWith('Safety plan'));
    await expect.poll(() => sheets()).toEqual(['Safety plan - CB-00001.pdf']);
    const pdf = join(saveDir, sheets()[0]!);
    const text = pdfText(pdf);
    expect(text).toContain('My safety plan');
    expect(text).toContain('Zofia Wiśniewska');
    expect(text).toContain('116 123');
    expect(text.split('\f').filter((p) => p.trim()).length).toBe(1);
    expect(existsSync(pdfToPng(pdf, 'cw-09-safety-plan-pdf'))).toBe(true);
    await shot(page, 'cw-10-safety-tab');
  });

  it('shows the same screens in Polish', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('Polski').click();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Twoje sprawy' }).isVisible()).toBe(true);
    await shot(page, 'cw-11-home-pl');
    await page.getByRole('button', { name: 'Zofia Wiśniewska (CB-00001)' }).first().click();
    await tab('Plan');
    await expect.poll(() => visible(/^Plan wsparcia uzgodniony/)).toBe(true);
    await shot(page, 'cw-12-plan-pl');
    await tab('Ocena potrzeb');
    await expect.poll(() => page.getByRole('region', { name: 'Postępy' }).isVisible()).toBe(true);
    await shot(page, 'cw-13-progress-pl');
    await tab('Notatki');
    await expect.poll(() => visible('Rozmowa telefoniczna').then((v) => v || visible('Telefon'))).toBe(true);
    await shot(page, 'cw-14-timeline-pl');
  });
});
