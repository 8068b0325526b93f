import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { startPortalServer } from '../infra/local/portal-server.ts';
import { GENEROUS_LIMITS } from '../infra/local/settings.ts';
import { startLocalStack, type LocalStack } from '../infra/local/stack.ts';
import { REPOSITORY_ROOT } from '../infra/repository.ts';

const SITE_DIR = join(REPOSITORY_ROOT, 'site', 'dist');

export interface BenchPortal {
  url: string;
  stack: LocalStack;
  stop(): Promise<void>;
}

/** No per-client limit and no stage throttling: the bench and drills measure the handlers, not the 429s. */
export const UNTHROTTLED = { rateLimit: 100_000, burstLimit: 100_000 } as const;

export interface BenchPortalOptions {
  environment?: Record<string, string>;
  streamRetryDelayMs?: number;
  /** Another built site than site/dist (a copy the bench may write into, e.g. to publish notices). */
  siteDir?: string;
  /** The folder that plays the site's bucket for notices (LocalStackOptions.noticesBucketDir). */
  noticesBucketDir?: string;
  /** How often the stack looks at the notices document (LocalStackOptions.noticesWatchIntervalMs). */
  noticesWatchIntervalMs?: number;
}

/** The whole local portal on free 127.0.0.1 ports with a throw-away data dir, removed again by `stop()`. */
export async function startBenchPortal(options: BenchPortalOptions = {}): Promise<BenchPortal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'serviceportal-bench-data-'));
  const siteDir = options.siteDir ?? SITE_DIR;
  const stack = await startLocalStack({
    host: '127.0.0.1',
    dynamodbPort: 0,
    sesPort: 0,
    dataDir,
    siteDir,
    ...(options.noticesBucketDir === undefined ? {} : { noticesBucketDir: options.noticesBucketDir }),
    ...(options.noticesWatchIntervalMs === undefined ? {} : { noticesWatchIntervalMs: options.noticesWatchIntervalMs }),
    ...(options.streamRetryDelayMs === undefined ? {} : { streamRetryDelayMs: options.streamRetryDelayMs }),
    environment: { ...GENEROUS_LIMITS, ...options.environment },
    apiThrottling: UNTHROTTLED,
  });
  const portal = await startPortalServer({ host: '127.0.0.1', port: 0, siteDir, stack });
  return {
    url: portal.url.replace('localhost', '127.0.0.1'),
    stack,
    async stop() {
      await portal.stop();
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface StoredReport {
  reference: string;
  summary?: string;
  routing?: { status?: string };
  [name: string]: unknown;
}

/** Every report item in the table (not counters, idempotency records or rate-limit counters). */
export async function storedReports(stack: LocalStack): Promise<StoredReport[]> {
  const items: StoredReport[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await stack.dynamodb.send(new ScanCommand({ TableName: stack.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
    for (const raw of page.Items ?? []) {
      const item = unmarshall(raw);
      if (String(item.pk).startsWith('REPORT#')) items.push({ ...item, reference: String(item.pk).slice('REPORT#'.length) } as StoredReport);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export interface SentEmail {
  subject: string;
  destination: { to: string[] };
  body?: { text?: string; html?: string };
}

/** What the SES emulator has received, from its `/store` endpoint. */
export async function sentEmails(stack: LocalStack): Promise<SentEmail[]> {
  const response = await fetch(`${stack.sesEndpoint}/store`);
  return ((await response.json()) as { emails: SentEmail[] }).emails;
}
