import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { browserForFile, type FileBrowser } from './chromium.ts';
import { startTestPortal, temporaryDataDir, type TestPortal } from './local-portal.ts';

export interface FixtureSite {
  /** The built site, from the given content. */
  siteDir: string;
  /** The portal serving it, its API reading the same content. */
  portal: TestPortal;
  browser: FileBrowser;
  stop(): Promise<void>;
}

/**
 * The site built from another content folder than content/ (a fixture), into a folder of its own, served by a
 * portal of its own whose API reads the same content, with a browser to look at it. `buildTime` builds it as of
 * that moment (which notices are current).
 */
export async function startFixtureSite(contentDir: string, options: { buildTime?: string } = {}): Promise<FixtureSite> {
  const work = mkdtempSync(join(tmpdir(), 'serviceportal-site-'));
  const siteDir = join(work, 'dist');
  const data = temporaryDataDir();
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    SERVICEPORTAL_CONTENT_DIR: contentDir,
    SERVICEPORTAL_CACHE_DIR: join(work, 'cache'),
    ...(options.buildTime ? { SERVICEPORTAL_BUILD_TIME: options.buildTime } : {}),
  };
  await promisify(execFile)(process.execPath, [join(REPOSITORY_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', 'site', '--outDir', siteDir, '--silent'], { cwd: REPOSITORY_ROOT, env });
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
