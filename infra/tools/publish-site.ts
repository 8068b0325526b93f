import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NOTICE_FEED_PATHS, NOTICES_DOCUMENT_KEY } from '../../functions/core/notice-paths.ts';
import { HASHED_ASSETS_PATH } from '../aws/portal-site.ts';
import { isString, objectOf } from '../../functions/vocabulary/json-guards.ts';

/**
 * `node infra/tools/publish-site.ts [--invalidate-only] <stack name> [built site]`: the deploy workflow's content
 * fast path (DEPLOY.md section 16). Puts the built site into the stack's bucket as the stack's own deployment does,
 * then clears CloudFront's copy and waits until that is done. `--invalidate-only` only clears, after a full deploy.
 * Needs the AWS CLI and the deploy role's rights: this stack's outputs, the site bucket, the distribution.
 */

/** Astro's hashed files, e.g. `_astro`: added, never deleted here (see uploadCommands). */
const ASSETS_DIR = HASHED_ASSETS_PATH.replace(/^\/|\/\*$/g, '');
const CALENDAR_KEY = NOTICE_FEED_PATHS.calendar.slice(1);
/** S3 would guess these from the file name (Python's list has no .ics): set as the stack's deployment sets them. */
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
const DOCUMENT_TYPE = 'application/json; charset=utf-8';

export interface PublishTarget {
  bucket: string;
  siteDir: string;
}

/** The AWS CLI calls that upload the site, in the order they must run. */
export function uploadCommands({ bucket, siteDir }: PublishTarget): string[][] {
  const s3 = (key = '') => `s3://${bucket}/${key}`;
  return [
    // Not pruned: pages still in CloudFront's cache for a few minutes, and the pages the functions carry from the
    // last full deploy, link to the hashed names they were built with.
    ['s3', 'sync', join(siteDir, ASSETS_DIR), s3(ASSETS_DIR), '--only-show-errors'],
    // The rest, with the pages of deleted articles and notices removed. The two files below are excluded, which also
    // keeps --delete off them.
    [
      's3',
      'sync',
      siteDir,
      s3(),
      '--delete',
      '--only-show-errors',
      '--exclude',
      `${ASSETS_DIR}/*`,
      '--exclude',
      CALENDAR_KEY,
      '--exclude',
      NOTICES_DOCUMENT_KEY,
    ],
    ['s3', 'cp', join(siteDir, CALENDAR_KEY), s3(CALENDAR_KEY), '--only-show-errors', '--content-type', CALENDAR_TYPE],
    // Last: writing it starts announceNotices, which e-mails subscribers about new notices; their pages must be up.
    ['s3', 'cp', join(siteDir, NOTICES_DOCUMENT_KEY), s3(NOTICES_DOCUMENT_KEY), '--only-show-errors', '--content-type', DOCUMENT_TYPE],
  ];
}

/** The stack's outputs by name (portal-stack.ts: SiteBucketName, DistributionId). */
function stackOutputs(stackName: string): Record<string, string> {
  const outputs: unknown = JSON.parse(aws('cloudformation', 'describe-stacks', '--stack-name', stackName, '--query', 'Stacks[0].Outputs', '--output', 'json'));
  return Object.fromEntries((Array.isArray(outputs) ? outputs : []).filter(isStackOutput).map((output) => [output.OutputKey, output.OutputValue]));
}

const isStackOutput = objectOf<{ OutputKey: string; OutputValue: string }>({ OutputKey: isString, OutputValue: isString });

function aws(...args: string[]): string {
  const result = spawnSync('aws', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`aws ${args.slice(0, 2).join(' ')} feilet (kode ${String(result.status)})`);
  return result.stdout.trim();
}

/** Clears CloudFront's copy of every page and waits until it is gone, so «ferdig» in the log means live. */
function invalidateAll(distribution: string): void {
  const invalidation = aws(
    'cloudfront',
    'create-invalidation',
    '--distribution-id',
    distribution,
    '--paths',
    '/*',
    '--query',
    'Invalidation.Id',
    '--output',
    'text',
  );
  aws('cloudfront', 'wait', 'invalidation-completed', '--distribution-id', distribution, '--id', invalidation);
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'invalidate-only': { type: 'boolean', default: false } } });
  const [stackName, siteDir = 'site/dist'] = positionals;
  if (!stackName) {
    console.error('Bruk: node infra/tools/publish-site.ts [--invalidate-only] <stacknavn, f.eks. Serviceportal-prod> [bygget nettsted]');
    process.exit(2);
  }
  try {
    const { SiteBucketName: bucket, DistributionId: distribution } = stackOutputs(stackName);
    if (!bucket || !distribution) throw new Error(`Stacken ${stackName} mangler utdataene SiteBucketName og DistributionId: publiser den fullt én gang først.`);
    if (!values['invalidate-only']) {
      for (const command of uploadCommands({ bucket, siteDir })) aws(...command);
      console.log(`Lastet opp ${siteDir} til s3://${bucket}.`);
    }
    console.log(`Tømmer CloudFront (${distribution}) og venter til det er gjort.`);
    invalidateAll(distribution);
    console.log('Ferdig: endringen er ute.');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
