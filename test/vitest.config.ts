import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ['test/**/*.test.ts'],
    // Integration and browser tests start real servers (dynalite, the SES emulator, Chromium) on free ports.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for a state (a page's text after its script ran, a search that answered). Vitest's default
    // gives up after 1 s, which a busy machine exceeds; the test's own timeout is the limit that means something.
    expect: { poll: { timeout: 20_000, interval: 50 } },
    pool: 'forks',
    // Handler logs are structured JSON for CloudWatch; show them only where a test failed.
    silent: 'passed-only',
    // Powertools then logs through the global console, which Vitest captures, instead of straight to stdout.
    env: { POWERTOOLS_DEV: 'true' },
  },
});
