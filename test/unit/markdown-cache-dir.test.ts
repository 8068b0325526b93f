import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { markdownCacheDir } from '../../site/markdown/cache-dir.ts';

describe("Astro's cache folder follows the Markdown pipeline's source", () => {
  let sources: string;
  afterEach(() => rmSync(sources, { recursive: true, force: true }));

  it('stays the same while the plugins do, and changes with any of them', () => {
    sources = mkdtempSync(join(tmpdir(), 'serviceportal-markdown-'));
    writeFileSync(join(sources, 'html-plugins.ts'), 'export const a = 1;');
    writeFileSync(join(sources, 'pipeline.ts'), 'export const b = 1;');
    const before = markdownCacheDir('cache', sources);

    const again = markdownCacheDir('cache', sources);
    writeFileSync(join(sources, 'html-plugins.ts'), 'export const a = 2;');
    const after = markdownCacheDir('cache', sources);

    expect(again).toBe(before);
    expect(after).not.toBe(before);
    expect(before).toMatch(/^cache\/markdown-[0-9a-f]{12}$/);
  });
});
