import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../functions/catalog/check-content.ts';
import { isActive, noticePhase } from '../../functions/catalog/notice-schema.ts';
import { NOTICES_DOCUMENT_PATH } from '../../functions/core/notice-paths.ts';
import { telHref } from '../../functions/core/phone-ladder.ts';
import { isJsonObject } from '../../functions/vocabulary/json-guards.ts';
import { SERVICE_IDS } from '../../functions/core/service-ids.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';
import { attributeValues, builtPages, DIST } from './built-pages.ts';

/** The built site in site/dist (npm test builds it first), read as files. */
const pages = builtPages();
const content = checkContent(CONTENT_DIR);
const page = (url: string) => {
  const html = pages.get(url);
  if (html === undefined) throw new Error(`${url} ble ikke bygget`);
  return html;
};

describe('every page type is built from the real content', () => {
  const published = content.articles.filter((article) => !article.data.draft);

  it.each([
    ['/', '<h1>Serviceportal</h1>'],
    ['/artikler/', '<h1>Artikler</h1>'],
    ['/tjenester/', '<h1>Tjenester</h1>'],
    ['/driftsmeldinger/', '<h1>Driftsmeldinger</h1>'],
    ['/kontakt/', '<h1>Kontakt Servicedesk</h1>'],
    ['/sok/', '<h1>Søk</h1>'],
    ['/404.html', '<h1>Fant ikke siden</h1>'],
    ['/meld-feil/', '<h1>Meld en feil eller still et spørsmål</h1>'],
  ])('%s', (url, heading) => {
    expect(page(url)).toContain(heading);
  });

  it('builds one page per published article and per service, and none for drafts', () => {
    const articleUrls = [...pages.keys()].filter((url) => /^\/artikler\/.+\/$/.test(url)).sort();
    const serviceUrls = [...pages.keys()].filter((url) => /^\/tjenester\/.+\/$/.test(url)).sort();

    expect(articleUrls).toEqual(published.map((article) => `/artikler/${article.slug}/`).sort());
    expect(serviceUrls).toEqual(SERVICE_IDS.map((id) => `/tjenester/${id}/`).sort());
    expect(content.articles.some((article) => article.data.draft)).toBe(true);
  });

  it('gives an article a table of contents, its date, related articles and a link to report a fault in its service', () => {
    const html = page('/artikler/lydlogg/');

    expect(html).toContain('<nav class="toc"');
    expect(html).toContain('<a class="ds-link" href="#vanlige-feil">Vanlige feil</a>');
    expect(html).toMatch(/Sist oppdatert <time datetime="\d{4}-\d{2}-\d{2}">/);
    expect(html).toContain('<h2 id="related-heading">Les også</h2>');
    expect(html).toMatch(/<a class="ds-link" href="\/meld-feil\/audio-log\/">Meld feil i denne tjenesten<\/a>/);
  });

  it('marks the language of an English article and its chrome', () => {
    const html = page('/artikler/reporting-a-fault-in-english/');

    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Skip to content');
    expect(page('/')).toContain('<html lang="nb"');
  });

  it('shows the notices that are active at build time on the front page, and leaves out ended ones', () => {
    // The moment the build drew the lists for, as it wrote it into the notices document: the test's own clock may be
    // past a notice's start or end that the build was not.
    const document: unknown = JSON.parse(readFileSync(join(DIST, ...NOTICES_DOCUMENT_PATH.split('/')), 'utf8'));
    const now = new Date(isJsonObject(document) && typeof document.publishedAt === 'string' ? document.publishedAt : Number.NaN);
    expect(Number.isNaN(now.getTime()), `${NOTICES_DOCUMENT_PATH} har ingen publishedAt`).toBe(false);
    const html = page('/');

    for (const notice of content.notices) {
      const shown = new RegExp(`<article[^>]*id="${notice.slug}"(?![^>]*hidden)[^>]*>`).test(html);
      if (noticePhase(notice.data, now) === 'over') expect(html, notice.slug).not.toContain(`id="${notice.slug}"`);
      else expect(shown, notice.slug).toBe(isActive(notice.data, now));
    }
  });

  it('publishes the notices as an RSS feed', () => {
    const feed = readFileSync(join(DIST, 'driftsmeldinger', 'rss.xml'), 'utf8');

    expect(feed).toContain('<rss');
    for (const notice of content.notices) expect(feed).toContain(`<title>${notice.data.title}</title>`);
  });
});

