import { describe, expect, it } from 'vitest';
import { cruise } from '../support/dependency-cruiser.ts';

// `npm run lint` runs dependency-cruiser's no-circular rule (.dependency-cruiser.cjs) over the code (lint:deps, in
// npm test). This proves the rule fails on a cycle.

describe('import cycles', () => {
  it('reports a planted cycle: two files importing each other', () => {
    const { violations, cruised } = cruise(['--include-only', '^test/fixtures/import-cycle/', 'test/fixtures/import-cycle']);
    expect(cruised).toBe(2);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ rule: { name: 'no-circular', severity: 'error' } });
    expect([violations[0]?.from, violations[0]?.to].sort()).toEqual(['test/fixtures/import-cycle/a.ts', 'test/fixtures/import-cycle/b.ts']);
  });
});
