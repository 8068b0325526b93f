import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { buildSite } from './astro-site.ts';
import { browserForFile, type FileBrowser } from './chromium.ts';
import { SITE_DIR, startTestPortal, temporaryDataDir, type TestPortal } from './local-portal.ts';

const REAL_CONTENT_DIR = join(REPOSITORY_ROOT, 'content');

async function builtInto(contentDir: string, work: string, buildTime: string | undefined): Promise<string> {
  const outDir = join(work, 'dist');
  await buildSite(contentDir, { outDir, cacheDir: join(work, 'cache'), ...(buildTime === undefined ? {} : { buildTime }) });
  return outDir;
}

export interface FixtureSite {
  /** The built site, from the given content. */
  siteDir: string;
  /** The portal serving it, its API reading the same content. */
  portal: TestPortal;
  browser: FileBrowser;
  stop(): Promise<void>;
}

/**
 * The site built from a content folder (a fixture) into a folder of its own, served by a portal of its own whose API
 * reads the same content, with a browser to look at it. `buildTime` builds it as of that moment (which notices are
 * current). The site only reads it: a test that publishes into it takes a fixture folder.
 */
export async function startFixtureSite(contentDir: string, options: { buildTime?: string } = {}): Promise<FixtureSite> {
  const work = mkdtempSync(join(tmpdir(), 'serviceportal-site-'));
  const data = temporaryDataDir();
  // content/ as it is, built now, is what `npm run build` made site/dist from before the tests: that build is used.
  const siteDir = contentDir === REAL_CONTENT_DIR && options.buildTime === undefined ? SITE_DIR : await builtInto(contentDir, work, options.buildTime);
  const portal = await startTestPortal(data.path, { siteDir, environment: { CATALOG_DIR: contentDir } });
  const browser = await browserForFile();
  return {
    siteDir,
    portal,
    browser,
    async stop() {
      await browser.close();
      await portal.stop();
      data.remove();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
