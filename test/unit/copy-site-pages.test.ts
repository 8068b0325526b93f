import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySitePagesCommand } from '../../infra/aws/copy-site-pages.ts';
import { PAGE_TEMPLATE_PATHS } from '../../functions/core/page-paths.ts';

const work = mkdtempSync(join(tmpdir(), "serviceportal-pages-'quoted' "));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pageFile = (root: string, path: string) => join(root, ...path.split('/').filter(Boolean), 'index.html');

/** A built site with every page the API fills in, each saying which it is. */
function builtSite(name: string): string {
  const site = join(work, name);
  for (const path of Object.values(PAGE_TEMPLATE_PATHS)) {
    mkdirSync(join(pageFile(site, path), '..'), { recursive: true });
    writeFileSync(pageFile(site, path), `<!doctype html><title>${path}</title>`);
  }
  return site;
}

describe('the bundling command that copies the site’s pages into a function’s bundle', () => {
  it('copies every page the API fills in, as built, to the same path under the bundle’s pages', () => {
    const site = builtSite('site');
    const target = join(work, 'bundle', 'pages');

    execFileSync('bash', ['-c', copySitePagesCommand(site, target)]);

    for (const path of Object.values(PAGE_TEMPLATE_PATHS)) expect(readFileSync(pageFile(target, path), 'utf8')).toBe(`<!doctype html><title>${path}</title>`);
  });

  it('stops the bundling when the site is not built, naming the page and saying what to do', () => {
    const site = builtSite('half-built');
    rmSync(pageFile(site, PAGE_TEMPLATE_PATHS.deskAction));

    const run = spawnSync('bash', ['-c', copySitePagesCommand(site, join(work, 'other-bundle'))], { encoding: 'utf8' });

    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${pageFile(site, PAGE_TEMPLATE_PATHS.deskAction)} mangler: bygg nettstedet først (npm run build), så funksjonene får sidene de fyller ut.\n`,
    );
  });
});
