import { satteri } from '@astrojs/markdown-satteri';
import { MARKDOWN_FEATURES } from '../../functions/catalog/markdown-syntax.ts';
import { calloutsPlugin } from './callouts.ts';
import { designsystemPlugin, externalLinksPlugin, headingAnchorsPlugin, sanitizePlugin } from './html-plugins.ts';

/** The same parser settings `npm run check:content` reads the Markdown with. */
export const markdownFeatures = MARKDOWN_FEATURES;
export const mdastPlugins = [calloutsPlugin];
export const hastPlugins = [sanitizePlugin, headingAnchorsPlugin, externalLinksPlugin, designsystemPlugin];

/** Articles and notices: GFM tables, callouts, heading anchors, marked external links, no raw HTML. */
export const markdownConfig = {
  // Shiki writes style="" attributes, which the Content-Security-Policy forbids.
  syntaxHighlight: false,
  processor: satteri({ features: markdownFeatures, mdastPlugins, hastPlugins }),
} as const;
