import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { type Catalog, loadCatalog } from './load-catalog.ts';
import type { DeskContact } from '../core/desk-contact.ts';
import { checkLinks, linksIn } from './links.ts';
import { markdownBodyProblems } from './markdown-body.ts';
import { readMarkdown } from './markdown-source.ts';
import { noticeSchema, type Notice } from './notice-schema.ts';
import { ContentError, type ContentProblem } from './problems.ts';
import { articleSchema, type ArticleData } from './schema.ts';
import { articlePath, FIXED_ROUTES } from './site-routes.ts';

export interface ContentEntry<T> {
  slug: string;
  file: string;
  data: T;
}

export interface ContentReport {
  problems: ContentProblem[];
  catalog: Catalog | undefined;
  articles: ContentEntry<ArticleData>[];
  notices: ContentEntry<Notice>[];
  contact: DeskContact | undefined;
}

const FILE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*\.md$/;

/**
 * Everything `npm run check:content` and the build check: services, teams, routing and contact data (through
 * loadCatalog), articles and notices against their schemas, their Markdown (boxes, headings, empty links, images'
 * text: markdown-body.ts), then related articles and internal links across files.
 */
export function checkContent(contentDir: string): ContentReport {
  const problems: ContentProblem[] = [];
  let catalog: Catalog | undefined;
  try {
    catalog = loadCatalog(contentDir);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.problems);
  }

  const articleFiles = readMarkdownDir<ArticleData>(contentDir, 'articles', articleSchema, problems);
  const noticeFiles = readMarkdownDir<Notice>(contentDir, 'notices', noticeSchema, problems);

  const published = articleFiles.filter((entry) => entry.data && !entry.data.draft);
  const drafts = new Set(articleFiles.filter((entry) => entry.data?.draft).map((entry) => articlePath(entry.slug)));
  const routes = new Set<string>([...FIXED_ROUTES, ...published.map((entry) => articlePath(entry.slug))]);

  for (const entry of [...articleFiles, ...noticeFiles]) {
    // A draft is checked as it is written (it shows on the dev server), but may link to pages not published yet.
    problems.push(...markdownBodyProblems(entry.file, entry.body, entry.bodyLine));
    if (entry.data?.draft) continue;
    problems.push(...checkLinks(entry.file, linksIn(entry.body, entry.bodyLine), routes, drafts));
  }
  for (const entry of published) {
    entry.data?.related.forEach((slug, index) => {
      if (routes.has(articlePath(slug)) && slug !== entry.slug) return;
      const message =
        slug === entry.slug
          ? 'en artikkel kan ikke vise til seg selv'
          : drafts.has(articlePath(slug))
            ? `«${slug}» er et utkast og publiseres ikke`
            : `det finnes ingen artikkel content/articles/${slug}.md`;
      problems.push({ file: entry.file, line: entry.lineOfRelated(index), field: `related[${index}]`, message });
    });
  }

  const done = <T>(entries: { slug: string; file: string; data: T | undefined }[]): ContentEntry<T>[] =>
    entries.flatMap((entry) => (entry.data === undefined ? [] : [{ slug: entry.slug, file: entry.file, data: entry.data }]));
  return {
    problems: problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
    catalog,
    articles: done<ArticleData>(articleFiles),
    notices: done<Notice>(noticeFiles),
    contact: catalog?.contact,
  };
}

interface MarkdownEntry<T> {
  slug: string;
  file: string;
  data: T | undefined;
  body: string;
  bodyLine: number;
  lineOfRelated: (index: number) => number;
}

function readMarkdownDir<T>(contentDir: string, folder: string, schema: z.ZodType<T>, problems: ContentProblem[]): MarkdownEntry<T>[] {
  const dir = join(contentDir, folder);
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];
  return files.map((name) => {
    const file = `content/${folder}/${name}`;
    if (!FILE_NAME.test(name)) {
      problems.push({
        file,
        line: 1,
        field: '',
        message: 'filnavnet må ha små bokstaver a–z, tall og bindestrek, uten æ, ø, å og mellomrom (for eksempel «bytte-batteri.md»)',
      });
    }
    const read = readMarkdown(join(dir, name), file, schema);
    problems.push(...read.problems);
    return {
      slug: name.replace(/\.md$/, ''),
      file,
      data: read.data,
      body: read.body,
      bodyLine: read.bodyLine,
      lineOfRelated: (index: number) => read.lineOf(['related', index]),
    };
  });
}
