import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { reportKey } from '../../functions/adapters/report-table.ts';
import { startPortalServer } from '../../infra/local/portal-server.ts';
import { GENEROUS_LIMITS } from '../../infra/local/settings.ts';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';

export const SITE_DIR = join(REPOSITORY_ROOT, 'site', 'dist');

export interface TestPortal {
  url: string;
  stack: LocalStack;
  dataDir: string;
  stop(): Promise<void>;
}

export function temporaryDataDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'serviceportal-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The whole local portal (site, API, dynalite, SES emulator) on free ports on 127.0.0.1. */
export async function startTestPortal(dataDir: string, options: TestPortalOptions = {}): Promise<TestPortal> {
  const stack = await startLocalStack({
    host: '127.0.0.1',
    dynamodbPort: 0,
    sesPort: 0,
    dataDir,
    siteDir: options.siteDir ?? SITE_DIR,
    streamRetryDelayMs: options.streamRetryDelayMs ?? 10,
    // Tests send many reports from one client and to one reporter's address; the limits and caps have their own tests.
    environment: { ...GENEROUS_LIMITS, ...options.environment },
    ...(options.apiThrottling ? { apiThrottling: options.apiThrottling } : {}),
  });
  const portal = await startPortalServer({ host: '127.0.0.1', port: 0, siteDir: options.siteDir ?? SITE_DIR, stack });
  const url = portal.url.replace('localhost', '127.0.0.1');
  return {
    url,
    stack,
    dataDir,
    async stop() {
      await portal.stop();
      await stack.stop();
    },
  };
}

export interface TestPortalOptions {
  /** Another build of the site than site/dist (one made from fixture content). */
  siteDir?: string;
  streamRetryDelayMs?: number;
  environment?: Record<string, string>;
  apiThrottling?: { rateLimit: number; burstLimit: number };
}

/**
 * A portal for one test file: started before its tests on free ports with its own data, stopped and removed
 * after them. The returned object reads through to the running portal.
 */
export function useTestPortal(options: TestPortalOptions = {}): TestPortal {
  const dataDir = temporaryDataDir();
  let current: TestPortal | undefined;
  beforeAll(async () => {
    current = await startTestPortal(dataDir.path, options);
  });
  afterAll(async () => {
    await current?.stop();
    dataDir.remove();
  });
  const started = () => {
    if (!current) throw new Error('The test portal is not running yet: use it inside a test or a hook.');
    return current;
  };
  return {
    dataDir: dataDir.path,
    get url() {
      return started().url;
    },
    get stack() {
      return started().stack;
    },
    stop: () => started().stop(),
  };
}

export interface SentEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

/** What the SES emulator has received, from its `/store` endpoint. */
export async function sentEmails(stack: LocalStack): Promise<SentEmail[]> {
  const response = await fetch(`${stack.sesEndpoint}/store`);
  const store = (await response.json()) as { emails: SentEmail[] };
  return store.emails;
}

export async function emailsAbout(stack: LocalStack, reference: string): Promise<SentEmail[]> {
  return (await sentEmails(stack)).filter((email) => email.subject.includes(reference));
}

export async function storedItem(stack: LocalStack, reference: string): Promise<Record<string, unknown> | undefined> {
  const result = await stack.dynamodb.send(new GetItemCommand({ TableName: stack.tableName, Key: marshall(reportKey(reference)), ConsistentRead: true }));
  return result.Item ? unmarshall(result.Item) : undefined;
}

/** Every report item in the table (not counters, idempotency records or rate-limit counters). */
export async function storedReports(stack: LocalStack): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await stack.dynamodb.send(new ScanCommand({ TableName: stack.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []).map((item) => unmarshall(item)).filter((item) => String(item.pk).startsWith('REPORT#')));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export interface ApiResponse {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function postReport(url: string, report: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
  const response = await fetch(`${url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof report === 'string' ? report : JSON.stringify(report),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
