import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { markdownConfig } from '../site/markdown/pipeline.ts';
import { remarkMarkdownConfig } from './remark-markdown.ts';

export interface MarkdownProcessorFigures {
  articles: number;
  satteriMs: number;
  unifiedMs: number;
  /** Articles whose HTML is the same from both processors, byte for byte but for the end (Sätteri ends with a newline). */
  identicalHtml: number;
  /** The first article that differs, if any, to look at. */
  firstDifference?: string;
}

const WARMUP_ARTICLES = 50;

type Processor = typeof markdownConfig.processor | typeof remarkMarkdownConfig.processor;

async function renderAll(processor: Processor, articles: readonly { file: string; body: string; frontmatter: Record<string, unknown> }[]) {
  // What Astro's content layer passes (astro/dist/content/content-layer.js): highlighting off, as ours is.
  const renderer = await processor.createRenderer({ syntaxHighlight: markdownConfig.syntaxHighlight });
  const started = performance.now();
  const html: string[] = [];
  for (const article of articles)
    html.push((await renderer.render(article.body, { frontmatter: article.frontmatter, fileURL: pathToFileURL(article.file) })).code);
  return { ms: performance.now() - started, html };
}

/**
 * Markdown alone, in this process: every article (or the first `limit`) rendered by our Sätteri configuration and
 * by the same configuration on remark/rehype, one after the other, and the HTML compared. Each processor is first
 * warmed on WARMUP_ARTICLES outside the timing, so this is the steady rate (the builds pay the warm-up too). The
 * build rows say what the difference is worth in a whole build.
 */
export async function compareMarkdownProcessors(articlesDir: string, limit = Infinity): Promise<MarkdownProcessorFigures> {
  const articles = readdirSync(articlesDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .slice(0, limit)
    .map((name) => {
      const file = join(articlesDir, name);
      const { frontmatter, content } = parseFrontmatter(readFileSync(file, 'utf8'));
      return { file, body: content, frontmatter };
    });
  // Warmed on one article only, remark/rehype averaged 85 ms an article over the next 49 (JIT), Sätteri 1.5 ms.
  const warmup = articles.slice(0, WARMUP_ARTICLES);
  await renderAll(markdownConfig.processor, warmup);
  await renderAll(remarkMarkdownConfig.processor, warmup);
  const satteri = await renderAll(markdownConfig.processor, articles);
  const unified = await renderAll(remarkMarkdownConfig.processor, articles);
  const differing = articles.filter((_, index) => satteri.html[index]?.trimEnd() !== unified.html[index]?.trimEnd());
  return {
    articles: articles.length,
    satteriMs: satteri.ms,
    unifiedMs: unified.ms,
    identicalHtml: articles.length - differing.length,
    ...(differing[0] ? { firstDifference: differing[0].file } : {}),
  };
}
