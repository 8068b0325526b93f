import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { expectedResponse, priorityName, priorityOf, type ImpactAnswers } from '../../functions/core/priority.ts';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';
import { useTestPortal } from '../support/local-portal.ts';
import { answerScreen, CONTACT, currentPage, waitForWizard, type Answers } from './wizard-driver.ts';

/** The wizard's smaller promises: where you are, what the priority means, early warnings and articles that may help. */

const portal = useTestPortal();
const policy = loadCatalog(CONTENT_DIR).priority;
let browser: FileBrowser;
let page: Page;

beforeAll(async () => {
  browser = await browserForFile();
});

afterAll(async () => {
  await browser?.close();
});

/** `at`: the browser's clock, so what depends on the hour does not depend on when the test runs. */
async function open(service: string, at = '2026-03-05T10:00:00+01:00'): Promise<void> {
  await page?.context().close();
  page = await (await browser.newContext()).newPage();
  await page.clock.setFixedTime(new Date(at));
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
  urgent: 'no',
  summary: 'Kort overskrift',
  'answers.controlRoom': 'AMK Innlandet',
  'answers.operatorPosition': '3',
  'answers.affectedFunction': 'radio',
  'answers.faultState': 'ongoing',
  description: 'Beskrivelse.',
};

describe('the step indicator', () => {
  it.each([
    ['fault', 'Steg 2 av 6 · Kontrollromsløsningen (ICCS)', 'Steg 5 av 6 · Kontrollromsløsningen (ICCS)'],
    // The count follows the answers: a question is not asked how serious it is.
    ['question', 'Steg 2 av 5 · Kontrollromsløsningen (ICCS)', 'Steg 4 av 5 · Kontrollromsløsningen (ICCS)'],
  ])('counts the screens a %s goes through', async (requestType, atAbout, atContact) => {
    await open('iccs');
    const answers = { ...BASE, requestType, 'impact.affected': 'one', 'impact.workaround': 'yes' };

    await goTo('about', answers);
    const first = await indicator();
    await goTo('contact', answers);

    expect([first, await indicator()]).toEqual([atAbout, atContact]);
  });
});

describe('the suggested priority on «Sjekk svarene»', () => {
  it.each<ImpactAnswers & { at: string; handled: boolean }>([
    { affected: 'one', workaround: 'yes', at: '2026-03-05T10:00:00+01:00', handled: true },
    { affected: 'several', workaround: 'yes', at: '2026-03-05T10:00:00+01:00', handled: true },
    { affected: 'several', workaround: 'yes', at: '2026-03-05T21:00:00+01:00', handled: false },
  ])('shows what the API will set for $affected affected, workaround $workaround, at $at, with its meaning and promise', async ({ at, handled, ...impact }) => {
    await open('iccs', at);
    const expected = priorityOf(policy, { urgent: 'no', impact });

    await goTo('review', { ...BASE, ...CONTACT, requestType: 'fault', 'impact.affected': impact.affected, 'impact.workaround': impact.workaround });

    const text = await page.locator('[data-priority-suggestion]').textContent();
    expect(text).toContain(`Foreslått prioritet: ${priorityName(policy, expected)}`);
    expect(text).toContain(expectedResponse(policy.levels[expected], handled));
    expect(text).toContain('Servicedesk avgjør prioriteten i samråd med deg.');
  });

  it('sends a fault whose priority must be phoned in to the phone page first, naming the priority', async () => {
    await open('iccs');

    await goTo('phone', { ...BASE, requestType: 'fault', 'impact.affected': 'several', 'impact.workaround': 'no' });

    expect(await page.locator('[data-page="phone"] [data-phone-intro]:not([hidden])').textContent()).toContain('Foreslått prioritet: P2 høy');
    expect(await page.getByRole('button', { name: 'Fortsett' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Send en skriftlig melding i tillegg' }).click();
    expect(await currentPage(page)).toBe('contact');
  });
});

describe('moving a control room', () => {
  const inDays = (days: number) => new Date(Date.parse('2026-03-05T10:00:00+01:00') + days * 86_400_000).toISOString().slice(0, 10);

  it.each([
    ['warns when less than six months are left', 60, true],
    ['says nothing when there is time enough', 400, false],
  ])('%s', async (_case, days, warned) => {
    await open('relocation');
    await goTo('relocation-1', { urgent: 'no', requestType: 'order', summary: 'Flytting', description: 'Vi flytter.' });
    await page.locator('#answers-relocationKind-controlRoom').check();

    await page.locator('#answers-moveDate').fill(inDays(days));

    expect(await page.locator('[data-question="answers.moveDate"] [data-notice-warning]').isVisible()).toBe(warned);
  });
});

describe('deflection', () => {
  it('suggests at most three articles while the summary is typed', async () => {
    await open('audio-log');
    await goTo('about', { urgent: 'no', requestType: 'fault' });

    const before = await page.locator('[data-deflect-list] a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    await page.locator('#summary').pressSequentially('avspilling lydlogg', { delay: 10 });
    // The service's own articles are there from the start; the search's hits replace them once it has answered.
    await expect.poll(() => page.locator('[data-deflect-status]').textContent()).toMatch(/artikler som kanskje løser det/);

    const links = await page.locator('[data-deflect-list] a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(3);
    expect(before.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^\/artikler\//);
  });
});
