import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cruise } from '../support/dependency-cruiser.ts';

// `npm run lint` runs .dependency-cruiser.cjs, whose rules say which way functions/core, functions/catalog and
// functions/vocabulary may import. The fixture is a small functions/ of its own with one allowed import and two
// forbidden ones; dependency-cruiser runs from inside it, so the rules see the same paths they see in the code.
const fixture = fileURLToPath(new URL('../fixtures/dependency-direction', import.meta.url));
const tsConfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
const cruiseFixture = () => cruise(['--ts-config', tsConfig, 'functions'], fixture);

describe('the direction of imports between core, catalog and vocabulary', () => {
  // Arranged in the fixture's files; one cruise serves every case.
  let cruised = 0;
  let edges: { rule: string; severity: string; from: string; to: string }[] = [];
  beforeAll(() => {
    const result = cruiseFixture();
    cruised = result.cruised;
    edges = result.violations.map(({ rule, from, to }) => ({ rule: rule.name, severity: rule.severity, from, to }));
  });

  it('cruises every file of the fixture', () => {
    expect(cruised).toBe(4);
  });

  it('reports the core importing the catalog', () => {
    expect(edges).toContainEqual({
      rule: 'core-must-not-import-catalog',
      severity: 'error',
      from: 'functions/core/reads-catalog.ts',
      to: 'functions/catalog/loader.ts',
    });
  });

  it('reports the vocabulary importing any of our code', () => {
    expect(edges).toContainEqual({
      rule: 'vocabulary-must-not-import-our-code',
      severity: 'error',
      from: 'functions/vocabulary/words.ts',
      to: 'functions/core/shape.ts',
    });
  });

  it('lets the catalog import the core', () => {
    expect(edges).toHaveLength(2);
    expect(edges.map(({ from }) => from)).not.toContain('functions/catalog/loader.ts');
  });
});
