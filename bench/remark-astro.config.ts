import siteConfig from '../site/astro.config.ts';
import { remarkMarkdownConfig } from './remark-markdown.ts';

/**
 * site/astro.config.ts with remark/rehype instead of Sätteri, for `astro build --root site --config <this file>`
 * in bench/builds.ts: everything else (integrations, pages, content check) is the site's own.
 */
export default { ...siteConfig, markdown: remarkMarkdownConfig };
