import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/catalog/load-yaml-catalog.ts';
import { ACTION_LINK_PARAMETER, signActionLink } from '../../functions/core/action-links.ts';
import { statusLinkOf, STATUS_TOKEN_HEADER } from '../../functions/core/page-paths.ts';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../functions/core/webhook-signature.ts';
import { ORIGIN_VERIFY_HEADER } from '../../functions/http/origin-verify.ts';
import { parsePrebuiltCatalog, PREBUILT_CATALOG_FILE } from '../../functions/catalog/prebuilt-catalog.ts';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, DynamoDBRecord, SQSEvent } from 'aws-lambda';
import { NOTICES_DOCUMENT_FORMAT } from '../../functions/core/notices-document.ts';
import { AFFECTED_ROUTE, NOTICES_DOCUMENT_KEY } from '../../functions/core/notice-paths.ts';
import { CONFIRM_SUBSCRIPTION_ROUTE, SUBSCRIBE_ROUTE, TOKEN_PARAMETER } from '../../functions/core/subscription-paths.ts';
import { confirmationToken } from '../../functions/core/subscription-tokens.ts';
import { startLocalQueue } from '../../infra/local/sqs.ts';
import { startLocalDynamo, type LocalDynamo } from '../../infra/local/dynamodb.ts';
import { startLocalSes, type LocalSes } from '../../infra/local/ses.ts';
import { HANDLERS, REPORT_STREAM_SOURCE, type HandlerName } from '../../infra/wiring.ts';
import { jsonFixture } from '../support/fixtures.ts';
import { temporaryDataDir } from '../support/local-portal.ts';
import { startDynamoRecorder, type DynamoRecorder } from './dynamodb-recorder.ts';
import { synthesizePortal, type SynthesizedPortal } from './synth.ts';
import { tableCallAllowed, type TableCall } from './table-policy.ts';

const HANDLER_NAMES = Object.keys(HANDLERS) as HandlerName[];
const CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));
/** What the prebuilt catalog exists to keep out: the YAML parser, classic zod (with every locale) and the content schemas. */
const LEFT_OUT = [/node_modules\/yaml\//, /node_modules\/zod\/v4\/(classic|locales)\//, /functions\/catalog\/(load-yaml-catalog|yaml-source|schema)\.ts$/];
/** The SDK's default credential chain and the STS, SSO and Sign-in clients it brings; Lambda only has environment credentials. */
const CREDENTIAL_CHAIN = /node_modules\/@aws-sdk\/(credential-provider-(node|ini|sso|process|web-identity|http|login)|nested-clients|token-providers)\//;
/** index.mjs at most, in KiB: issue 7's target for every bundle. */
const BUNDLE_BUDGET_KIB = 300;
const BUNDLE_TABLE = 'bundle-test-reports';
/** Lambda's environment credentials, as the runtime sets them. */
const ENVIRONMENT_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'ASIABUNDLETEST', AWS_SECRET_ACCESS_KEY: 'test', AWS_SESSION_TOKEN: 'test' };

let portal: SynthesizedPortal;
// Bundling ten functions with esbuild takes about 20 s on a quiet machine and several times that beside a bench
// build; the limit is there to end a hang, not to time it.
const BUNDLING_LIMIT_MS = 300_000;
beforeAll(() => {
  portal = synthesizePortal({ bundle: true });
}, BUNDLING_LIMIT_MS);
afterAll(() => portal?.cleanUp());

/** CATALOG_DIR as set in the stack, resolved inside the bundle instead of under /var/task. */
const catalogDirInBundle = (handler: HandlerName) => String(portal.bundleEnvironmentOf(handler).CATALOG_DIR);

/** What a bundle's process gets: the function's environment as the stack sets it, Lambda's region and credentials, and `extra`. */
function bundleProcessEnvironment(handler: HandlerName, extra: Record<string, string> = {}): Record<string, string> {
  return { ...portal.bundleEnvironmentOf(handler), AWS_REGION: 'eu-north-1', ...ENVIRONMENT_CREDENTIALS, ...extra };
}

const bundleUrl = (handler: HandlerName) => pathToFileURL(join(portal.bundleDirOf(handler), 'index.mjs')).href;

