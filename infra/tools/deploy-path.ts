import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';

/**
 * `node infra/tools/deploy-path.ts [<live commit>]`: which way the deploy workflow publishes the checked-out commit
 * (DEPLOY.md section 16). Prints `path=content` or `path=full` for `$GITHUB_OUTPUT`, and why on stderr and in the
 * run's summary.
 *
 * The live commit is the one the last successful deploy published, not the push's `before`: GitHub cancels a
 * deploy that waits behind another, so the changes of a cancelled push arrive with the next one and must be
 * compared from what is live.
 */

/**
 * Content that only the site build reads: a change here needs the site rebuilt and synced, not the stack. The
 * rest of content/ (the *.yaml files, services/) is bundled into the functions at synth, so it needs a full deploy.
 */
export const CONTENT_FAST_PATHS = ['content/articles/', 'content/notices/'] as const;

export type DeployPath = 'content' | 'full';

export interface DeployDecision {
  path: DeployPath;
  /** Norwegian: the workflow's log and summary, which editors read. */
  reason: string;
}

/** Files beyond this many are counted, not listed, in the reason. */
const LISTED_FILES = 5;

/** The decision for the files changed since the live commit; undefined when nothing live can be compared with. */
export function deployPathFor(changedFiles: readonly string[] | undefined): DeployDecision {
  if (changedFiles === undefined) return { path: 'full', reason: 'Fant ingen publisert versjon å sammenligne med, så alt publiseres (stacken også).' };
  const beyondContent = changedFiles.filter((file) => !CONTENT_FAST_PATHS.some((prefix) => file.startsWith(prefix)));
  if (beyondContent.length === 0) {
    return {
      path: 'content',
      reason: `Bare artikler og driftsmeldinger er endret (${String(changedFiles.length)} filer): nettstedet bygges og lastes opp, stacken står.`,
    };
  }
  const listed = beyondContent.slice(0, LISTED_FILES).join(', ');
  const more = beyondContent.length > LISTED_FILES ? ` og ${String(beyondContent.length - LISTED_FILES)} til` : '';
  return { path: 'full', reason: `Endret utenfor artikler og driftsmeldinger: ${listed}${more}. Alt publiseres (stacken også).` };
}

/** The files changed from the live commit to HEAD, or undefined when there is none or HEAD does not descend from it (a rollback, a rewritten branch). */
export function changedSince(liveCommit: string | undefined, cwd = process.cwd()): string[] | undefined {
  if (!liveCommit) return undefined;
  const git = (...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (git('merge-base', '--is-ancestor', liveCommit, 'HEAD').status !== 0) return undefined;
  const diff = git('diff', '--name-only', '--no-renames', liveCommit, 'HEAD');
  if (diff.status !== 0) throw new Error(`git diff ${liveCommit} HEAD feilet: ${diff.stderr}`);
  return diff.stdout.split('\n').filter(Boolean);
}

if (import.meta.main) {
  const decision = deployPathFor(changedSince(process.argv[2]?.trim()));
  console.error(decision.reason);
  // The run's summary page, where an editor who merged looks for what happened.
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${decision.reason}\n`);
  console.log(`path=${decision.path}`);
}
