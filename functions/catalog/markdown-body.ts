import type { Nodes, Parents } from 'mdast';
import { markdownToMdast } from 'satteri';
import { BOX_NAMES, CONTENT_BLOCKS, isBoxName, isContentBlock, MARKDOWN_FEATURES } from './markdown-syntax.ts';
import type { ContentProblem } from './problems.ts';

const orList = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} eller ${items.at(-1)}`);
const BOXES = orList(BOX_NAMES.map((name) => `:::${name}`));
const BLOCKS = orList(CONTENT_BLOCKS.map((name) => `::${name}`));
/** The line that ends a box: only colons, maybe inside a quote or a list item. */
const CLOSING_FENCE = /^[\s>]*:{3,}\s*$/;

/**
 * What the Markdown of an article or notice says that the page would show wrong: a box name the site does not draw
 * (the page shows «:::tips» as text), a box never closed (the rest of the text lands in it), a `:::` that closes
 * nothing, a part name it cannot fill in, headings that skip a level (the page's outline, read aloud by screen
 * readers, has a hole), links with no text or no address, and images with no text for those who cannot see them.
 * Read with the site's own parser and settings (markdown-syntax.ts), so what is checked is what is rendered.
 * `firstLine` is the line in the file where the body starts.
 */
export function markdownBodyProblems(file: string, body: string, firstLine: number): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const lines = body.split('\n');
  const report = (node: Nodes, field: string, message: string) =>
    problems.push({ file, line: firstLine - 1 + (node.position?.start.line ?? 1), field, message });
  // The page's title is the one <h1>; the text's own headings start at ##.
  let previousDepth = 1;

  const visit = (node: Nodes, parent: Parents | undefined) => {
    switch (node.type) {
      case 'containerDirective': {
        if (!isBoxName(node.name)) report(node, 'boks', `«:::${node.name}» er ikke en boks nettstedet kjenner, og vises som tekst: bruk ${BOXES}`);
        if (!isClosed(node, lines))
          report(node, 'boks', `«:::${node.name}» lukkes aldri, så resten av teksten havner i boksen: skriv ::: på en egen linje der boksen skal slutte`);
        break;
      }
      case 'leafDirective':
        if (!isContentBlock(node.name))
          report(node, 'del', `«::${node.name}» er ikke en del nettstedet kan sette inn, og vises som tekst: bruk ${BLOCKS} på en egen linje`);
        break;
      case 'heading':
        if (node.depth > previousDepth + 1) {
          const expected = '#'.repeat(previousDepth + 1);
          const after = previousDepth === 1 ? 'tittelen' : `en ${'#'.repeat(previousDepth)}-overskrift`;
          report(node, 'overskrift', `«${'#'.repeat(node.depth)} ${plainText(node)}» hopper over et nivå: etter ${after} kommer ${expected}`);
        }
        previousDepth = node.depth;
        break;
      case 'link': {
        const text = plainText(node);
        const url = node.url.trim();
        if (text === '' && url === '')
          report(node, 'lenke', 'en tom lenke «[]()»: skriv teksten mellom [ og ] og adressen mellom ( og ), for eksempel [Meld feil](/meld-feil/)');
        else if (url === '') report(node, 'lenke', `lenken «${text}» har ingen adresse: skriv den mellom ( og ), for eksempel [${text}](/kontakt/)`);
        else if (text === '')
          report(node, 'lenke', `lenken til «${url}» har ingen tekst: skriv hva den går til mellom [ og ], for eksempel [Meld feil](/meld-feil/)`);
        break;
      }
      case 'image':
      case 'imageReference':
        if ((node.alt ?? '').trim() === '') {
          const example = node.type === 'image' ? `![Kontrollpanelet med rødt varsellys](${node.url})` : '![Kontrollpanelet med rødt varsellys][bilde]';
          report(
            node,
            'bilde',
            `bildet${node.type === 'image' ? ` «${node.url}»` : ''} mangler tekst for dem som ikke ser det: skriv hva bildet viser mellom [ og ], for eksempel ${example}`,
          );
        }
        break;
      case 'text':
        if (parent?.type === 'paragraph' && node.value.split('\n').some((line) => CLOSING_FENCE.test(line))) {
          report(node, 'boks', '«:::» lukker ingen boks, og vises som tekst: fjern linjen, eller start boksen over med for eksempel :::info');
        }
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes, node);
  };
  visit(markdownToMdast(body, { features: MARKDOWN_FEATURES }) as Nodes, undefined);
  return problems;
}

/**
 * A box is closed when its last line is a `:::` line that is its own: a box inside it that ends on the same line
 * took that line, since one `:::` closes one box.
 */
function isClosed(node: Extract<Nodes, { type: 'containerDirective' }>, lines: readonly string[]): boolean {
  const end = node.position?.end.line;
  if (end === undefined || !CLOSING_FENCE.test(lines[end - 1] ?? '')) return false;
  return !node.children.some((child) => child.type === 'containerDirective' && child.position?.end.line === end);
}

/** The words a reader sees in a node: text, code and images' alt text. */
function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  return 'children' in node
    ? node.children
        .map((child) => plainText(child as Nodes))
        .join('')
        .trim()
    : '';
}
