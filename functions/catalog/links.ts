import type { ContentProblem } from './problems.ts';
import { siteServesFile } from './site-files.ts';
import { pagePath } from './site-routes.ts';

export interface MarkdownLink {
  href: string;
  line: number;
  /** `![text](href)`, or a reference definition an image uses: the address must be a file, not a page. */
  image: boolean;
}

const INLINE_LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/;
/** `![text][label]`, `![label][]` and `![label]`: an image whose address is in a reference definition. */
const IMAGE_REFERENCE = /!\[([^\]]*)\](?:\[([^\]]*)\])?(?!\()/g;

/** Every link and image target in a markdown body, with its line in the file (`firstLine` is where the body starts). */
export function linksIn(body: string, firstLine: number): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  const definitions: { label: string; link: MarkdownLink }[] = [];
  const imageLabels = new Set<string>();
  let inCode = false;
  body.split('\n').forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) inCode = !inCode;
    // Every link form has a ]: most lines have none, and the checks below are what a large site spends its time on.
    if (inCode || !text.includes(']')) return;
    const line = firstLine + index;
    const definition = REFERENCE_DEFINITION.exec(text);
    if (definition?.[1] && definition[2]) {
      const link = { href: definition[2], line, image: false };
      definitions.push({ label: referenceLabel(definition[1]), link });
      links.push(link);
    }
    const prose = text.replaceAll(/`[^`]*`/g, '');
    for (const match of prose.matchAll(INLINE_LINK)) if (match[1]) links.push({ href: match[1], line, image: isImageText(prose, match.index) });
    for (const match of prose.matchAll(IMAGE_REFERENCE)) imageLabels.add(referenceLabel(match[2] || match[1] || ''));
  });
  // A definition may come before or after the images that use it, so it is marked once the whole body is read.
  for (const { label, link } of definitions) link.image = imageLabels.has(label);
  return links;
}

/** Markdown matches reference labels without regard to case or runs of spaces. */
const referenceLabel = (label: string) => label.trim().replaceAll(/\s+/g, ' ').toLowerCase();

/** Whether the `]` at `close` ends an image's text: its matching `[` (brackets nest, as in a linked image) follows a `!`. */
function isImageText(text: string, close: number): boolean {
  let depth = 0;
  for (let at = close - 1; at >= 0; at -= 1) {
    if (text[at] === ']') depth += 1;
    else if (text[at] === '[' && depth > 0) depth -= 1;
    else if (text[at] === '[') return text[at - 1] === '!';
  }
  return false;
}

/**
 * Internal links must point at a page the site publishes, or a file it serves. `drafts` are articles that exist but
 * are not published, so a link to one gets its own explanation. Images on the site are files in site/public
 * (`servesFile`, which tests replace).
 */
export function checkLinks(
  file: string,
  links: readonly MarkdownLink[],
  routes: ReadonlySet<string>,
  drafts: ReadonlySet<string>,
  servesFile: (path: string) => boolean = siteServesFile,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const link of links) {
    if (link.image) {
      const message = imageProblem(link.href, servesFile);
      if (message) problems.push({ file, line: link.line, field: 'bilde', message });
      continue;
    }
    const { href, line } = link;
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('//')) continue;
    if (!href.startsWith('/')) {
      problems.push({ file, line, field: 'lenke', message: `«${href}» må starte med / (for eksempel /artikler/flytte-kontrollrom/) eller https://` });
      continue;
    }
    const path = pagePath(href);
    if (routes.has(path) || servesFile(addressPath(href))) continue;
    const message = drafts.has(path)
      ? `«${href}» peker på et utkast (draft: true), som ikke publiseres`
      : `«${href}» finnes ikke på nettstedet: sjekk stavemåten, eller lenk til en side som finnes`;
    problems.push({ file, line, field: 'lenke', message });
  }
  return problems;
}

const IMAGE_EXAMPLE = '/bilder/kontrollpanel.png';

/** What is wrong with an image's address, if anything: one on the site itself must be a file in site/public. */
function imageProblem(href: string, servesFile: (path: string) => boolean): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined;
  if (!href.startsWith('/')) return `bildet «${href}» må ha en adresse som starter med /, for eksempel ${IMAGE_EXAMPLE} for filen site/public${IMAGE_EXAMPLE}`;
  const path = addressPath(href);
  if (servesFile(path)) return undefined;
  return `bildet «${href}» finnes ikke: legg filen i site/public${path}, eller rett adressen`;
}

/** `/bilder/kart.png?v=2#topp` is the file `/bilder/kart.png`. */
const addressPath = (href: string) => href.split(/[?#]/)[0] ?? '';
