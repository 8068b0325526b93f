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
    pool: 'forks',
    // Handler logs are structured JSON for CloudWatch; show them only where a test failed.
    silent: 'passed-only',
    // Powertools then logs through the global console, which Vitest captures, instead of straight to stdout.
    env: { POWERTOOLS_DEV: 'true' },
  },
});
