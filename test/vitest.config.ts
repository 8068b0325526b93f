import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BrowserFirstSequencer } from './support/browser-first-sequencer.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    // Limits that end a hang, not timings: integration and browser tests start real servers (dynalite, the SES
    // emulator, Chromium) and must pass beside another CPU-heavy job on two cores, where a journey typed key by key
    // takes several times as long as on a quiet machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for a state (a page's text after its script ran, a search that answered). Vitest's default
    // gives up after 1 s, which a busy machine exceeds.
    expect: { poll: { timeout: 60_000, interval: 50 } },
    // Vitest leaves one core free by default, which on these 2-core machines runs every file one after another.
    // Most of a browser or integration test is waiting (for Chromium, dynalite, a stream), so two files at once
    // use both cores. Tests wait for states, never for time, so they hold under load.
    maxWorkers: 2,
    // Files reuse a worker and its loaded modules (the AWS SDK, Astro's compiler, Playwright) instead of a fresh
    // process per file; each file still gets its own servers on free ports and its own data, and restore-env.ts
    // hands the next file the environment as it was.
    isolate: false,
    setupFiles: ['test/support/restore-env.ts'],
    sequence: { sequencer: BrowserFirstSequencer },
    unstubGlobals: true,
    // Handler logs are structured JSON for CloudWatch; show them only where a test failed.
    silent: 'passed-only',
    // Powertools then logs through the global console, which Vitest captures, instead of straight to stdout.
    env: { POWERTOOLS_DEV: 'true' },
    projects: [
      // Pure functions and fixture catalogs: the inner loop (`npm run test:unit`), threads are cheapest to start.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], pool: 'threads' } },
      // Real servers and Chromium: processes, so a browser or a server's sockets never share a thread's fate.
      { extends: true, test: { name: 'system', include: ['test/**/*.test.ts'], exclude: ['test/unit/**'], pool: 'forks' } },
    ],
  },
});
