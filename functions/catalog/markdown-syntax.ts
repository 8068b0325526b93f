/**
 * What an editor may write in the Markdown of articles and notices beyond plain Markdown: one list, read by the site
 * when it renders (site/markdown/) and by `npm run check:content` when it checks, so a name the check accepts is one
 * the page draws.
 */

/** The parser's features: GFM tables and lists, `:::` directives; no curly quotes. */
export const MARKDOWN_FEATURES = { gfm: true, directive: true, smartPunctuation: false } as const;

/** `:::info`, `:::warning`, `:::urgent` … `:::`: the boxes (site/markdown/callouts.ts draws them). */
export const BOX_NAMES = ['info', 'warning', 'urgent'] as const;
export type BoxName = (typeof BOX_NAMES)[number];

/** `::prioriteter` and `::sjekkliste` on a line of their own: parts made from other content (site/markdown/blocks.ts). */
export const CONTENT_BLOCKS = ['prioriteter', 'sjekkliste'] as const;
export type ContentBlock = (typeof CONTENT_BLOCKS)[number];

export const isBoxName = (name: string): name is BoxName => (BOX_NAMES as readonly string[]).includes(name);
export const isContentBlock = (name: string): name is ContentBlock => (CONTENT_BLOCKS as readonly string[]).includes(name);
