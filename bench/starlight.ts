import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDriver } from './search-bytes.ts';
import { syntheticArticleId } from './synthetic-content.ts';

/** Where the Starlight site puts the articles, so their links (/artikler/<id>/) resolve as on ours. */
export const STARLIGHT_ARTICLES = 'artikler';

/**
 * Starlight's own name for the boxes we draw from `:::info`: Starlight's asides are note, tip, caution and danger,
 * and it would print an unknown `:::info` as text. Renamed, both sites render the same callout.
 */
const toStarlightAside = (markdown: string) => markdown.replaceAll(':::info', ':::note');

/**
 * A Starlight documentation site with the same articles, as its documentation suggests one is set up: the docs
 * collection, Starlight's own search (Pagefind, run by Starlight when the build is done), Norwegian bokmål as the
 * one language (so Pagefind stems as on ours). The sidebar holds one link: Starlight's default lists every page in
 * a sidebar on every page, which at 10,000 articles would write 10,000 links into each of 10,000 pages; a site of
 * that size would not be set up so, and ours has no such list either.
 *
 * `dir` must lie inside the repository (builds.ts puts it there), so the repository's node_modules is found by
 * walking up: Astro compiles Starlight's components only when they resolve to a path sharing more than / with the
 * project, and imports its prerender chunks from the build folder. Starlight is listed as a dependency because
 * Astro only bundles (instead of leaving to Node) the Astro packages a project's package.json names.
 */
export function writeStarlightProject(dir: string, articlesDir: string): void {
  const docs = join(dir, 'src', 'content', 'docs', STARLIGHT_ARTICLES);
  mkdirSync(docs, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'starlight-bench', type: 'module', private: true, dependencies: { '@astrojs/starlight': '*', astro: '*' } }),
  );
  // A cache of its own, empty like ours: the default (node_modules/.astro) would be the repository's.
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  devToolbar: { enabled: false },
  cacheDir: './cache',
  integrations: [starlight({
    title: 'Serviceportal',
    defaultLocale: 'root',
    locales: { root: { label: 'Norsk bokmål', lang: 'nb' } },
    sidebar: [{ label: 'Artikler', link: ${JSON.stringify(`/${STARLIGHT_ARTICLES}/${syntheticArticleId(0)}/`)} }],
  })],
});
`,
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
  );
  for (const name of readdirSync(articlesDir)) {
    if (name.endsWith('.md')) writeFileSync(join(docs, name), toStarlightAside(readFileSync(join(articlesDir, name), 'utf8')));
  }
}

/**
 * Starlight's search as a reader uses it: an article, the search button, the query typed into Pagefind's own UI
 * (which Starlight loads when the page is idle), until its first results are shown. No Content-Security-Policy:
 * Starlight's pages rely on inline scripts and styles that ours would block.
 */
export const STARLIGHT_SEARCH: SearchDriver = {
  headers: {},
  async search(page, url, query) {
    await page.goto(`${url}/${STARLIGHT_ARTICLES}/${syntheticArticleId(0)}/`);
    await page.locator('button[data-open-modal]:not([disabled])').click();
    const input = page.locator('#starlight__search input');
    await input.waitFor({ timeout: 60_000 });
    await input.fill(query);
    const results = page.locator('#starlight__search .pagefind-ui__result');
    await results.first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return results.count();
  },
};
