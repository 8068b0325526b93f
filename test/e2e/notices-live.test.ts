import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesDocumentSchema, type PublishedNotice } from '../../functions/core/notices-document.ts';
import { NOTICES_DOCUMENT_PATH, NOTICES_PATH, noticePath } from '../../functions/core/notice-paths.ts';
import { contentWith } from '../support/content-copy.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';

/**
 * A notice published after the site was built (scripts/publish-notices.ts writes meldinger.json) shows on the next
 * page load, drawn by the page script with the site's renderer; until then, and without it, the built page stands.
 */

const AT = '2026-11-30T10:00:00+01:00';
const content = contentWith();
let site: FixtureSite;
let documentFile: string;

beforeAll(async () => {
  site = await startFixtureSite(content.dir, { buildTime: AT });
  documentFile = join(site.siteDir, ...NOTICES_DOCUMENT_PATH.split('/'));
}, 180_000);

afterAll(async () => {
  await site?.stop();
  content.remove();
});

const fresh: PublishedNotice = {
  id: 'utfall-videolosninger',
  title: 'Utfall i videoløsningene',
  severity: 'outage',
  services: ['video'],
  areas: ['Innlandet'],
  start: '2026-11-30T08:30:00.000Z',
  updates: [{ at: '2026-11-30T08:50:00.000Z', text: 'Feilsøking pågår.' }],
  html: '<p>Videoløsningene er ute av drift.</p>',
};

function publish(change: (notices: PublishedNotice[]) => PublishedNotice[]): void {
  const document = noticesDocumentSchema.parse(JSON.parse(readFileSync(documentFile, 'utf8')));
  writeFileSync(documentFile, JSON.stringify({ ...document, notices: change(document.notices) }));
}

describe('notices between builds, in Chromium', () => {
  it('shows a notice published after the build in the lists after a reload, and its update on its page', async () => {
    const page = await site.browser.newPage();
    await page.clock.setFixedTime(new Date(AT));
    try {
      await page.goto(`${site.portal.url}${NOTICES_PATH}`);
      await page.waitForFunction(() => document.documentElement.dataset.noticesLive === 'ready');
      const ongoing = page.locator('[data-notice-list="ongoing"]');
      expect(await ongoing.getByRole('link', { name: fresh.title }).count()).toBe(0);
      const builtCards = await ongoing.locator('[data-notice]').count();

      publish((notices) => [fresh, ...notices]);
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset.noticesLive === 'ready');

      const card = ongoing.locator(`[data-notice="${fresh.id}"]`);
      await card.waitFor();
      expect(await card.getAttribute('data-color')).toBe('danger');
      expect(await card.getByRole('link', { name: fresh.title }).getAttribute('href')).toBe(noticePath(fresh.id));
      expect(await ongoing.locator('[data-notice]').count()).toBe(builtCards + 1);

      // The front page and the video service's page and form list it too.
      for (const path of ['/', '/tjenester/video/', '/meld-feil/video/']) {
        await page.goto(`${site.portal.url}${path}`);
        await page.waitForFunction(() => document.documentElement.dataset.noticesLive === 'ready');
        expect(await page.locator(`[data-notice="${fresh.id}"]`).first().isVisible(), path).toBe(true);
      }

      // A notice that was built: its page shows an update published since.
      const [built] = noticesDocumentSchema.parse(JSON.parse(readFileSync(documentFile, 'utf8'))).notices.filter((notice) => notice.id !== fresh.id);
      publish((notices) =>
        notices.map((notice) =>
          notice.id === built?.id
            ? { ...notice, updates: [{ at: '2026-11-30T08:55:00.000Z', text: 'Ny oppdatering etter bygget.' }, ...notice.updates] }
            : notice,
        ),
      );
      await page.goto(`${site.portal.url}${noticePath(built?.id ?? '')}`);
      await page.getByText('Ny oppdatering etter bygget.').waitFor();
    } finally {
      await page.close();
    }
  });

  it('keeps the built page when the published notices cannot be read', async () => {
    writeFileSync(documentFile, '{"format":"noe annet"}');
    const page = await site.browser.newPage();
    await page.clock.setFixedTime(new Date(AT));
    try {
      await page.goto(`${site.portal.url}${NOTICES_PATH}`);
      await page.waitForFunction(() => document.documentElement.dataset.noticesLive === 'unavailable');

      expect(await page.locator('[data-notice-list="ongoing"] [data-notice]').count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
