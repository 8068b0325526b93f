import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { readMarkdown } from '../../functions/catalog/markdown-source.ts';
import { noticeSchema } from '../../functions/catalog/notice-schema.ts';
import { NOTICES_DOCUMENT_FORMAT, noticesDocumentSchema, type NoticesDocument } from '../../functions/core/notices-document.ts';
import { ContentError, type ContentProblem } from '../../functions/catalog/problems.ts';
import { hastPlugins, markdownFeatures, mdastPlugins } from '../markdown/pipeline.ts';

export interface NoticesDocumentOptions {
  contentDir: string;
  publishedAt: Date;
  /** `npm run dev` shows drafts; a build for production never does. */
  includeDrafts?: boolean;
}

/**
 * Every notice in `content/notices`, as published (functions/core/notices-document.ts): the pages, the feeds
 * and the publishing script all read this one document, so a notice looks the same wherever it is read. The text
 * goes through the same Sätteri processor and plugins as the site's own markdown. Newest start first.
 */
export async function buildNoticesDocument({ contentDir, publishedAt, includeDrafts = false }: NoticesDocumentOptions): Promise<NoticesDocument> {
  const dir = join(contentDir, 'notices');
  const problems: ContentProblem[] = [];
  const read = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ id: name.slice(0, -3), entry: readMarkdown(join(dir, name), `content/notices/${name}`, noticeSchema) }));
  for (const { entry } of read) problems.push(...entry.problems);
  if (problems.length > 0) throw new ContentError(problems);

  const processor = await createSatteriMarkdownProcessor({ features: markdownFeatures, mdastPlugins, hastPlugins, syntaxHighlight: false });
  const notices = [];
  for (const { id, entry } of read) {
    const data = entry.data!;
    if (data.draft && !includeDrafts) continue;
    const { code: html } = await processor.render(entry.body, { frontmatter: {} });
    notices.push({
      id,
      title: data.title,
      severity: data.severity,
      services: data.services,
      areas: data.areas,
      start: data.start.toISOString(),
      expectedEnd: data.expectedEnd?.toISOString(),
      resolved: data.resolved?.toISOString(),
      updates: [...data.updates].sort((a, b) => b.at.getTime() - a.at.getTime()).map((update) => ({ at: update.at.toISOString(), text: update.text })),
      html,
    });
  }
  notices.sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return noticesDocumentSchema.parse({ format: NOTICES_DOCUMENT_FORMAT, publishedAt: publishedAt.toISOString(), notices });
}
