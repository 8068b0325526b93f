import type { ContentProblem } from './problems.ts';
import { pagePath } from './site-routes.ts';

export interface MarkdownLink {
  href: string;
  line: number;
}

const INLINE_LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/;

/** Every link target in a markdown body, with its line in the file (`firstLine` is where the body starts). */
export function linksIn(body: string, firstLine: number): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  let inCode = false;
  body.split('\n').forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) inCode = !inCode;
    // Every link form has a ]: most lines have none, and the checks below are what a large site spends its time on.
    if (inCode || !text.includes(']')) return;
    const line = firstLine + index;
    const definition = REFERENCE_DEFINITION.exec(text);
    if (definition?.[1]) links.push({ href: definition[1], line });
    for (const match of text.replaceAll(/`[^`]*`/g, '').matchAll(INLINE_LINK)) if (match[1]) links.push({ href: match[1], line });
  });
  return links;
}

/**
 * Internal links must point at a page the site publishes. `drafts` are articles that exist but are not published,
 * so a link to one gets its own explanation.
 */
export function checkLinks(file: string, links: readonly MarkdownLink[], routes: ReadonlySet<string>, drafts: ReadonlySet<string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { href, line } of links) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('//')) continue;
    if (!href.startsWith('/')) {
      problems.push({ file, line, field: 'lenke', message: `«${href}» må starte med / (for eksempel /artikler/flytte-kontrollrom/) eller https://` });
      continue;
    }
    const path = pagePath(href);
    if (routes.has(path)) continue;
    const message = drafts.has(path)
      ? `«${href}» peker på et utkast (draft: true), som ikke publiseres`
      : `«${href}» finnes ikke på nettstedet: sjekk stavemåten, eller lenk til en side som finnes`;
    problems.push({ file, line, field: 'lenke', message });
  }
  return problems;
}
