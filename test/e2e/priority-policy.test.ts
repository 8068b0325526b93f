import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentWith } from '../support/content-copy.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { storedItem } from '../support/local-portal.ts';
import { receiptReference, TYPICAL, walkToReview } from './wizard-driver.ts';

/**
 * The priority policy is content: change content/priority.yaml (here a fixture that renames P3 «Moderat» and makes
 * one user with a workaround P3 instead of P4) and the article's tables, the wizard's suggestion and the priority
 * the API stores all change with it, because all three read that one file.
 */

const content = contentWith('priority-changed');
let site: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite(content.dir);
}, 180_000);

afterAll(async () => {
  await site?.stop();
  content.remove();
});

describe('a changed content/priority.yaml', () => {
  it('changes the tables in «Prioritet og alvorlighetsgrad»', () => {
    // Without the soft hyphens the build puts in long words of table cells (site/hyphenation.ts).
    const html = readFileSync(join(site.siteDir, 'artikler', 'prioritet-og-alvorlighetsgrad', 'index.html'), 'utf8').replaceAll('\u00ad', '');
    const oneUserRow = /<th scope="row" role="rowheader">Én bruker eller én operatørplass<\/th>((?:<td [^>]*>P\d<\/td>)+)/.exec(html)?.[1];

    expect(html).toContain('P3 moderat');
    expect(html).toContain('Testdata – en annen betydning for P3');
    expect(html).not.toContain('P3 middels');
    expect(oneUserRow?.match(/P\d/g)).toEqual(['P2', 'P3', 'P3']);
  });

  it('changes the wizard’s suggestion and the priority the API stores', async () => {
    const page = await (await site.browser.newContext()).newPage();
    await page.goto(`${site.portal.url}/meld-feil/iccs/`);

    await walkToReview(page, TYPICAL.iccs);
    const suggestion = await page.locator('[data-priority-suggestion]').textContent();
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.waitForURL('**/meld-feil/kvittering/');
    const reference = await receiptReference(page);

    expect(suggestion).toContain('Foreslått prioritet: P3 moderat');
    expect((await storedItem(site.portal.stack, reference))?.priority).toBe('P3');
    await page.context().close();
  }, 120_000);
});
