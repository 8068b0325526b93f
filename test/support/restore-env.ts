import { afterAll } from 'vitest';

/**
 * Test files share worker processes (`isolate: false`), and the local stack configures its handlers through
 * process.env as Lambda does. Each file leaves the environment as it found it, so one file's settings (a rate
 * limit, a secret) never reach the next file's stack.
 */
const before = { ...process.env };

afterAll(() => {
  for (const name of Object.keys(process.env)) if (!(name in before)) delete process.env[name];
  Object.assign(process.env, before);
});
