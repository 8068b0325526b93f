import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { checkContent } from '../../functions/catalog/check-content.ts';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { ContentError, formatProblem, type ContentProblem } from '../../functions/catalog/problems.ts';
import { contentWith } from './content-copy.ts';

/**
 * The problems loading the real content finds with one of its files written as `text` (undefined: the file
 * removed), in a throw-away copy. Call `removeCopies` after the tests.
 */
export function contentProblemsWith(file: string) {
  const copies: { remove(): void }[] = [];
  return {
    problemsWith(text: string | undefined): ContentProblem[] {
      const copy = contentWith();
      copies.push(copy);
      if (text === undefined) rmSync(join(copy.dir, file));
      else writeFileSync(join(copy.dir, file), text);
      try {
        loadCatalog(copy.dir);
      } catch (error) {
        if (error instanceof ContentError) return [...error.problems];
        throw error;
      }
      return [];
    },
    removeCopies: () => copies.forEach((copy) => copy.remove()),
  };
}

/**
 * `check:content`'s lines for the real content with a fixture laid over it (test/fixtures/content/<fixture>), each
 * in a throw-away copy removed after each test.
 */
export function checkedWithFixture(): (fixture: string) => string[] {
  const copies: { remove(): void }[] = [];
  afterEach(() => copies.splice(0).forEach((copy) => copy.remove()));
  return (fixture) => {
    const copy = contentWith(fixture);
    copies.push(copy);
    return checkContent(copy.dir).problems.map(formatProblem);
  };
}
