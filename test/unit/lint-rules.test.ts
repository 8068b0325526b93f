import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';

// `npm run lint:ts` runs oxlint's type-aware rules with the project's .oxlintrc.json (in npm test). This plants each
// mistake they exist to catch in a project of its own, with that config, and proves each one fails.

const BIN = join(REPOSITORY_ROOT, 'node_modules', '.bin');

/** `npm run lint:ts` as package.json writes it: the linter and its options. */
function lintScript(): { linter: string; options: string[] } {
  const { scripts } = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [linter = '', ...options] = (scripts['lint:ts'] ?? '').split(' ');
  return { linter, options };
}

/** Code that breaks every rule once: a promise nobody waits for, an async callback where none is awaited, an await of a number, an unchecked `as`. */
const PLANTED = `interface Job { id: string }
export async function planted(text: string, ids: string[]): Promise<Job> {
  Promise.resolve(1);
  ids.forEach(async (id) => { await Promise.resolve(id); });
  await 1;
  return JSON.parse(text) as Job;
}
`;

/** An assertion allowed where it stands, and an allowance with nothing to allow. */
const ALLOWANCES = `interface Job { id: string }
// oxlint-disable-next-line typescript/no-unsafe-type-assertion -- the reason, as the project writes it
export const allowed = (text: string): Job => JSON.parse(text) as Job;
// oxlint-disable-next-line typescript/no-unsafe-type-assertion -- nothing on the next line needs it
export const plain = (text: string): string => text;
`;

const TSCONFIG = {
  compilerOptions: { target: 'ES2024', lib: ['ES2024'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true },
  include: ['functions', 'test'],
};

interface Finding {
  file: string;
  line: number;
  rule: string;
  severity: string;
}

let project: string;
let findings: Finding[];
let exitCode: number | null;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'serviceportal-lint-'));
  const plant = (path: string, text: string) => {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  };
  copyFileSync(join(REPOSITORY_ROOT, '.oxlintrc.json'), join(project, '.oxlintrc.json'));
  plant('tsconfig.json', JSON.stringify(TSCONFIG));
  plant('functions/planted.ts', PLANTED);
  plant('test/planted.ts', PLANTED);
  plant('functions/allowances.ts', ALLOWANCES);

  const { linter, options } = lintScript();
  const run = spawnSync(join(BIN, linter), [...options, '--format', 'json', '.'], {
    cwd: project,
    encoding: 'utf8',
    // oxlint looks for the type-aware linter beside the project it lints; this project has no node_modules.
    env: { ...process.env, OXLINT_TSGOLINT_PATH: join(BIN, 'tsgolint') },
  });
  if (run.error) throw run.error;
  exitCode = run.status;
  const { diagnostics } = JSON.parse(run.stdout) as {
    diagnostics: { code?: string; message: string; severity: string; filename: string; labels: { span: { line: number } }[] }[];
  };
  findings = diagnostics.map((diagnostic) => ({
    file: diagnostic.filename,
    line: diagnostic.labels[0]?.span.line ?? 0,
    rule: diagnostic.code ?? diagnostic.message,
    severity: diagnostic.severity,
  }));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

const findingsIn = (file: string) =>
  findings
    .filter((finding) => finding.file === file)
    .sort((a, b) => a.line - b.line)
    .map(({ line, rule }) => [line, rule]);

describe('the type-aware lint (.oxlintrc.json)', () => {
  it('fails on each planted mistake in code that runs, unchecked `as` included', () => {
    expect(findingsIn('functions/planted.ts')).toEqual([
      [3, 'typescript(no-floating-promises)'],
      [4, 'typescript(no-misused-promises)'],
      [5, 'typescript(await-thenable)'],
      [6, 'typescript(no-unsafe-type-assertion)'],
    ]);
  });

  it('lets the tests assert what they read, and nothing else', () => {
    expect(findingsIn('test/planted.ts')).toEqual([
      [3, 'typescript(no-floating-promises)'],
      [4, 'typescript(no-misused-promises)'],
      [5, 'typescript(await-thenable)'],
    ]);
  });

  it('takes an allowance with its reason, and fails on one that allows nothing', () => {
    expect(findingsIn('functions/allowances.ts')).toEqual([[4, 'Unused oxlint-disable directive (no problems were reported).']]);
  });

  it('counts every finding as an error, so npm test stops on it', () => {
    expect(new Set(findings.map((finding) => finding.severity))).toEqual(new Set(['error']));
    expect(exitCode).toBe(1);
  });
});
