import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';

/** What `npm run lint:deps` runs, with the rules in .dependency-cruiser.cjs, for tests that plant what it must find. */
const CONFIG = fileURLToPath(new URL('../../.dependency-cruiser.cjs', import.meta.url));
const DEPCRUISE = fileURLToPath(new URL('../../node_modules/dependency-cruiser/bin/dependency-cruiser.mjs', import.meta.url));

export interface Violation {
  rule: { name: string; severity: string };
  from: string;
  to: string;
}

/** dependency-cruiser over `args` (paths and options) from `cwd`: the rules it broke and how many modules it read. */
export function cruise(args: string[], cwd: string = REPOSITORY_ROOT): { violations: Violation[]; cruised: number } {
  const run = spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, '--output-type', 'json', ...args], { cwd, encoding: 'utf8' });
  if (run.error) throw run.error;
  const result: unknown = JSON.parse(run.stdout);
  if (typeof result !== 'object' || result === null || !('summary' in result)) throw new Error(`dependency-cruiser gave no result: ${run.stderr}`);
  const { summary } = result as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: summary.violations, cruised: summary.totalCruised };
}
