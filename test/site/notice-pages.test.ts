import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../functions/catalog/check-content.ts';
import { noticesDocumentSchema, publishedNoticePhase } from '../../functions/core/notices-document.ts';
import { NOTICE_ARCHIVE_PATH, NOTICES_PATH, noticePath } from '../../functions/core/notice-paths.ts';
import { NOTICE_TEMPLATE_PATHS, NOTICE_SLOTS, TEMPLATE_ONLY } from '../../site/notices/templates.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';
import { attributeValues, builtPages, DIST } from './built-pages.ts';

/** The notices in the built site (site/dist): a page each, the archive, and every list linking to those pages. */
const pages = builtPages();
const page = (url: string) => {
  const html = pages.get(url);
  if (html === undefined) throw new Error(`${url} ble ikke bygget`);
  return html;
};
const document = noticesDocumentSchema.parse(JSON.parse(readFileSync(join(DIST, 'driftsmeldinger', 'meldinger.json'), 'utf8')));
const builtAt = new Date(document.publishedAt);
const published = checkContent(CONTENT_DIR).notices.filter((notice) => !notice.data.draft);

describe('notices in the built site', () => {
  it('writes meldinger.json with every published notice', () => {
    expect(document.notices.map((notice) => notice.id).sort()).toEqual(published.map((notice) => notice.slug).sort());
  });

  it('gives every published notice a page of its own, searchable, also once it is over', () => {
    for (const notice of document.notices) {
      const html = page(noticePath(notice.id));
      expect(html, notice.id).toContain(`<h1>`);
      expect(html, notice.id).toContain(`data-notice-page="${notice.id}"`);
      expect(html, notice.id).toContain('data-pagefind-body');
      expect(html, notice.id).not.toContain(TEMPLATE_ONLY);
    }
  });

  it('lists in the archive the notices that are over, and not the others', () => {
    const archive = page(NOTICE_ARCHIVE_PATH);
    const over = document.notices.filter((notice) => publishedNoticePhase(notice, builtAt) === 'over');

    expect(over.length).toBeGreaterThan(0);
    for (const notice of document.notices) {
      const listed = archive.includes(`href="${noticePath(notice.id)}"`);
      expect(listed, notice.id).toBe(publishedNoticePhase(notice, builtAt) === 'over');
    }
  });

  it('links every list of notices to the notices’ own pages, never to /driftsmeldinger/#id', () => {
    for (const url of [
      '/',
      NOTICES_PATH,
      '/meld-feil/',
      ...document.notices.flatMap((notice) => notice.services.flatMap((service) => [`/tjenester/${service}/`, `/meld-feil/${service}/`])),
    ]) {
      const html = page(url);
      expect(html, url).not.toMatch(/href="\/driftsmeldinger\/#/);
      const current = document.notices.filter((notice) => publishedNoticePhase(notice, builtAt) !== 'over');
      const links = attributeValues(html, 'a', 'href');
      if (url === '/' || url === NOTICES_PATH) for (const notice of current) expect(links, `${url}: ${notice.id}`).toContain(noticePath(notice.id));
    }
  });

  it('links the notices page to the archive, the feeds and e-mail subscriptions', () => {
    const links = attributeValues(page(NOTICES_PATH), 'a', 'href');

    expect(links).toEqual(
      expect.arrayContaining([
        NOTICE_ARCHIVE_PATH,
        '/driftsmeldinger/rss.xml',
        '/driftsmeldinger/atom.xml',
        '/driftsmeldinger/planlagt.ics',
        '/driftsmeldinger/abonner/',
      ]),
    );
  });

  it('builds the templates the publishing script fills, kept out of search', () => {
    for (const path of Object.values(NOTICE_TEMPLATE_PATHS)) {
      const html = page(path);
      for (const slot of Object.values(NOTICE_SLOTS)) expect(html, path).toContain(slot);
      expect(html, path).toContain(TEMPLATE_ONLY);
      expect(html, path).not.toContain('data-pagefind-body');
    }
  });

  it('links the search fallback’s notices to their pages', () => {
    const index: { url: string }[] = JSON.parse(readFileSync(join(DIST, 'sok', 'indeks.json'), 'utf8'));
    const urls = index.map((entry) => entry.url);

    for (const notice of document.notices) expect(urls).toContain(noticePath(notice.id));
  });
});
