import type { Page } from 'playwright-core';

/**
 * Files a report with the keyboard alone, as a person at a control-room PC or with a keyboard on a phone would, and
 * counts what it took: the screens from the service's form page to the receipt («Sjekk svarene» included), every
 * key pressed (Tab, Space, arrows, Enter and each character typed) and the questions shown. The browser test holds
 * the journey to its limits; `npm run bench` prints the figures.
 */

export interface KeyboardJourney {
  /** The screens in order, by page name; the last is «review». */
  screens: string[];
  keystrokes: number;
  /** Of the keystrokes, the characters typed into fields. */
  typed: number;
  /** Questions on the screens, answered or not. */
  fields: number;
}

const MAX_TABS = 60;

/**
 * `answers` by field name; a field without an answer is passed over. `remember` ticks «Husk meg på denne enheten».
 * Ends on the receipt page.
 */
export async function fileByKeyboard(
  page: Page,
  formUrl: string,
  answers: Readonly<Record<string, string>>,
  options: { remember?: boolean } = {},
): Promise<KeyboardJourney> {
  const figures: KeyboardJourney = { screens: [], keystrokes: 0, typed: 0, fields: 0 };
  const press = async (key: string) => {
    await page.keyboard.press(key);
    figures.keystrokes += 1;
  };
  const focusIs = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
  const tabTo = async (selector: string) => {
    for (let tabs = 0; tabs < MAX_TABS; tabs += 1) {
      if (await focusIs(selector)) return;
      await press('Tab');
    }
    throw new Error(`Tab never reached ${selector} on ${figures.screens.at(-1)}`);
  };
  const current = () => page.locator('[data-page]:not([hidden])').getAttribute('data-page');

  await page.goto(formUrl);
  await page.locator('form[data-wizard-ready]').waitFor({ state: 'attached' });
  for (let guard = 0; guard < 15; guard += 1) {
    const screen = (await current()) ?? '';
    figures.screens.push(screen);
    if (screen === 'review') {
      await tabTo('[data-send]');
      await press('Enter');
      await page.waitForURL('**/meld-feil/kvittering/**');
      return figures;
    }
    const answered = new Set<string>();
    for (let field = await nextField(answered); field !== undefined; field = await nextField(answered)) {
      answered.add(field);
      figures.fields += 1;
      const value = answers[field];
      if (value !== undefined) await answer(field, value);
    }
    if (options.remember && (await page.locator('[data-page]:not([hidden]) #wizard-remember').count()) > 0) {
      await tabTo('#wizard-remember');
      await press('Space');
    }
    await tabTo('[data-next]');
    await press('Enter');
    await page.waitForFunction((previous) => document.querySelector('[data-page]:not([hidden])')?.getAttribute('data-page') !== previous, screen);
  }
  throw new Error(`The report never reached «Sjekk svarene»: ${figures.screens.join(' → ')}`);

  async function nextField(done: ReadonlySet<string>): Promise<string | undefined> {
    const fields = await page
      .locator('[data-page]:not([hidden]) [data-question]:not([hidden])')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.question ?? ''));
    return fields.find((field) => !done.has(field));
  }

  async function answer(field: string, value: string): Promise<void> {
    await tabTo(`[name="${field}"]`);
    const radios = page.locator(`input[type="radio"][name="${field}"]`);
    if ((await radios.count()) === 0) {
      if ((await page.locator(`[name="${field}"]:focus`).inputValue()) === value) return;
      // The text goes in as typed input, the way a keyboard's characters reach a field (`input` events, which is
      // all the wizard listens to there; Playwright sends å, ø and « this way already), in one call instead of a
      // key down and up per character, which took a third of a journey's time.
      await page.keyboard.insertText(value);
      figures.keystrokes += value.length;
      figures.typed += value.length;
      return;
    }
    // In a radio group the arrows move and choose at once; Space chooses the one that has focus.
    const values = await radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    if (await focusIs(`[value="${value}"]:checked`)) return;
    if (await focusIs(`[value="${value}"]`)) return press('Space');
    const from = values.indexOf((await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)) ?? '');
    const steps = values.indexOf(value) - from;
    for (let step = 0; step < Math.abs(steps); step += 1) await press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  }
}
