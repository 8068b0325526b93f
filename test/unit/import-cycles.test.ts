import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm run lint` runs dependency-cruiser's no-circular rule (.dependency-cruiser.cjs) over the code (lint:deps, in
// npm test). This proves the rule fails on a cycle.
const root = fileURLToPath(new URL('../..', import.meta.url));
const depcruise = fileURLToPath(new URL('../../node_modules/dependency-cruiser/bin/dependency-cruiser.mjs', import.meta.url));

interface Violation {
  rule: { name: string; severity: string };
  from: string;
  to: string;
}

function cruise(args: string[]): { violations: Violation[]; cruised: number } {
  const run = spawnSync(process.execPath, [depcruise, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  const result: unknown = JSON.parse(run.stdout);
  if (typeof result !== 'object' || result === null || !('summary' in result)) throw new Error(`dependency-cruiser gave no result: ${run.stderr}`);
  const { summary } = result as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: summary.violations, cruised: summary.totalCruised };
}

describe('import cycles', () => {
  it('reports a planted cycle: two files importing each other', () => {
    const { violations, cruised } = cruise(['--include-only', '^test/fixtures/import-cycle/', 'test/fixtures/import-cycle']);
    expect(cruised).toBe(2);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ rule: { name: 'no-circular', severity: 'error' } });
    expect([violations[0]?.from, violations[0]?.to].sort()).toEqual(['test/fixtures/import-cycle/a.ts', 'test/fixtures/import-cycle/b.ts']);
  });
});
