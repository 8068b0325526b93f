import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { launchChromium } from '../support/chromium.ts';
import { contentWith } from '../support/content-copy.ts';
import { startTestPortal, storedItem, temporaryDataDir, type TestPortal } from '../support/local-portal.ts';
import { receiptReference, TYPICAL, walkToReview } from './wizard-driver.ts';

/**
 * The priority policy is content: change content/priority.yaml (here a fixture that renames P3 «Moderat» and makes
 * one user with a workaround P3 instead of P4) and the article's tables, the wizard's suggestion and the priority
 * the API stores all change with it, because all three read that one file.
 */

const content = contentWith('priority-changed');
const work = mkdtempSync(join(tmpdir(), 'serviceportal-priority-'));
const siteDir = join(work, 'dist');
const data = temporaryDataDir();
let portal: TestPortal;
let browser: Browser;

beforeAll(async () => {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SERVICEPORTAL_CONTENT_DIR: content.dir, SERVICEPORTAL_CACHE_DIR: join(work, 'cache') };
  await promisify(execFile)(process.execPath, [join(REPOSITORY_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', 'site', '--outDir', siteDir, '--silent'], { cwd: REPOSITORY_ROOT, env });
  portal = await startTestPortal(data.path, { siteDir, environment: { CATALOG_DIR: content.dir } });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  data.remove();
  content.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('a changed content/priority.yaml', () => {
  it('changes the tables in «Prioritet og alvorlighetsgrad»', () => {
    const html = readFileSync(join(siteDir, 'artikler', 'prioritet-og-alvorlighetsgrad', 'index.html'), 'utf8');
    const oneUserRow = /<th scope="row">Én bruker eller én operatørplass<\/th>((?:<td>P\d<\/td>)+)/.exec(html)?.[1];

    expect(html).toContain('P3 moderat');
    expect(html).toContain('Testdata – en annen betydning for P3');
    expect(html).not.toContain('P3 middels');
    expect(oneUserRow).toBe('<td>P2</td><td>P3</td><td>P3</td>');
  });

  it('changes the wizard’s suggestion and the priority the API stores', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${portal.url}/meld-feil/iccs/`);

    await walkToReview(page, TYPICAL.iccs);
    const suggestion = await page.locator('[data-priority-suggestion]').textContent();
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.waitForURL('**/meld-feil/kvittering/');
    const reference = await receiptReference(page);

    expect(suggestion).toContain('Foreslått prioritet: P3 moderat');
    expect((await storedItem(portal.stack, reference))?.priority).toBe('P3');
    await page.context().close();
  }, 120_000);
});
