import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { reportKey } from '../../functions/adapters/report-table.ts';
import { startPortalServer } from '../../infra/local/portal-server.ts';
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
export async function startTestPortal(dataDir: string): Promise<TestPortal> {
  const stack = await startLocalStack({ host: '127.0.0.1', dynamodbPort: 0, sesPort: 0, dataDir, streamRetryDelayMs: 10 });
  const portal = await startPortalServer({ host: '127.0.0.1', port: 0, siteDir: SITE_DIR, stack });
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
  const result = await stack.dynamodb.send(
    new GetItemCommand({ TableName: stack.tableName, Key: marshall(reportKey(reference)), ConsistentRead: true }),
  );
  return result.Item ? unmarshall(result.Item) : undefined;
}
