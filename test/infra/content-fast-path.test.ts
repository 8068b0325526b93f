import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedSince, deployPathFor } from '../../infra/tools/deploy-path.ts';
import { uploadCommands } from '../../infra/tools/publish-site.ts';

describe('the way a push to main is published', () => {
  it('is the fast path when only articles and notices changed', () => {
    const decision = deployPathFor(['content/articles/lydlogg.md', 'content/notices/ny-melding.md']);

    expect(decision.path).toBe('content');
  });

  it('is a full deploy when content the functions carry changed (routing, teams, services)', () => {
    const decision = deployPathFor(['content/articles/lydlogg.md', 'content/routing.yaml', 'content/services/iccs.yaml']);

    expect(decision).toEqual({
      path: 'full',
      reason: 'Endret utenfor artikler og driftsmeldinger: content/routing.yaml, content/services/iccs.yaml. Alt publiseres (stacken også).',
    });
  });

  it('is a full deploy when code, the site or the workflow changed, and names at most five of the files', () => {
    const files = [
      'site/src/pages/index.astro',
      'functions/handlers/submit-report.ts',
      'infra/aws/portal-site.ts',
      '.github/workflows/deploy.yml',
      'package.json',
      'cdk.json',
      'README.md',
    ];

    const decision = deployPathFor(files);

    expect(decision.path).toBe('full');
    expect(decision.reason).toContain('package.json og 2 til.');
  });

  it('is a full deploy when nothing live can be compared with', () => {
    expect(deployPathFor(undefined).path).toBe('full');
  });
});

describe('the files changed since the live commit', () => {
  let repository: string;
  const git = (...args: string[]) =>
    spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@hdo.example', ...args], { cwd: repository, encoding: 'utf8' }).stdout.trim();
  const commit = (file: string, text: string) => {
    mkdirSync(dirname(join(repository, file)), { recursive: true });
    writeFileSync(join(repository, file), text);
    git('add', '.');
    git('commit', '-q', '-m', file);
    return git('rev-parse', 'HEAD');
  };
  let live: string;
  let sideBranch: string;
  beforeAll(() => {
    repository = mkdtempSync(join(tmpdir(), 'serviceportal-deploy-path-'));
    git('init', '-q', '-b', 'main');
    live = commit('content/articles/a.md', 'første');
    git('checkout', '-q', '-b', 'annen');
    sideBranch = commit('infra/x.ts', 'annen gren');
    git('checkout', '-q', 'main');
    commit('content/articles/a.md', 'andre');
    commit('content/notices/b.md', 'ny');
  });
  afterAll(() => rmSync(repository, { recursive: true, force: true }));

  it('are every file changed in the commits after it, however many pushes they came in', () => {
    expect(changedSince(live, repository)?.sort()).toEqual(['content/articles/a.md', 'content/notices/b.md']);
  });

  it('are unknown when HEAD does not descend from it (a rollback, a rewritten branch)', () => {
    expect(changedSince(sideBranch, repository)).toBeUndefined();
  });

  it('are unknown when no run has published anything yet', () => {
    expect(changedSince('', repository)).toBeUndefined();
  });
});

describe('the fast path’s upload', () => {
  const commands = uploadCommands({ bucket: 'site-bucket', siteDir: 'site/dist' });

  it('writes the notices document last, since writing it e-mails subscribers about what its pages must already show', () => {
    expect(commands.at(-1)).toEqual([
      's3',
      'cp',
      'site/dist/driftsmeldinger/meldinger.json',
      's3://site-bucket/driftsmeldinger/meldinger.json',
      '--only-show-errors',
      '--content-type',
      'application/json; charset=utf-8',
    ]);
    expect(commands.slice(0, -1).flat()).not.toContain('s3://site-bucket/driftsmeldinger/meldinger.json');
  });

  it('gives the calendar its type, which S3 cannot guess from .ics', () => {
    expect(commands).toContainEqual([
      's3',
      'cp',
      'site/dist/driftsmeldinger/planlagt.ics',
      's3://site-bucket/driftsmeldinger/planlagt.ics',
      '--only-show-errors',
      '--content-type',
      'text/calendar; charset=utf-8',
    ]);
  });

  it('removes deleted pages but never hashed assets, which cached pages and the functions’ pages still link to', () => {
    const deleting = commands.filter((command) => command.includes('--delete'));

    expect(deleting).toEqual([
      [
        's3',
        'sync',
        'site/dist',
        's3://site-bucket/',
        '--delete',
        '--only-show-errors',
        '--exclude',
        '_astro/*',
        '--exclude',
        'driftsmeldinger/planlagt.ics',
        '--exclude',
        'driftsmeldinger/meldinger.json',
      ],
    ]);
    expect(commands[0]).toEqual(['s3', 'sync', 'site/dist/_astro', 's3://site-bucket/_astro', '--only-show-errors']);
  });
});
