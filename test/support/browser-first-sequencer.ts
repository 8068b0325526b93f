import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Browser and accessibility tests: few lines of test, minutes of Chromium. */
const BROWSER_TESTS = /\/test\/(a11y|e2e)\//;

/**
 * Vitest starts the files it has timings for longest first; on a clean clone it has none and starts the largest
 * files first, which put the browser tests, short files that run longest, at the end, with one worker idle while
 * the other finished them. Browser tests go first; within each kind, Vitest's own order stands.
 */
export class BrowserFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isBrowserTest = (file: TestSpecification) => BROWSER_TESTS.test(file.moduleId);
    return [...sorted.filter(isBrowserTest), ...sorted.filter((file) => !isBrowserTest(file))];
  }
}
