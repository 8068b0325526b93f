import { defineConfig } from 'astro/config';
import { withContentErrorsPrinted } from './build-stop.ts';
import { contentCheck } from './content-check.ts';
import { selfHostedFont } from './fonts.ts';
import { headingHyphenation } from './hyphenation.ts';
import { markdownCacheDir } from './markdown/cache-dir.ts';
import { markdownConfig } from './markdown/pipeline.ts';
import { CONTENT_DIR } from './content-dir.ts';
import { siteUrlFromEnvironment } from './site-url.ts';

/**
 * The static site. Run with `--root site` (the npm scripts do): content comes from ../content through the
 * collections in src/content.config.ts, the build goes to site/dist, which CloudFront serves from S3.
 */
export default defineConfig({
  // SITE_URL or the environment's domain in cdk.json (site-url.ts): the feeds link with it.
  site: siteUrlFromEnvironment(),
  outDir: './dist',
  cacheDir: markdownCacheDir(process.env.SERVICEPORTAL_CACHE_DIR ?? '../node_modules/.astro'),
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // The Content-Security-Policy allows no inline styles or scripts: keep every asset in its own file.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  integrations: [withContentErrorsPrinted(contentCheck(CONTENT_DIR)), selfHostedFont(), headingHyphenation()],
  markdown: markdownConfig,
  vite: {
    build: { assetsInlineLimit: 0 },
    server: { watch: { ignored: ['**/.data/**', '**/cdk.out/**', '**/site/dist/**'] } },
  },
});