/** The header CloudFront adds to every request to the API, with the value the stack gives the functions. */
const throughTheEdge = () => ({ [ORIGIN_VERIFY_HEADER]: portal.runtimeEnvironmentOf('submitReport').ORIGIN_VERIFY_SECRET ?? '' });

/** The files esbuild put in the bundle, from its source map. */
function sourcesOf(handler: HandlerName): string[] {
  const map = JSON.parse(readFileSync(join(portal.bundleDirOf(handler), 'index.mjs.map'), 'utf8')) as { sources: string[] };
  return map.sources;
}

/**
 * Imports the bundle in a fresh Node process, as Lambda's cold start does, with the environment the stack gives
 * the function. Module init validates that environment and loads the catalog, so a bad bundle fails here.
 */
function importBundle(handler: HandlerName): string {
  const script = 'const bundle = await import(process.argv[1]); process.stdout.write(typeof bundle.handler);';
  return execFileSync(process.execPath, ['--input-type=module', '--eval', script, bundleUrl(handler)], {
    encoding: 'utf8',
    env: bundleProcessEnvironment(handler),
  });
}

/**
 * Runs a bundle's handler in a fresh Node process, as Lambda would, once per event in turn (one cold start), with
 * the environment the stack gives the function plus `env`; returns what the handler returned for each event.
 */
async function invokeBundle(handler: HandlerName, events: unknown[], env: Record<string, string>): Promise<unknown[]> {
  const script = [
    'const { handler } = await import(process.argv[1]);',
    "const context = { functionName: 'bundle-test', awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 10_000 };",
    'const results = [];',
    'for (const event of JSON.parse(process.argv[2])) results.push(await handler(event, context));',
    'process.stdout.write(JSON.stringify(results));',
  ].join(' ');
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script, bundleUrl(handler), JSON.stringify(events)], {
    encoding: 'utf8',
    env: bundleProcessEnvironment(handler, { POWERTOOLS_LOG_LEVEL: 'SILENT', ...env }),
  });
  // The results are the last line: a handler's metrics (embedded metric format) go to stdout before them.
  return JSON.parse(stdout.slice(stdout.lastIndexOf('\n') + 1)) as unknown[];
}

