import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkContent } from '../../functions/catalog/check-content.ts';
import { problemReport } from '../../functions/catalog/problems.ts';
import { withContentErrorsPrinted } from '../../site/build-stop.ts';
import { contentCheck } from '../../site/content-check.ts';
import { buildSite } from '../support/astro-site.ts';
import { contentWith } from '../support/content-copy.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function content(fixture: string) {
  const copy = contentWith(fixture);
  cleanups.push(copy.remove);
  return copy.dir;
}

describe('a build of content with mistakes', () => {
  it('prints the Norwegian problem lines alone, no Astro wrapper or stack trace, and exits with 1', async () => {
    const dir = content('unknown-box');
    const work = mkdtempSync(join(tmpdir(), 'serviceportal-build-stop-'));
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));

    const failure = await buildSite(dir, { outDir: join(work, 'dist'), cacheDir: join(work, 'cache'), silent: false }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stdout: string; stderr: string },
    );

    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toBe(`${problemReport(checkContent(dir).problems)}\n`);
    expect(failure?.stderr).toContain('content/articles/ukjent-boks.md:11 boks — «:::advarsel»');
    expect(failure?.stdout).toBe('');
  }, 120_000);
});

describe('withContentErrorsPrinted', () => {
  type SetupHook = (options: { command: string; logger: { error(message: string): void } }) => Promise<unknown>;
  const setupOf = (integration: ReturnType<typeof contentCheck>) => integration.hooks['astro:config:setup'] as unknown as SetupHook;

  it('hands the report of a ContentError to stop instead of throwing it at Astro', async () => {
    const dir = content('broken-link');
    const stop = vi.fn();

    await setupOf(withContentErrorsPrinted(contentCheck(dir), stop))({ command: 'build', logger: { error: vi.fn() } });

    expect(stop).toHaveBeenCalledWith(problemReport(checkContent(dir).problems));
  });

  it('lets any other error through to Astro, which knows how to show a bug', async () => {
    const bug = new TypeError('a bug, not content');
    const failing = {
      name: 'failing',
      hooks: {
        'astro:config:setup': () => {
          throw bug;
        },
      },
    };
    const stop = vi.fn();

    await expect(setupOf(withContentErrorsPrinted(failing, stop))({ command: 'build', logger: { error: vi.fn() } })).rejects.toBe(bug);
    expect(stop).not.toHaveBeenCalled();
  });
});
