import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesDocumentSchema } from '../../functions/core/notices-document.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { publishNotices } from '../../site/notices/publish.ts';
import { buildSite } from '../support/astro-site.ts';
import { contentWith } from '../support/content-copy.ts';

/**
 * scripts/publish-notices.ts against a site built from a copy of content/ as of a fixed moment: from the same
 * content it writes the very pages the build wrote; from a changed notice, the change, in minutes rather than a build.
 */

const AT = '2026-11-30T10:00:00+01:00';
const SITE = 'http://localhost:4321';
const run = promisify(execFile);
const content = contentWith();
const work = mkdtempSync(join(tmpdir(), 'serviceportal-publish-'));
const built = join(work, 'built');
const NOTICE = 'notices/redusert-dekning-nodnett-fjellet.md';

beforeAll(async () => {
  await buildSite(content.dir, { outDir: built, cacheDir: join(work, 'cache'), buildTime: AT, environment: { SITE_URL: SITE } });
}, 180_000);

afterAll(() => {
  content.remove();
  rmSync(work, { recursive: true, force: true });
});

const copyOfBuilt = () => {
  const dir = mkdtempSync(join(work, 'site-'));
  cpSync(built, dir, { recursive: true });
  return dir;
};
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('publishing notices between builds', () => {
  it('writes byte for byte the pages the build wrote, from the same content at the same moment', async () => {
    const out = copyOfBuilt();

    const result = await publishNotices({ contentDir: content.dir, outDir: out, now: new Date(AT), siteUrl: SITE });

    const pages = ['/driftsmeldinger/', '/driftsmeldinger/arkiv/', ...result.document.notices.map((notice) => `/driftsmeldinger/${notice.id}/`)];
    expect(result.document.notices.length).toBeGreaterThan(2);
    for (const page of pages) expect(result.unchanged, page).toContain(page);
    expect(result.unchanged).toContain('/driftsmeldinger/meldinger.json');
    expect(result.written).toEqual([]);
    expect(result.removed).toEqual([]);
  });

  it('shows a new update on the notice’s page and in meldinger.json, and says what it wrote', async () => {
    const out = copyOfBuilt();
    const file = join(content.dir, NOTICE);
    const original = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      original.replace('updates:\n', 'updates:\n  - at: 2026-11-30T09:15+01:00\n    text: Ny mast er på plass i Setesdal & dekningen er tilbake.\n'),
    );
    try {
      const { stdout } = await run(process.execPath, ['scripts/publish-notices.ts', '--out', out, '--content', content.dir, '--at', AT, '--site', SITE], {
        cwd: REPOSITORY_ROOT,
      });

      const page = read(out, 'driftsmeldinger/redusert-dekning-nodnett-fjellet/index.html');
      expect(page).toContain(
        'Oppdatering <time datetime="2026-11-30T08:15:00.000Z">30. november kl. 09:15</time></h3><p>Ny mast er på plass i Setesdal &amp; dekningen er tilbake.</p>',
      );
      const document = noticesDocumentSchema.parse(JSON.parse(read(out, 'driftsmeldinger/meldinger.json')));
      expect(document.notices.find((notice) => notice.id === 'redusert-dekning-nodnett-fjellet')?.updates[0]?.text).toBe(
        'Ny mast er på plass i Setesdal & dekningen er tilbake.',
      );
      expect(stdout).toContain('skrev   /driftsmeldinger/redusert-dekning-nodnett-fjellet/');
      expect(stdout).toContain('skrev   /driftsmeldinger/meldinger.json');
      expect(stdout).not.toContain('skrev   /driftsmeldinger/statistikk-forsinket-oktober/');
      expect(stdout).toMatch(/filer skrevet.*\(\d+\.\d s\)/);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('takes a notice away that is no longer published', async () => {
    const out = copyOfBuilt();
    const file = join(content.dir, 'notices/statistikk-forsinket-oktober.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('---\n', '---\ndraft: true\n'));
    try {
      const result = await publishNotices({ contentDir: content.dir, outDir: out, now: new Date(AT), siteUrl: SITE });

      expect(result.removed).toEqual(['/driftsmeldinger/statistikk-forsinket-oktober/']);
      expect(read(out, 'driftsmeldinger/arkiv/index.html')).not.toContain('statistikk-forsinket-oktober');
    } finally {
      writeFileSync(file, original);
    }
  });

  it('stops at a broken notice with its file and line, in Norwegian, and no stack trace', async () => {
    const out = copyOfBuilt();
    const file = join(content.dir, NOTICE);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('severity: disruption', 'severity: storhendelse'));
    try {
      const failed = await run(process.execPath, ['scripts/publish-notices.ts', '--out', out, '--content', content.dir, '--site', SITE], {
        cwd: REPOSITORY_ROOT,
      }).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );

      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toMatch(/^content\/notices\/redusert-dekning-nodnett-fjellet\.md:4 severity — må være en av/m);
      expect(failed?.stderr).not.toMatch(/\n\s+at /);
    } finally {
      writeFileSync(file, original);
    }
  });
});
