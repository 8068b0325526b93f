import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../core/html.ts';
import { PAGE_TEMPLATE_PATHS } from '../core/page-paths.ts';

/**
 * Pages the API answers a browser without JavaScript with. The site builds them (site/src/pages/meld-feil/mal/)
 * with the site's layout, styles and words, and with a placeholder where each value goes; the API fills in the
 * values. A deployed function carries a copy in its bundle (infra/aws/portal-function.ts); locally it reads the
 * built site. Without them (the site not built) it answers with a plain page, so nothing is lost.
 */

export type TemplateName = keyof typeof PAGE_TEMPLATE_PATHS;

/** The placeholders, as the site writes them into the pages. */
export const SLOTS = {
  reference: '{{referanse}}',
  /** The address of this same page, for the reporter to keep: it shows where the report is. */
  statusLink: '{{lenke}}',
  service: '{{tjeneste}}',
  received: '{{mottatt}}',
  state: '{{hvor}}',
  priority: '{{prioritet}}',
  meaning: '{{betyr}}',
  response: '{{svar}}',
  /** HTML: the error summary's list of problems. */
  problems: '{{feil}}',
} as const;
export type Slot = keyof typeof SLOTS;

export type PageTemplates = Partial<Record<TemplateName, string>>;

export function loadPageTemplates(pagesDir: string): PageTemplates {
  const templates: PageTemplates = {};
  for (const [name, path] of Object.entries(PAGE_TEMPLATE_PATHS) as [TemplateName, string][]) {
    try {
      templates[name] = readFileSync(join(pagesDir, ...path.split('/').filter(Boolean), 'index.html'), 'utf8');
    } catch {
      // Left out: fillPage's caller falls back to a plain page.
    }
  }
  return templates;
}

/** The page with every placeholder replaced: text escaped, `html` values (already escaped by the caller) as they are. */
export function fillPage(template: string, text: Partial<Record<Slot, string>>, html: Partial<Record<Slot, string>> = {}): string {
  let page = template;
  for (const slot of Object.keys(SLOTS) as Slot[]) {
    const value = html[slot] ?? (text[slot] === undefined ? undefined : escapeHtml(text[slot]));
    if (value !== undefined) page = page.replaceAll(SLOTS[slot], value);
  }
  return page;
}
