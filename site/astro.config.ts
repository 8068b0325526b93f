import { defineConfig } from 'astro/config';
import { contentCheck } from './content-check.ts';

/**
 * The static site. Run with `--root site` (the npm scripts do): content comes from ../content through the
 * collections in src/content.config.ts, the build goes to site/dist, which CloudFront serves from S3.
 */
export default defineConfig({
  site: 'http://localhost:4321',
  outDir: './dist',
  cacheDir: '../node_modules/.astro',
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // The Content-Security-Policy allows no inline styles or scripts: keep every asset in its own file.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  integrations: [contentCheck()],
  vite: {
    build: { assetsInlineLimit: 0 },
    server: { watch: { ignored: ['**/.data/**', '**/cdk.out/**', '**/site/dist/**'] } },
  },
});
