import { join } from 'node:path';
import { dev } from 'astro';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';

/**
 * Astro's dev server in a process of its own, for startDevSite (astro-site.ts): Astro serves no pages when it runs
 * inside Vitest (it sees VITEST and leaves its request handler out). It prints its port as one line of JSON once it
 * listens, and stops when told to (SIGTERM) or when the test process that started it goes (stdin closes).
 */
const server = await dev({ root: join(REPOSITORY_ROOT, 'site'), server: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
process.stdout.write(`${JSON.stringify({ port: server.address.port })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.stop().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
