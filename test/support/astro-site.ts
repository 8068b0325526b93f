import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';

const ASTRO = join(REPOSITORY_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/**
 * The environment `npm run build` and `npm run dev` have, for a site reading `contentDir`: without what Vitest adds
 * (VITEST*, NODE_ENV=test, and MODE, DEV, PROD, SSR, BASE_URL, TEST), which Astro would read as import.meta.env, so
 * the site would not know whether it is on the dev server, and its dev server would answer no page at all.
 */
function siteEnvironment(contentDir: string, cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SERVICEPORTAL_CONTENT_DIR: contentDir, SERVICEPORTAL_CACHE_DIR: cacheDir };
  for (const name of Object.keys(env)) if (name.startsWith('VITEST') || VITEST_ENVIRONMENT.has(name)) delete env[name];
  return env;
}
const VITEST_ENVIRONMENT = new Set(['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST']);

/**
 * `astro build` of the site from another content folder than content/, as `npm run build` runs it (no Pagefind),
 * into `outDir`. `buildTime` builds it as of that moment (which notices are current); `environment` adds or
 * (undefined) removes variables.
 *
 * Built first in a folder of its own inside the repository, then copied to `outDir`: Astro puts a build's prerender
 * chunks in `.astro/` under the working directory when the output is outside it (two builds at once, test files in
 * two workers, would overwrite each other's), and those chunks must be inside the repository to find its packages.
 */
export async function buildSite(
  contentDir: string,
  options: { outDir: string; cacheDir: string; silent?: boolean; buildTime?: string; environment?: Record<string, string | undefined> },
): Promise<{ stdout: string; stderr: string }> {
  const env = siteEnvironment(contentDir, options.cacheDir);
  if (options.buildTime !== undefined) env.SERVICEPORTAL_BUILD_TIME = options.buildTime;
  for (const [name, value] of Object.entries(options.environment ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  mkdirSync(BUILDS_DIR, { recursive: true });
  const inside = mkdtempSync(join(BUILDS_DIR, 'site-'));
  try {
    const args = [ASTRO, 'build', '--root', 'site', '--outDir', inside, ...(options.silent === false ? [] : ['--silent'])];
    const output = await promisify(execFile)(process.execPath, args, { cwd: REPOSITORY_ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    rmSync(join(inside, '.prerender'), { recursive: true, force: true });
    cpSync(inside, options.outDir, { recursive: true });
    return output;
  } finally {
    rmSync(inside, { recursive: true, force: true });
  }
}
const BUILDS_DIR = join(REPOSITORY_ROOT, '.data', 'test-site-builds');

export interface DevSite {
  /** Where it listens, for a browser: http://127.0.0.1:<port> */
  url: string;
  /** The page's HTML at a path, as the dev server renders it now. */
  page(path: string): Promise<{ status: number; html: string }>;
  stop(): Promise<void>;
}

/**
 * Astro's dev server (what `npm run dev` starts, without the local API) on a free port of 127.0.0.1, reading the
 * given content folder, in a process of its own (dev-site-process.ts). Ready once it has said which port it
 * listens on; each page is rendered when asked for.
 */
export async function startDevSite(contentDir: string, cacheDir: string): Promise<DevSite> {
  const env = siteEnvironment(contentDir, cacheDir);
  const child = spawn(process.execPath, [join(REPOSITORY_ROOT, 'test', 'support', 'dev-site-process.ts')], {
    cwd: REPOSITORY_ROOT,
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const [line] = (await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    exited.then(([code]) => Promise.reject(new Error(`the dev server stopped before it listened (exit code ${String(code)})`))),
  ])) as [string];
  const { port } = JSON.parse(line) as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async page(path) {
      const response = await fetch(new URL(path, url));
      return { status: response.status, html: await response.text() };
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
