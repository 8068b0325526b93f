import type { ContentBlock } from '../../functions/catalog/markdown-syntax.ts';

/**
 * Parts of an article made from other content, which an editor places on a line of their own: `::prioriteter`
 * (the priority tables from content/priority.yaml) and `::sjekkliste` (what the form asks, from content/form.yaml
 * and content/services/). The Markdown leaves a marker; the article page puts the part there, built fresh on every
 * build, so it always says what the rules and the form say now. The names are listed once, with the rest of the
 * syntax `npm run check:content` knows (functions/catalog/markdown-syntax.ts).
 */
export { CONTENT_BLOCKS, isContentBlock, type ContentBlock } from '../../functions/catalog/markdown-syntax.ts';

/** The marker as the Markdown renders it (an empty div, maybe with a line break inside). */
export const blockMarker = (name: ContentBlock) => new RegExp(`<div data-block="${name}">\\s*</div>`);
