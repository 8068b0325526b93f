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
  urgent: 'no',
  requestType: 'fault',
  'impact.affected': 'one',
  'impact.workaround': 'yes',
};

const TYPICAL_FAULT: Answers = { ...NOT_URGENT_FAULT, ...CONTACT };
/** A typical fault a control room reports, for ICCS and for a radio terminal. */
export const TYPICAL: Record<'iccs' | 'radio', Answers> = {
  iccs: {
    ...TYPICAL_FAULT,
    summary: 'Ingen lyd i talegruppe på plass 3',
    description: 'Stille i talegruppen siden 14.05.',
    'answers.controlRoom': 'AMK Innlandet',
    'answers.operatorPosition': '3',
    'answers.affectedFunction': 'radio',
    'answers.faultState': 'ongoing',
  },
  radio: {
    ...TYPICAL_FAULT,
    summary: 'Terminal uten dekning',
    description: 'Viser «Ingen tjeneste».',
    'answers.issi': '2040123',
    'answers.location': 'Lillehammer sentrum',
    'answers.faultState': 'ongoing',
  },
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

interface Question {
  name: string;
  /** A fieldset of radio buttons rather than a field to type in. */
  choice: boolean;
}

/** The questions asked on the page on screen now, read in one call to the browser. */
async function questionsOnScreen(page: Page): Promise<Question[]> {
  return page
    .locator('[data-page]:not([hidden]) [data-question]:not([hidden])')
    .evaluateAll((fields) =>
      fields.map((field) => ({ name: (field as HTMLElement).dataset.question ?? '', choice: field.querySelector('input[type="radio"]') !== null })),
    );
}

/** The field names asked on the page on screen now. */
export async function fieldsOnScreen(page: Page): Promise<string[]> {
  return (await questionsOnScreen(page)).map((question) => question.name);
}

/**
 * Answers what is on screen; an answer may bring up another question on the same page, which is answered too, or
 * take one away, which is then passed over. Returns the questions on screen when it is done.
 */
export async function answerScreen(page: Page, answers: Answers): Promise<string[]> {
  const answered = new Set<string>();
  for (;;) {
    const questions = await questionsOnScreen(page);
    const next = questions.find((question) => !answered.has(question.name));
    if (next === undefined) return questions.map((question) => question.name);
    answered.add(next.name);
    const value = answers[next.name];
    if (value === undefined) continue;
    if (next.choice) await page.locator(`input[type="radio"][name="${next.name}"][value="${value}"]`).check();
    else await page.locator(`#${idOf(next.name)}`).fill(value);
  }
}

export interface Screen {
  page: string;
  /** The questions on it when it was left. */
  fields: string[];
}

/** Answers every page until «Sjekk svarene»; returns the screens it went through, that one included. */
export async function walkToReview(page: Page, answers: Answers): Promise<Screen[]> {
  const seen: Screen[] = [];
  await waitForWizard(page);
  for (let guard = 0; guard < 20; guard += 1) {
    const name = (await currentPage(page)) ?? '';
    if (name === 'review') return [...seen, { page: name, fields: [] }];
    seen.push({ page: name, fields: await answerScreen(page, answers) });
    await page.getByRole('button', { name: 'Fortsett' }).click();
    await page.waitForFunction((previous) => document.querySelector('[data-page]:not([hidden])')?.getAttribute('data-page') !== previous, name);
  }
  throw new Error(`The wizard never reached the review page: ${seen.map((screen) => screen.page).join(' → ')}`);
}

/** Every question asked on the way, in order. */
export const fieldsAsked = (screens: readonly Screen[]) => screens.flatMap((screen) => screen.fields);
