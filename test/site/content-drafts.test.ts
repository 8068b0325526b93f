import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, startDevSite, type DevSite } from '../support/astro-site.ts';
import { contentWith } from '../support/content-copy.ts';

/**
 * The real content with one more draft (test/fixtures/content/draft-article), seen the two ways the site is made:
 * by the dev server an editor runs (`npm run dev`), and by a production build.
 */
const DRAFT = '/artikler/utkast-ny-rutine-for-radio/';
const DRAFT_TITLE = 'Ny rutine for radiosamband';
const PUBLISHED = '/artikler/lydlogg/';
const DRAFT_MARK = /<strong class="draft-label">Utkast<\/strong>/;
/** The dev server compiles a page the first time it is asked for it, which on a busy machine takes many seconds. */
const FIRST_RENDER = { timeout: 120_000 };

let content: ReturnType<typeof contentWith>;
let work: string;
let dist: string;
let devSite: DevSite;

beforeAll(async () => {
  content = contentWith('draft-article');
  work = mkdtempSync(join(tmpdir(), 'serviceportal-drafts-'));
  dist = join(work, 'dist');
  await buildSite(content.dir, { outDir: dist, cacheDir: join(work, 'build-cache') });
  devSite = await startDevSite(content.dir, join(work, 'dev-cache'));
}, 600_000);

afterAll(async () => {
  await devSite?.stop();
  content?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a draft on the dev server', FIRST_RENDER, () => {
  it('has its page, marked «Utkast» above its title', async () => {
    const { status, html } = await devSite.page(DRAFT);

    expect(status).toBe(200);
    expect(html).toMatch(DRAFT_MARK);
    expect(html).toContain(`<h1>${DRAFT_TITLE}</h1>`);
    expect(html.search(DRAFT_MARK)).toBeLessThan(html.indexOf('<h1>'));
  });

  it('is the only page marked: a published article is not', async () => {
    const { status, html } = await devSite.page(PUBLISHED);

    expect(status).toBe(200);
    expect(html).not.toMatch(DRAFT_MARK);
  });
});

describe('a draft in the production build', () => {
  it('gets no page, and no list or search index names it', () => {
    const read = (path: string) => readFileSync(join(dist, path), 'utf8');

    expect(existsSync(join(dist, 'artikler', 'lydlogg', 'index.html'))).toBe(true);
    expect(existsSync(join(dist, DRAFT, 'index.html'))).toBe(false);
    for (const page of ['artikler/index.html', 'index.html', 'tjenester/radio/index.html', 'sok/indeks.json']) {
      expect(read(page), page).not.toContain(DRAFT_TITLE);
    }
  });
});

describe('mistakes in content/ on the dev server', FIRST_RENDER, () => {
  it('shows them at the top of the page with file, line and what is expected, as the editor saves', async () => {
    const before = await devSite.page('/');
    writeFileSync(
      join(content.dir, 'articles', 'ny-boks.md'),
      '---\ntitle: Ny boks\nsummary: Med en boks som ikke finnes.\nupdated: 2026-11-22\n---\n\n:::advarsel\nPass på.\n:::\n',
    );

    const after = await devSite.page('/');

    expect(before.html).not.toContain('data-content-problems');
    expect(after.html).toContain('<h2 id="content-problems-heading">Innholdet har 1 feil</h2>');
    expect(after.html).toContain(
      '<li>content/articles/ny-boks.md:7 boks — «:::advarsel» er ikke en boks nettstedet kjenner, og vises som tekst: bruk :::info, :::warning eller :::urgent</li>',
    );
  });
});
