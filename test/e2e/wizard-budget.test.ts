import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scriptClosure } from '../../bench/page-weight.ts';
import { SERVICE_IDS } from '../../functions/core/service-ids.ts';
import { SITE_DIR } from '../support/local-portal.ts';

/** The wizard's JavaScript budget: at most 20 kB gzipped per wizard page, Pagefind excluded (it loads on demand). */

const BUDGET_BYTES = 20 * 1024;

/** Every script a page loads, as `npm run bench` weighs them: module scripts and their static and dynamic imports. */
function scriptsOf(pagePath: string): string[] {
  const html = readFileSync(join(SITE_DIR, pagePath, 'index.html'), 'utf8');
  return scriptClosure(
    SITE_DIR,
    [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1] as string),
  );
}

const gzippedBytes = (files: readonly string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(join(SITE_DIR, file)), { level: 9 }).length, 0);

describe('JavaScript on the wizard pages', () => {
  it.each([...SERVICE_IDS.map((id) => `meld-feil/${id}`), 'meld-feil/kvittering', 'meld-feil/status'])('%s stays within 20 kB gzipped', (pagePath) => {
    const scripts = scriptsOf(pagePath);

    const bytes = gzippedBytes(scripts);

    console.info(`${pagePath}: ${bytes} B gzip (${scripts.length} filer)`);
    expect(scripts.some((file) => file.includes('pagefind'))).toBe(false);
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('counts the wizard itself, though it is fetched only after the first paint', () => {
    expect(scriptsOf('meld-feil/iccs').some((file) => /\/wizard\.[^/]+\.js$/.test(file))).toBe(true);
  });
});
