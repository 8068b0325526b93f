import type { Page } from 'playwright-core';

/** Walks the wizard in Chromium the way a person would, one page at a time, with answers keyed by field name. */

export type Answers = Record<string, string>;

export const CONTACT: Answers = {
  'contact.name': 'Kari Nordmann',
  'contact.organisation': 'Sykehuset Innlandet',
  'contact.phone': '912 34 567',
  'contact.email': 'kari.nordmann@example.no',
};

export const NOT_URGENT_FAULT: Answers = {
  'wizard.urgent': 'no',
  requestType: 'fault',
  'impact.affected': 'one',
  'impact.workaround': 'yes',
  'impact.emergencyResponse': 'no',
};

/** Waits until the wizard has taken over the form; until then only its first step is painted, by CSS. */
export async function waitForWizard(page: Page): Promise<void> {
  await page.locator('form[data-wizard-ready]').waitFor({ state: 'attached' });
}

/** The reference on the confirmation page, once its script has filled it in (the heading is there before). */
export async function receiptReference(page: Page): Promise<string> {
  await page.waitForFunction(() => (document.querySelector('#reference')?.textContent ?? '').trim() !== '');
  return (await page.locator('#reference').textContent()) ?? '';
}

export const currentPage = (page: Page) => page.locator('[data-page]:not([hidden])').getAttribute('data-page');

const idOf = (name: string) => name.replace(/\W/g, '-');

/** The field names asked on the page on screen now. */
export async function fieldsOnScreen(page: Page): Promise<string[]> {
  return page.locator('[data-page]:not([hidden]) [data-field]').evaluateAll((fields) => fields.map((field) => (field as HTMLElement).dataset.field ?? ''));
}

export async function answerScreen(page: Page, answers: Answers): Promise<void> {
  for (const name of await fieldsOnScreen(page)) {
    const value = answers[name];
    if (value === undefined) continue;
    const radio = page.locator(`input[type="radio"][name="${name}"][value="${value}"]`);
    if ((await page.locator(`input[type="radio"][name="${name}"]`).count()) > 0) await radio.check();
    else await page.locator(`#${idOf(name)}`).fill(value);
  }
}

/** Answers every page until "Sjekk svarene"; returns the pages it went through. */
export async function walkToReview(page: Page, answers: Answers): Promise<string[]> {
  const seen: string[] = [];
  await waitForWizard(page);
  for (let guard = 0; guard < 40; guard += 1) {
    const name = (await currentPage(page)) ?? '';
    seen.push(name);
    if (name === 'review') return seen;
    await answerScreen(page, answers);
    await page.getByRole('button', { name: 'Fortsett' }).click();
    await page.waitForFunction((previous) => document.querySelector('[data-page]:not([hidden])')?.getAttribute('data-page') !== previous, name, { timeout: 5000 });
  }
  throw new Error(`The wizard never reached the review page: ${seen.join(' → ')}`);
}
