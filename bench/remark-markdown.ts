import { unified } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import { hastPlugins, markdownConfig, markdownFeatures, mdastPlugins } from '../site/markdown/pipeline.ts';
import { rehypeSatteriPlugins, remarkSatteriPlugins } from './satteri-in-unified.ts';

/**
 * Our Markdown configuration with Astro's remark/rehype processor (`unified()` from @astrojs/markdown-remark) in
 * place of Sätteri: the same features (GFM, directives, no smart punctuation) and our own plugins, run through
 * satteri-in-unified.ts. Only for measuring; the site builds with Sätteri.
 */
export const remarkMarkdownConfig = {
  ...markdownConfig,
  processor: unified({
    gfm: markdownFeatures.gfm,
    smartypants: markdownFeatures.smartPunctuation,
    remarkPlugins: [...(markdownFeatures.directive ? [remarkDirective] : []), [remarkSatteriPlugins, mdastPlugins]],
    rehypePlugins: [[rehypeSatteriPlugins, hastPlugins]],
  }),
};
