import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The smallest Astro site that publishes the same articles: a glob collection without schema and one page
 * template, default Markdown processing, no integrations, no search index. `dir` lies inside the repository
 * (builds.ts), so the repository's node_modules is found by walking up.
 */
export function writeBareAstroProject(dir: string, articlesDir: string): void {
  mkdirSync(join(dir, 'src', 'pages', 'artikler'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare-astro-bench', type: 'module', private: true }));
  // A cache of its own, empty like ours: the default (node_modules/.astro) would be the repository's.
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ devToolbar: { enabled: false }, cacheDir: './cache' });\n",
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { articles: defineCollection({ loader: glob({ pattern: '*.md', base: ${JSON.stringify(articlesDir)} }) }) };\n`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', 'artikler', '[slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('articles')).map((article) => ({ params: { slug: article.id }, props: { article } }));\n}\nconst { article } = Astro.props;\nconst { Content } = await render(article);\n---\n<html lang="nb"><head><title>{article.data.title}</title></head><body><h1>{article.data.title}</h1><Content /></body></html>\n`,
  );
}
