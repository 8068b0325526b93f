import { satteri } from '@astrojs/markdown-satteri';
import { calloutsPlugin } from './callouts.ts';
import { designsystemPlugin, externalLinksPlugin, headingAnchorsPlugin, sanitizePlugin } from './html-plugins.ts';

export const markdownFeatures = { gfm: true, directive: true, smartPunctuation: false } as const;
export const mdastPlugins = [calloutsPlugin];
export const hastPlugins = [sanitizePlugin, headingAnchorsPlugin, externalLinksPlugin, designsystemPlugin];

/** Articles and notices: GFM tables, callouts, heading anchors, marked external links, no raw HTML. */
export const markdownConfig = {
  // Shiki writes style="" attributes, which the Content-Security-Policy forbids.
  syntaxHighlight: false,
  processor: satteri({ features: markdownFeatures, mdastPlugins, hastPlugins }),
} as const;