describe('what the pages load', () => {
  it('ships no JavaScript on article pages', () => {
    const articlePages = [...pages].filter(([url]) => /^\/artikler\/.+\/$/.test(url));

    expect(articlePages.length).toBeGreaterThanOrEqual(15);
    for (const [url, html] of articlePages) expect(html, url).not.toMatch(/<script|modulepreload/);
  });

  it('has no inline scripts or style attributes anywhere (the Content-Security-Policy forbids them)', () => {
    for (const [url, html] of pages) {
      expect(html, url).not.toMatch(/\sstyle="/);
      expect(html, url).not.toMatch(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>\s*\S/);
      expect(html, url).not.toMatch(/<style/);
    }
  });

  it('keeps each page within 30 kB of gzipped CSS', () => {
    for (const [url, html] of pages) {
      const css = attributeValues(html, 'link', 'href').filter((href) => href.endsWith('.css'));
      const bytes = css.reduce((sum, href) => sum + gzipSync(readFileSync(join(DIST, href))).length, 0);
      expect(bytes, url).toBeLessThanOrEqual(30 * 1024);
    }
  });

  it('has a search index from Pagefind', () => {
    expect(existsSync(join(DIST, 'pagefind', 'pagefind.js'))).toBe(true);
  });
});

describe('links in the built site', () => {
  it('points every internal link at a page or file that exists', () => {
    const broken: string[] = [];
    for (const [url, html] of pages) {
      for (const href of attributeValues(html, 'a', 'href')) {
        if (!href.startsWith('/') || href.startsWith('//')) continue;
        const path = href.split(/[?#]/)[0] ?? '';
        const file = path.endsWith('/') ? join(DIST, path, 'index.html') : join(DIST, path);
        if (!existsSync(file)) broken.push(`${url} → ${href}`);
      }
    }

    expect(broken).toEqual([]);
  });

  it('makes every phone number of content/contact.yaml a link to call it, on every page', () => {
    const contact = content.contact;
    if (!contact) throw new Error('content/contact.yaml ble ikke lest');
    const numbers = [...contact.channels, ...contact.otherDesks].filter((channel) => channel.kind === 'phone').map((channel) => channel.value);
    const unlinked: string[] = [];
    const wrongLinks: string[] = [];
    for (const [url, html] of pages) {
      const body = html.slice(html.indexOf('>', html.indexOf('<body')) + 1).replace(/<script\b[\s\S]*?<\/script>/g, '');
      for (const [, href, text] of body.matchAll(/<a\b[^>]*href="(tel:[^"]*)"[^>]*>([\s\S]*?)<\/a>/g)) {
        const shown = (text ?? '').replace(/<[^>]+>/g, '');
        const number = numbers.find((candidate) => shown.replace(/\s/g, '').includes(candidate.replace(/\s/g, '')));
        if (number && href !== telHref(number)) wrongLinks.push(`${url}: «${shown}» → ${href}`);
      }
      const text = body.replace(/<a\b[^>]*href="tel:[^"]*"[^>]*>[\s\S]*?<\/a>/g, ' ').replace(/<[^>]+>/g, ' ');
      for (const number of numbers) {
        const written = new RegExp(`(?<!\\d)${number.replace(/\s/g, '').split('').join('\\s?')}(?!\\d)`);
        if (written.test(text)) unlinked.push(`${url}: ${number}`);
      }
    }

    expect(numbers.length).toBeGreaterThan(1);
    expect(unlinked).toEqual([]);
    expect(wrongLinks).toEqual([]);
  });
});

describe('the words on the pages', () => {
  /** Common English words that no Norwegian sentence uses. */
  const ENGLISH = /\b(the|and|with|your|you|please|error|loading|submit|not found|page)\b/gi;

  it('has no English on a page in bokmål, outside what is marked lang="en" (an article written in English)', () => {
    const english: string[] = [];
    for (const [url, html] of pages) {
      if (!html.includes('<html lang="nb"')) continue;
      const text = html
        .slice(html.indexOf('>', html.indexOf('<body')) + 1)
        .replace(/<script\b[\s\S]*?<\/script>/g, '')
        .replace(/<(\w+)\b[^>]*\slang="en"[^>]*>[\s\S]*?<\/\1>/g, '')
        .replace(/<[^>]+>/g, ' ');
      for (const match of text.matchAll(ENGLISH)) english.push(`${url}: …${text.slice(Math.max(0, match.index - 30), match.index + 30).replace(/\s+/g, ' ')}…`);
    }

    expect(english).toEqual([]);
  });

  it('calls an incident with many reports a «storhendelse», never a «storulykke» (a mass-casualty accident), in the site, the functions or the content', () => {
    const files = ['site/src', 'site/markdown', 'functions', 'content'].flatMap((dir) =>
      readdirSync(join(REPOSITORY_ROOT, dir), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name)),
    );

    const wrong = files.filter((file) => /storulykke/i.test(readFileSync(file, 'utf8')));

    expect(files.length).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });
});
