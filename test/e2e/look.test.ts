import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { storedItem } from '../support/local-portal.ts';
import { answerScreen, currentPage, receiptReference, TYPICAL, waitForWizard } from './wizard-driver.ts';

/**
 * Seeing is testing: the pages people meet, at 320, 375 and 1280 px, compared with the screenshots committed in
 * test/screenshots/. An unstyled page, a fallback font or a layout that broke changes far more than the 0.5 % of
 * pixels allowed. The site is built from frozen content (test/fixtures/look/content) as of a fixed moment, and the
 * browser's clock is set to the same moment, so neither the editors' work nor the day the test runs changes a pixel.
 *
 * After a change meant to alter the look: `UPDATE_SCREENSHOTS=1 npx vitest run --config test/vitest.config.ts
 * test/e2e/look.test.ts`, look at every changed image, and commit them.
 */

const AT = '2026-12-01T10:00:00+01:00';
const WIDTHS = [320, 375, 1280] as const;
const HEIGHT = 800;
const MAX_DIFFERENT = 0.005;
const BASELINES = join(REPOSITORY_ROOT, 'test', 'screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const CONTENT = join(REPOSITORY_ROOT, 'test', 'fixtures', 'look', 'content');

let site: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite(CONTENT, { buildTime: AT });
}, 180_000);

afterAll(async () => {
  await site?.stop();
});

/** What changes from run to run however frozen the content is: the reference's number and the times of a report. */
const VOLATILE = ['#reference', '#status-details', '#status-timeline', '#status-escalation-text'];

interface Difference {
  name: string;
  share: number;
  detail: string;
}

async function compare(page: Page, name: string): Promise<Difference | undefined> {
  await page.evaluate(() => document.fonts.ready);
  // The pointer rests where the last click was, and would show whatever is under it now in its hover colour.
  await page.mouse.move(0, 0);
  const actual = PNG.sync.read(await page.screenshot({ animations: 'disabled', caret: 'hide', mask: VOLATILE.map((selector) => page.locator(selector)) }));
  const file = join(BASELINES, `${name}.png`);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(file, PNG.sync.write(actual));
    return UPDATE ? undefined : { name, share: 1, detail: `ingen grunnlinje fantes; skrev ${file}: se på den og commit den` };
  }
  const baseline = PNG.sync.read(readFileSync(file));
  if (baseline.width !== actual.width || baseline.height !== actual.height) {
    return { name, share: 1, detail: `størrelsen er ${actual.width} × ${actual.height}, grunnlinjen ${baseline.width} × ${baseline.height}` };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const different = pixelmatch(baseline.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  const share = different / (actual.width * actual.height);
  if (share <= MAX_DIFFERENT) return undefined;
  const out = join(tmpdir(), 'serviceportal-look-diff');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}.actual.png`), PNG.sync.write(actual));
  writeFileSync(join(out, `${name}.diff.png`), PNG.sync.write(diff));
  return { name, share, detail: `${(share * 100).toFixed(2)} % av pikslene er ulike; se ${join(out, `${name}.diff.png`)}` };
}

describe('the portal as people see it, against the committed screenshots', () => {
  it.each(WIDTHS)(
    'at %i px',
    async (width) => {
      const context = await site.browser.newContext({ viewport: { width, height: HEIGHT } });
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date(AT));
      const differences: Difference[] = [];
      const shoot = async (name: string) => {
        const difference = await compare(page, `${name}-${width}`);
        if (difference) differences.push(difference);
      };

      for (const [name, path] of [
        ['forside', '/'],
        ['artikkel', '/artikler/onsket-informasjon-ved-innmelding-av-feil/'],
        ['tjeneste', '/tjenester/radio/'],
        ['kontakt', '/kontakt/'],
        ['fant-ikke-siden', '/finnes-ikke/'],
      ] as const) {
        await page.goto(`${site.portal.url}${path}`);
        await shoot(name);
      }

      await page.goto(`${site.portal.url}/meld-feil/iccs/`);
      await waitForWizard(page);
      for (let guard = 0; guard < 10; guard += 1) {
        const step = (await currentPage(page)) ?? '';
        await shoot(`skjema-${step}`);
        if (step === 'review') break;
        await answerScreen(page, TYPICAL.iccs);
        await page.getByRole('button', { name: 'Fortsett' }).click();
        await page.waitForFunction((previous) => document.querySelector('[data-page]:not([hidden])')?.getAttribute('data-page') !== previous, step);
      }
      await page.getByRole('button', { name: 'Send meldingen' }).click();
      await page.waitForURL('**/meld-feil/kvittering/');
      await page.locator('#receipt-priority h2').waitFor();
      await shoot('kvittering');
      // The status page says where the report is: wait until the router has sent it on, so it always says the same.
      const reference = await receiptReference(page);
      await expect.poll(async () => ((await storedItem(site.portal.stack, reference))?.routing as { status?: string } | undefined)?.status).toBe('routed');
      await page.locator('#status-link').click();
      await page.locator('#status-details').waitFor();
      await shoot('status');

      await page.goto(`${site.portal.url}/meld-feil/radio/`);
      await waitForWizard(page);
      await answerScreen(page, { urgent: 'yes', requestType: 'fault' });
      await page.getByRole('button', { name: 'Fortsett' }).click();
      await shoot('skjema-ring');

      await context.close();
      expect(differences.map((difference) => `${difference.name}: ${difference.detail}`)).toEqual([]);
    },
    240_000,
  );
});
