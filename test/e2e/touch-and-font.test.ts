import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/catalog/load-yaml-catalog.ts';
import { deskPhone } from '../../functions/core/phone-ladder.ts';
import { FONT_FAMILY } from '../../site/src/lib/font.ts';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';
import { useTestPortal } from '../support/local-portal.ts';
import { answerScreen, currentPage, TYPICAL, waitForWizard } from './wizard-driver.ts';

/**
 * The portal in the hand of an operator on a phone, 375 CSS px wide: the body font is the one the site ships, every
 * form control is a target of at least 44 × 44 px (its label included), buttons and fields are at least 44 px high,
 * menu and header links at least 24 px (WCAG 2.5.8) with the current page marked, and the desk's number is a call
 * bar at the bottom of the screen.
 */

const PHONE = { width: 375, height: 740 };
const TOUCH = 44;
const MENU_LINK = 24;
const desk = deskPhone(loadCatalog(CONTENT_DIR).contact);

const portal = useTestPortal();
let browser: FileBrowser;
let page: Page;

beforeAll(async () => {
  browser = await browserForFile();
  page = await browser.newPage({ viewport: PHONE, hasTouch: true, isMobile: true });
});

afterAll(async () => {
  await browser?.close();
});

interface Box {
  name: string;
  width: number;
  height: number;
}

/** The size of each visible element, named by its text or label, for a readable failure. */
async function boxes(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((elements) =>
    elements
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => {
        const rect = element.getBoundingClientRect();
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? element.id).trim().replace(/\s+/g, ' ');
        return { name: name || element.outerHTML.slice(0, 60), width: Math.round(rect.width), height: Math.round(rect.height) };
      }),
  );
}

/** A radio or checkbox with its label, as one target: the box around both. */
async function choiceTargets(scope: Locator): Promise<Box[]> {
  return scope.locator('.ds-field:has(> input[type="radio"], > input[type="checkbox"])').evaluateAll((fields) =>
    fields
      .filter((field) => field.getClientRects().length > 0)
      .map((field) => {
        const input = field.querySelector('input') as HTMLInputElement;
        const label = field.querySelector(`label[for="${input.id}"]`) as HTMLLabelElement;
        const [a, b] = [input.getBoundingClientRect(), label.getBoundingClientRect()];
        const width = Math.max(a.right, b.right) - Math.min(a.left, b.left);
        const height = Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top);
        return { name: label.textContent?.trim() ?? input.id, width: Math.round(width), height: Math.round(height) };
      }),
  );
}

const tooSmall = (found: readonly Box[], minWidth: number, minHeight: number) => found.filter((box) => box.width < minWidth || box.height < minHeight);

describe('at 375 px, on a phone', () => {
  it('sets the body text in the font the site ships, not a fallback', async () => {
    await page.goto(`${portal.url}/`);
    await page.evaluate(() => document.fonts.ready);

    const font = await page.evaluate((family) => {
      const faces = [...document.fonts].filter((face) => face.family.replace(/['"]/g, '') === family);
      return {
        loaded: faces.some((face) => face.status === 'loaded'),
        usable: document.fonts.check(`16px "${family}"`),
        bodyFamily: getComputedStyle(document.body).fontFamily,
      };
    }, FONT_FAMILY);

    expect(font).toEqual({ loaded: true, usable: true, bodyFamily: expect.stringMatching(new RegExp(`^"?${FONT_FAMILY}"?,`)) });
  });

  it('makes every choice, button and field of the form big enough for a finger, page by page', async () => {
    await page.goto(`${portal.url}/meld-feil/iccs/`);
    await waitForWizard(page);
    const problems: string[] = [];

    for (let guard = 0; guard < 10; guard += 1) {
      const step = (await currentPage(page)) ?? '';
      const screen = page.locator('[data-page]:not([hidden])');
      const wizard = page.locator('form[data-wizard]');
      for (const box of tooSmall(await choiceTargets(wizard), TOUCH, TOUCH)) problems.push(`${step}: valget «${box.name}» er ${box.width} × ${box.height}`);
      for (const box of tooSmall(await boxes(wizard.locator('button, .ds-button')), 0, TOUCH))
        problems.push(`${step}: knappen «${box.name}» er ${box.height} px høy`);
      for (const box of tooSmall(await boxes(screen.locator('input:not([type="radio"], [type="checkbox"]), textarea')), 0, TOUCH))
        problems.push(`${step}: feltet ${box.name} er ${box.height} px høyt`);
      for (const box of tooSmall(await boxes(page.locator('.back-link')), 0, TOUCH)) problems.push(`${step}: «${box.name}» er ${box.height} px høy`);
      if (step === 'review') break;
      await answerScreen(page, TYPICAL.iccs);
      await page.getByRole('button', { name: 'Fortsett' }).click();
      await page.waitForFunction((previous) => document.querySelector('[data-page]:not([hidden])')?.getAttribute('data-page') !== previous, step);
    }

    expect(problems).toEqual([]);
  });

  it.each(['/', '/artikler/', '/kontakt/'])('%s: menu, header and footer links are at least 24 px high', async (path) => {
    await page.goto(`${portal.url}${path}`);

    const links = await boxes(page.locator('.site-header a, .site-footer a'));

    expect(links.length).toBeGreaterThan(0);
    expect(tooSmall(links, MENU_LINK, MENU_LINK)).toEqual([]);
  });

  it.each([
    ['/artikler/onsket-informasjon-ved-innmelding-av-feil/', 'Artikler'],
    ['/tjenester/radio/', 'Tjenester'],
    ['/kontakt/', 'Kontakt'],
  ])('%s: the menu marks «%s» as the current part of the site', async (path, current) => {
    await page.goto(`${portal.url}${path}`);

    const marked = await page.locator('nav a[aria-current="page"]').allTextContents();

    expect(marked.map((text) => text.trim())).toEqual([current]);
  });

  it('keeps the desk’s number, from content/contact.yaml, one tap away at the bottom of the screen', async () => {
    await page.goto(`${portal.url}/artikler/`);
    const bar = page.locator('.call-bar');

    const placed = await bar.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return {
        position: getComputedStyle(element).position,
        bottom: Math.round(rect.bottom),
        height: Math.round(rect.height),
        href: element.getAttribute('href'),
        text: element.textContent?.trim(),
      };
    });

    expect(placed).toEqual({
      position: 'fixed',
      bottom: PHONE.height,
      height: expect.any(Number),
      href: desk.href,
      text: expect.stringContaining(desk.number),
    });
    expect(placed.height).toBeGreaterThanOrEqual(TOUCH);
  });
});

describe('at 1280 px, on a control-room PC', () => {
  it('has no call bar: the number is in the footer and on the contact page', async () => {
    const wide = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await wide.goto(`${portal.url}/artikler/`);

    const shown = await wide.locator('.call-bar').isVisible();
    await wide.close();

    expect(shown).toBe(false);
  });
});
