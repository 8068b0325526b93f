import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentError } from '../../functions/catalog/problems.ts';
import { contentCheck } from '../../site/content-check.ts';
import { contentWith } from '../support/content-copy.ts';

const copies: { remove(): void }[] = [];
afterEach(() => copies.splice(0).forEach((copy) => copy.remove()));

/** Runs the integration's setup hook as Astro would, for `astro build` or `astro dev`. */
function setup(fixture: string, command: 'build' | 'dev') {
  const copy = contentWith(fixture);
  copies.push(copy);
  const logger = { error: vi.fn() };
  const hook = contentCheck(copy.dir).hooks['astro:config:setup'] as unknown as (options: { command: string; logger: typeof logger }) => void;
  return { run: () => hook({ command, logger }), logger };
}

describe('the content check in the Astro build', () => {
  it('stops the build on a broken internal link, naming file and line', () => {
    const { run } = setup('broken-link', 'build');

    expect(run).toThrow(ContentError);
    expect(run).toThrow(/content\/articles\/brutt-lenke\.md:9 lenke — «\/artikler\/finnes-ikke\/» finnes ikke/);
  });

  it('keeps the dev server running and prints the problem instead', () => {
    const { run, logger } = setup('missing-title', 'dev');

    run();

    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('content/articles/uten-tittel.md:2 title — mangler: skriv en tittel'));
  });
});
