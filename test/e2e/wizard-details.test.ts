import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIORITY_DESCRIPTIONS, priorityOf, type ImpactAnswers } from '../../functions/core/priority.ts';
import { launchChromium } from '../support/chromium.ts';
import { useTestPortal } from '../support/local-portal.ts';
import { answerScreen, currentPage, waitForWizard, type Answers } from './wizard-driver.ts';

/** The wizard's smaller promises: where you are, what the priority means, early warnings and articles that may help. */

const portal = useTestPortal();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function open(service: string): Promise<void> {
  await page?.context().close();
  page = await (await browser.newContext()).newPage();
  await page.goto(`${portal.url}/meld-feil/${service}/`);
  await waitForWizard(page);
}

/** Answers and moves on until the page `target` is on screen. */
async function goTo(target: string, answers: Answers): Promise<void> {
  for (let guard = 0; guard < 20 && (await currentPage(page)) !== target; guard += 1) {
    await answerScreen(page, answers);
    await page.getByRole('button', { name: 'Fortsett' }).click();
  }
  const errors = await page.locator('[data-error-summary]:not([hidden]) a').allTextContents();
  expect([await currentPage(page), errors]).toEqual([target, []]);
}

const indicator = () => page.locator('[data-step-indicator]').textContent();

const BASE: Answers = {
  'wizard.urgent': 'no',
  summary: 'Kort overskrift',
  'answers.controlRoom': 'AMK Innlandet',
  'answers.operatorPosition': '3',
  'answers.affectedFunction': 'radio',
  'answers.faultState': 'ongoing',
  description: 'Beskrivelse.',
};

describe('the step indicator', () => {
  it.each([
    ['fault', 'Steg 3 av 7: Henvendelsen', 'Steg 6 av 7: Kontaktopplysninger'],
    // The count follows the answers: a question is still counted as a fault until the request type is chosen.
    ['question', 'Steg 3 av 7: Henvendelsen', 'Steg 5 av 6: Kontaktopplysninger'],
  ])('counts the steps a %s goes through', async (requestType, atRequestType, atContact) => {
    await open('iccs');
    const answers = { ...BASE, requestType, 'impact.affected': 'one', 'impact.workaround': 'yes', 'impact.emergencyResponse': 'no' };

    await goTo('requestType', answers);
    const first = await indicator();
    await goTo('contact', answers);

    expect([first, await indicator()]).toEqual([atRequestType, atContact]);
  });
});

describe('the priority page', () => {
  it.each<ImpactAnswers>([
    { affected: 'one', workaround: 'yes', emergencyResponse: 'no' },
    { affected: 'site', workaround: 'no', emergencyResponse: 'no' },
    { affected: 'several', workaround: 'yes', emergencyResponse: 'yes' },
    { affected: 'many', workaround: 'no', emergencyResponse: 'yes' },
  ])('shows what the API will set for %o, with its meaning and expected response', async (impact) => {
    await open('iccs');
    const expected = priorityOf(impact);

    await goTo('priority', { ...BASE, requestType: 'fault', 'impact.affected': impact.affected, 'impact.workaround': impact.workaround, 'impact.emergencyResponse': impact.emergencyResponse });

    const text = await page.locator('[data-page="priority"]').textContent();
    expect(text).toContain(`${expected} ${PRIORITY_DESCRIPTIONS[expected].name.toLowerCase()}`);
    expect(text).toContain(PRIORITY_DESCRIPTIONS[expected].expectedResponse);
  });
});

describe('moving a control room', () => {
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it.each([
    ['warns when less than six months are left', 60, true],
    ['says nothing when there is time enough', 400, false],
  ])('%s', async (_case, days, warned) => {
    await open('relocation');
    await goTo('answers.moveDate', { 'wizard.urgent': 'no', requestType: 'order', summary: 'Flytting', 'answers.relocationKind': 'controlRoom' });

    await page.locator('#answers-moveDate').fill(inDays(days));

    expect(await page.locator('[data-page="answers.moveDate"] [data-notice-warning]').isVisible()).toBe(warned);
  });
});

describe('deflection', () => {
  it('suggests at most three articles while the summary is typed', async () => {
    await open('audio-log');
    await goTo('summary', { 'wizard.urgent': 'no', requestType: 'fault' });

    await page.locator('#summary').pressSequentially('avspilling lydlogg', { delay: 10 });
    await page.locator('[data-deflect]:not([hidden])').waitFor();

    const links = await page.locator('[data-deflect-list] a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(3);
    for (const href of links) expect(href).toMatch(/^\/artikler\//);
  });
});