/** Runs the status bundle's handler once against a stand-in DynamoDB that finds nothing; returns the status code and what DynamoDB received. */
async function askStatusThroughBundle(): Promise<{ statusCode: number; dynamodbHeaders: IncomingHttpHeaders[] }> {
  const dynamodbHeaders: IncomingHttpHeaders[] = [];
  const dynamodb = createServer((request, response) => {
    dynamodbHeaders.push(request.headers);
    request.resume();
    response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
  });
  await new Promise<void>((resolve) => dynamodb.listen(0, '127.0.0.1', resolve));
  try {
    const event = {
      routeKey: 'GET /api/reports/{reference}',
      pathParameters: { reference: 'HDO-2026-000123' },
      headers: { ...throughTheEdge(), [STATUS_TOKEN_HEADER]: 'a'.repeat(43) },
      requestContext: { requestId: 'bundle-test' },
    };
    const [response] = (await invokeBundle('reportStatus', [event], {
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${(dynamodb.address() as AddressInfo).port}`,
    })) as APIGatewayProxyStructuredResultV2[];
    return { statusCode: Number(response?.statusCode), dynamodbHeaders };
  } finally {
    dynamodb.close();
  }
}

describe.each(HANDLER_NAMES)('the %s bundle', (handler) => {
  const readsCatalog = CATALOG_READERS.includes(handler);

  it('maps its stack traces through its source map, read at the first stack trace rather than at cold start', () => {
    expect(sourcesOf(handler).some((source) => source.endsWith('infra/aws/lazy-source-maps.ts'))).toBe(true);
    expect(existsSync(join(portal.bundleDirOf(handler), 'index.mjs.map'))).toBe(true);
    expect(portal.environmentOf(handler).NODE_OPTIONS).toBeUndefined();
  });

  it('is an ES module', () => {
    const bundle = join(portal.bundleDirOf(handler), 'index.mjs');

    expect(existsSync(bundle)).toBe(true);
  });

  it('leaves out the YAML parser, classic zod and the content schemas', () => {
    const sources = sourcesOf(handler);

    expect(sources.filter((source) => LEFT_OUT.some((pattern) => pattern.test(source)))).toEqual([]);
    expect(sources.some((source) => source.endsWith('functions/catalog/load-prebuilt-catalog.ts'))).toBe(readsCatalog);
  });

  it('loads with its environment and exports a handler function', () => {
    const exported = importBundle(handler);

    expect(exported).toBe('function');
  });

  it(`stays within ${BUNDLE_BUDGET_KIB} KiB`, () => {
    const kib = statSync(join(portal.bundleDirOf(handler), 'index.mjs')).size / 1024;

    expect(kib).toBeLessThanOrEqual(BUNDLE_BUDGET_KIB);
  });

  it('carries only the environment credential provider, not the SDK’s whole default chain', () => {
    expect(sourcesOf(handler).filter((source) => CREDENTIAL_CHAIN.test(source))).toEqual([]);
  });
});

/** infra/wiring.ts says which handlers read no catalog (the announcer): their bundles carry none. */
const CATALOG_READERS = HANDLER_NAMES.filter((handler) => !('readsCatalog' in HANDLERS[handler]));

describe.each(CATALOG_READERS)('the %s bundle, which reads the catalog', (handler) => {
  it('holds one catalog.json where CATALOG_DIR points, and none of content/ itself (articles, notices, YAML)', () => {
    expect(readdirSync(catalogDirInBundle(handler))).toEqual([PREBUILT_CATALOG_FILE]);
  });

  it('carries the catalog as the YAML in content/ gives it', () => {
    const file = join(catalogDirInBundle(handler), PREBUILT_CATALOG_FILE);

    expect(parsePrebuiltCatalog(readFileSync(file, 'utf8'), file)).toStrictEqual(loadCatalog(CONTENT_DIR));
  });
});

describe('a bundle at work', () => {
  it('signs its DynamoDB calls with the credentials Lambda puts in the environment, and answers', async () => {
    const { statusCode, dynamodbHeaders } = await askStatusThroughBundle();

    expect(statusCode).toBe(404);
    expect(dynamodbHeaders.map((headers) => headers.authorization)).toEqual([
      expect.stringContaining(`Credential=${ENVIRONMENT_CREDENTIALS.AWS_ACCESS_KEY_ID}/`),
    ]);
    expect(dynamodbHeaders[0]?.['x-amz-security-token']).toBe(ENVIRONMENT_CREDENTIALS.AWS_SESSION_TOKEN);
  });
});

describe('the bundles that ship, at work on dynalite and the SES emulator', () => {
  const dataDir = temporaryDataDir();
  const streamRecords: DynamoDBRecord[] = [];
  /** What each bundle asked of DynamoDB, as IAM authorizes it, over every test below. */
  const tableCalls = new Map<HandlerName, TableCall[]>();
  let dynamo: LocalDynamo;
  let recorder: DynamoRecorder;
  let ses: LocalSes;
  let env: Record<string, string>;
  /** invokeBundle, with the bundle's DynamoDB calls written down. */
  const invokeRecorded = async (handler: HandlerName, events: unknown[]) => {
    recorder.take();
    try {
      return await invokeBundle(handler, events, env);
    } finally {
      tableCalls.set(handler, [...(tableCalls.get(handler) ?? []), ...recorder.take()]);
    }
  };
  beforeAll(async () => {
    ses = await startLocalSes({ host: '127.0.0.1', port: 0 });
    // No router listens to this table's stream: the records are kept for the routeReport bundle.
    dynamo = await startLocalDynamo({
      host: '127.0.0.1',
      port: 0,
      region: 'eu-north-1',
      dataDir: dataDir.path,
      tableName: BUNDLE_TABLE,
      onStreamRecord: (record) => streamRecords.push(record),
      streamFilter: { eventNames: REPORT_STREAM_SOURCE.eventNames, keyPrefix: REPORT_STREAM_SOURCE.keyPrefix },
    });
    recorder = await startDynamoRecorder(dynamo.endpoint);
    env = { TABLE_NAME: BUNDLE_TABLE, AWS_ENDPOINT_URL_DYNAMODB: recorder.endpoint, AWS_ENDPOINT_URL_SES: ses.endpoint };
  });
  afterAll(async () => {
    await recorder?.stop();
    await dynamo?.stop();
    await ses?.stop();
    dataDir.remove();
  });

  let statusUrl = '';

  it('submitReport stores a report once per Idempotency-Key and refuses the key for another report', async () => {
    const event = jsonFixture<APIGatewayProxyEventV2>('events/http-api-post-report.json');
    const withKey = { ...event, headers: { ...event.headers, ...throughTheEdge(), 'idempotency-key': 'bundle-test-key-0001' } };
    const otherReport = { ...withKey, body: (withKey.body ?? '').replace('siden i morges', 'siden i går') };

    const responses = (await invokeRecorded('submitReport', [withKey, withKey, otherReport])) as APIGatewayProxyStructuredResultV2[];
    statusUrl = String((JSON.parse(responses[0]?.body ?? '{}') as { statusUrl?: string }).statusUrl);

    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 422]);
    expect(responses[1]?.body).toBe(responses[0]?.body);
    expect(streamRecords.map((record) => record.eventName)).toEqual(['INSERT']);
  });

  it('routeReport e-mails the desk, the duty officer (it is P1) and a receipt to the reporter for that report, through the SES client in the bundle', async () => {
    const [record] = streamRecords;

    const [response] = await invokeRecorded('routeReport', [{ Records: [record] }]);

    expect(response).toEqual({ batchItemFailures: [] });
    const store = (await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
    expect(store.emails.map((email) => email.destination.to)).toEqual([['servicedesk@hdo.example'], ['vakthavende@hdo.example'], ['ola.nordmann@example.no']]);
  });

  it('reportStatus answers the holder of the status link with where the report is', async () => {
    const { reference, token } = statusLinkOf(new URL(statusUrl, 'https://portal.example').hash);
    const event = {
      routeKey: 'GET /api/reports/{reference}',
      pathParameters: { reference },
      headers: { ...throughTheEdge(), [STATUS_TOKEN_HEADER]: token },
      requestContext: { requestId: 'bundle-test' },
    };

    const [response] = (await invokeRecorded('reportStatus', [event])) as APIGatewayProxyStructuredResultV2[];

    expect({ status: response?.statusCode, routed: (JSON.parse(response?.body ?? '{}') as { status?: string }).status }).toEqual({
      status: 200,
      routed: 'routed',
    });
  });

  it('moveReport moves the report on an action link’s POST and its case system’s signed call, each once', async () => {
    const { reference } = statusLinkOf(new URL(statusUrl, 'https://portal.example').hash);
    const environment = portal.runtimeEnvironmentOf('moveReport');
    const token =
      new URL(
        signActionLink(environment.ACTION_LINK_KEY ?? '', {
          reference,
          action: 'registered',
          expiresAt: new Date(Date.now() + 86_400_000),
          nonce: 'bundle-test-nonce-0001',
        }),
        'https://portal.example',
      ).searchParams.get(ACTION_LINK_PARAMETER) ?? '';
    const linkPost = {
      routeKey: 'POST /api/reports/{reference}/handling',
      pathParameters: { reference },
      headers: { ...throughTheEdge(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ [ACTION_LINK_PARAMETER]: token }).toString(),
      isBase64Encoded: false,
      requestContext: { requestId: 'bundle-test' },
    };
    const body = JSON.stringify({ id: 'bundle-test:evt-0001', state: 'solved' });
    const webhook = {
      routeKey: 'POST /api/reports/{reference}/events',
      pathParameters: { reference },
      headers: {
        ...throughTheEdge(),
        'content-type': 'application/json',
        [WEBHOOK_SIGNATURE_HEADER]: signWebhook(environment.WEBHOOK_SIGNING_KEY ?? '', body, new Date()),
      },
      body,
      isBase64Encoded: false,
      requestContext: { requestId: 'bundle-test' },
    };

    const responses = (await invokeRecorded('moveReport', [linkPost, linkPost, webhook, webhook])) as APIGatewayProxyStructuredResultV2[];

    expect(responses.map((response) => response.statusCode)).toEqual([200, 409, 200, 200]);
    expect(responses.slice(2).map((response) => (JSON.parse(response.body ?? '{}') as { status?: string }).status)).toEqual(['moved', 'duplicate']);
  });

  it('publishCaseEvents puts each of the report’s events on the bus once, through the EventBridge client in the bundle, and e-mails the reporter it is solved', async () => {
    const [record] = streamRecords;
    const putEvents: { target: string; entries: { EventBusName: string; Source: string; Detail: string }[] }[] = [];
    const eventBridge = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Entries: { EventBusName: string; Source: string; Detail: string }[] };
        putEvents.push({ target: String(request.headers['x-amz-target']), entries: body.Entries });
        response
          .writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
          .end(JSON.stringify({ FailedEntryCount: 0, Entries: body.Entries.map((_, index) => ({ EventId: `event-${index}` })) }));
      });
    });
    await new Promise<void>((resolve) => eventBridge.listen(0, '127.0.0.1', resolve));
    const busEnv = { CASE_EVENTS_BUS_NAME: 'bundle-test-bus', AWS_ENDPOINT_URL_EVENTBRIDGE: `http://127.0.0.1:${(eventBridge.address() as AddressInfo).port}` };
    const before = ((await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: unknown[] }).emails.length;
    try {
      env = { ...env, ...busEnv };
      // Twice, as a replayed record: the second run publishes and e-mails nothing.
      const responses = await invokeRecorded('publishCaseEvents', [{ Records: [record] }, { Records: [{ ...record, eventName: 'MODIFY' }] }]);
      expect(responses).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    } finally {
      await new Promise((resolve) => eventBridge.close(resolve));
    }

    expect(putEvents.map((call) => call.target)).toEqual(Array.from({ length: 3 }, () => 'AWSEvents.PutEvents'));
    const details = putEvents
      .flatMap((call) => call.entries)
      .map((entry) => ({ bus: entry.EventBusName, source: entry.Source, ...(JSON.parse(entry.Detail) as { type: string; state: string }) }));
    expect(details.map((detail) => [detail.bus, detail.source, detail.type, detail.state])).toEqual([
      ['bundle-test-bus', 'serviceportal', 'report.received', 'received'],
      ['bundle-test-bus', 'serviceportal', 'report.state-changed', 'registered'],
      ['bundle-test-bus', 'serviceportal', 'report.state-changed', 'solved'],
    ]);
    const store = (await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] };
    expect(store.emails.slice(before).map((email) => [email.destination.to, email.subject.split(':')[0]])).toEqual([[['ola.nordmann@example.no'], 'Løst']]);
  });

  it('sweepUnrouted looks for reports left unrouted, and finds none', async () => {
    const [outcome] = (await invokeRecorded('sweepUnrouted', [{}])) as { found: number }[];

    expect(outcome?.found).toBe(0);
  });

  /** The site's bucket as the local stack plays it: a directory holding the published notices document. */
  const bucketDir = temporaryDataDir();
  const noticeId = 'utfall-iccs-bundle';
  /** What the announcer put on the queue, for the sender. */
  const queued: SQSEvent[] = [];
  const post = (routeKey: string, body: string, contentType = 'application/json', query?: Record<string, string>) => ({
    routeKey,
    headers: { ...throughTheEdge(), 'content-type': contentType, 'sec-fetch-site': 'same-origin' },
    body,
    isBase64Encoded: false,
    ...(query ? { queryStringParameters: query } : {}),
    requestContext: { requestId: 'bundle-test', http: { sourceIp: '192.0.2.10' } },
  });
  const mailbox = async () =>
    ((await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] }).emails;
  afterAll(() => bucketDir.remove());

  it('subscribeNotices e-mails a confirmation link and stores nothing; the link’s POST stores the subscription', async () => {
    const before = (await mailbox()).length;
    const key = portal.runtimeEnvironmentOf('subscribeNotices').SUBSCRIPTION_KEY ?? '';
    const token = confirmationToken(key, { address: 'abonnent@example.no', choice: { all: true }, issuedAt: new Date() });

    const responses = (await invokeRecorded('subscribeNotices', [
      post(`POST ${SUBSCRIBE_ROUTE}`, JSON.stringify({ email: 'abonnent@example.no', scope: 'all', services: [] })),
      post(`POST ${CONFIRM_SUBSCRIPTION_ROUTE}`, new URLSearchParams({ [TOKEN_PARAMETER]: token }).toString(), 'application/x-www-form-urlencoded'),
    ])) as APIGatewayProxyStructuredResultV2[];

    expect(responses.map((response) => response.statusCode)).toEqual([202, 200]);
    expect((await mailbox()).slice(before).map((email) => email.destination.to)).toEqual([['abonnent@example.no']]);
  });

  it('announceNotices reads a published document from the bucket and queues one e-mail for the subscriber, through the SQS client in the bundle', async () => {
    const document = {
      format: NOTICES_DOCUMENT_FORMAT,
      publishedAt: new Date().toISOString(),
      notices: [
        {
          id: noticeId,
          title: 'Utfall i ICCS',
          severity: 'outage',
          services: ['iccs'],
          areas: [],
          start: new Date(Date.now() - 600_000).toISOString(),
          updates: [],
          html: '<p>Vi jobber med saken.</p>',
        },
      ],
    };
    mkdirSync(join(bucketDir.path, 'driftsmeldinger'), { recursive: true });
    writeFileSync(join(bucketDir.path, ...NOTICES_DOCUMENT_KEY.split('/')), JSON.stringify(document));
    const queue = await startLocalQueue({
      host: '127.0.0.1',
      port: 0,
      queueName: 'bundle-test-notice-mail',
      region: 'eu-north-1',
      handler: async (event) => void queued.push(event),
      batchSize: 10,
      maxConcurrency: 1,
      maxReceiveCount: 1,
      deadLetterFile: join(bucketDir.path, 'dead-letters.jsonl'),
    });
    const s3Event = { Records: [{ s3: { bucket: { name: 'bundle-test-site' }, object: { key: NOTICES_DOCUMENT_KEY } } }] };
    try {
      env = { ...env, SITE_BUCKET_DIR: bucketDir.path, NOTICE_MAIL_QUEUE_URL: queue.url, AWS_ENDPOINT_URL_SQS: queue.endpoint };
      // Twice, as a repeated notification: the second announces nothing.
      const outcomes = (await invokeRecorded('announceNotices', [s3Event, s3Event])) as { queued: number }[];
      await queue.idle();

      expect(outcomes.map((outcome) => outcome.queued)).toEqual([1, 0]);
    } finally {
      await queue.stop();
    }
    expect(queued.flatMap((event) => event.Records)).toHaveLength(1);
  });

  it('sendNoticeMail sends the queued notice to the subscriber through SES', async () => {
    const before = (await mailbox()).length;

    const [response] = await invokeRecorded('sendNoticeMail', queued);

    expect(response).toEqual({ batchItemFailures: [] });
    expect((await mailbox()).slice(before).map((email) => [email.destination.to, email.subject])).toEqual([
      [['abonnent@example.no'], '[Driftsmelding] Utfall i ICCS'],
    ]);
  });

  it('reportAffected counts a control room against the published notice once, and e-mails the desk once', async () => {
    const before = (await mailbox()).length;
    const body = JSON.stringify({
      notice: noticeId,
      contact: { organisation: 'AMK Bundle', name: 'Kari Nordmann', phone: '55 12 34 56', email: 'kari@example.no' },
    });

    const responses = (await invokeRecorded('reportAffected', [
      post(`POST ${AFFECTED_ROUTE}`, body),
      post(`POST ${AFFECTED_ROUTE}`, body),
    ])) as APIGatewayProxyStructuredResultV2[];

    expect(responses.map((response) => [response.statusCode, (JSON.parse(response.body ?? '{}') as { count?: number }).count])).toEqual([
      [200, 1],
      [200, 1],
    ]);
    expect((await mailbox()).slice(before).map((email) => email.destination.to)).toEqual([['servicedesk@hdo.example']]);
  });

  it.each(HANDLER_NAMES)('%s, at work, asks DynamoDB only what its IAM policy allows', (handler) => {
    const calls = tableCalls.get(handler) ?? [];

    const denied = calls.filter((call) => !tableCallAllowed(portal, handler, call));

    expect(calls.length).toBeGreaterThan(0);
    expect(denied).toEqual([]);
  });
});
