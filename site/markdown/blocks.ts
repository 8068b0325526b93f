/**
 * Parts of an article made from other content, which an editor places on a line of their own: `::prioriteter`
 * (the priority tables from content/priority.yaml) and `::sjekkliste` (what the form asks, from content/form.yaml
 * and content/services/). The Markdown leaves a marker; the article page puts the part there, built fresh on every
 * build, so it always says what the rules and the form say now.
 */
export const CONTENT_BLOCKS = ['prioriteter', 'sjekkliste'] as const;
export type ContentBlock = (typeof CONTENT_BLOCKS)[number];

export const isContentBlock = (name: string): name is ContentBlock => (CONTENT_BLOCKS as readonly string[]).includes(name);

/** The marker as the Markdown renders it (an empty div, maybe with a line break inside). */
export const blockMarker = (name: ContentBlock) => new RegExp(`<div data-block="${name}">\\s*</div>`);
