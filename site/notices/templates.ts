import type { NoticesDocument } from '../../functions/core/notices-document.ts';
import type { ContentProblem } from '../../functions/catalog/problems.ts';
import { escapeHtml } from '../../functions/core/html.ts';
import type { NoticePageParts } from './render.ts';

/**
 * The pages of driftsmeldinger as the site builds them for filling in (like src/pages/meld-feil/mal/ for the API):
 * the page with its header, footer, styles and scripts, and a placeholder for its title, its description and its
 * contents. scripts/publish-notices.ts fills them with site/notices/render.ts, so a notice published between two
 * builds gets the same page the next build gives it. Never linked, never indexed.
 */
export const NOTICE_TEMPLATE_PATHS = {
  /** A notice's own page (core/notice-paths.ts noticePath). */
  notice: '/driftsmeldinger/mal/melding/',
  /** The notices page and the archive. */
  list: '/driftsmeldinger/mal/liste/',
} as const;
export type NoticeTemplateName = keyof typeof NOTICE_TEMPLATE_PATHS;

/** The placeholders, as the templates carry them. */
export const NOTICE_SLOTS = {
  title: '{{tittel}}',
  description: '{{beskrivelse}}',
  /** HTML: the page's contents, from the renderer. */
  body: '{{innhold}}',
} as const;

/**
 * What makes a template a template, left out of the page filled from it: a built notice page is indexed, its
 * template is not (src/layouts/Page.astro `noindex`).
 */
export const TEMPLATE_ONLY = '<meta name="robots" content="noindex">';

/**
 * Names a notice cannot have: its page would be one of these addresses under /driftsmeldinger/. A notice's name is
 * its file name in content/notices.
 */
export const RESERVED_NOTICE_IDS = ['arkiv', 'mal', 'abonner'] as const;

export function reservedNoticeIdProblem(id: string): ContentProblem | undefined {
  if (!(RESERVED_NOTICE_IDS as readonly string[]).includes(id)) return undefined;
  return {
    file: `content/notices/${id}.md`,
    line: 1,
    field: '',
    message: `«${id}» er en adresse nettstedet bruker selv (/driftsmeldinger/${id}/): gi filen et annet navn`,
  };
}

const SLOT_PATTERN = /\{\{(?:tittel|beskrivelse|innhold)\}\}/g;

/**
 * A template with its placeholders filled in one pass (a value is never read as a placeholder or a replacement
 * pattern): the title and description escaped, the contents as they are (the renderer escaped them).
 */
export function fillNoticeTemplate(template: string, parts: NoticePageParts): string {
  const at = template.indexOf(TEMPLATE_ONLY);
  if (at === -1 || template.indexOf(TEMPLATE_ONLY, at + 1) !== -1) {
    throw new Error(`Malen for driftsmeldinger skal ha ${TEMPLATE_ONLY} nøyaktig én gang; bygg nettstedet på nytt (npm run build).`);
  }
  for (const slot of Object.values(NOTICE_SLOTS)) {
    if (!template.includes(slot)) throw new Error(`Malen for driftsmeldinger mangler ${slot}; bygg nettstedet på nytt (npm run build).`);
  }
  const values: Record<string, string> = {
    [NOTICE_SLOTS.title]: escapeHtml(parts.title),
    [NOTICE_SLOTS.description]: escapeHtml(parts.description),
    [NOTICE_SLOTS.body]: parts.body,
  };
  const page = template.slice(0, at) + template.slice(at + TEMPLATE_ONLY.length);
  return page.replace(SLOT_PATTERN, (slot) => values[slot] ?? slot);
}

/** /driftsmeldinger/meldinger.json as the build and the publishing script write it: compact, read on every page load. */
export function noticesDocumentJson(document: NoticesDocument): string {
  return JSON.stringify(document);
}
