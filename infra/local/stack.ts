import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { REPOSITORY_ROOT } from '../repository.ts';
import {
  API_ROUTES,
  API_THROTTLING,
  CASE_EVENT_STREAM_SOURCE,
  CATALOG_DIR_NAME,
  NOTICE_MAIL_QUEUE,
  noticeMailsPerSender,
  NOTICES_PUBLICATION,
  REPORT_STREAM_SOURCE,
  SCHEDULES,
  STREAM_SOURCES,
  type StreamSource,
} from '../wiring.ts';
import { serveApiRequest, tokenBucket, type ApiHandler, type ApiRoute } from './api-gateway.ts';
import { startLocalDynamo, LOCAL_CREDENTIALS } from './dynamodb.ts';
import { StreamEventSource, type StreamHandler } from './event-source.ts';
import { asForwardedByCloudFront } from './cloudfront.ts';
import { loadHandler } from './load-handler.ts';
import { localSecrets } from './local-secrets.ts';
import { watchNoticesDocument, type NoticesWatch, type PublicationHandler } from './notices-watch.ts';
import { startLocalSes } from './ses.ts';
import { startLocalQueue, type QueueHandler } from './sqs.ts';
import { replayReports } from './replay-reports.ts';

export interface LocalStackOptions {
  host: string;
  /** 0 picks a free port. */
  dynamodbPort: number;
  sesPort: number;
  dataDir: string;
  region?: string;
  tableName?: string;
  mailFrom?: string;
  /** First wait before a failed stream batch is retried; doubles each time (tests shorten it). */
  streamRetryDelayMs?: number;
  /** Where the site is, for the links in e-mails. */
  siteUrl?: string;
  /** The built site, whose pages for browsers without JavaScript the API fills in (PAGES_DIR). */
  siteDir: string;
  /** Further handler settings, e.g. RATE_LIMIT_PER_MINUTE (tests and drills). */
  environment?: Record<string, string>;
  /** The stage throttling API Gateway applies; the deployed values unless a test or drill needs more. */
  apiThrottling?: { rateLimit: number; burstLimit: number };
  /** Recipients the SES emulator refuses with MessageRejected from the start (a drill's unreachable team). */
  sesRejectRecipients?: readonly string[];
  /** Wait before a failed notice e-mail is offered again (the queue's visibility timeout); tests shorten it. */
  queueRetryDelayMs?: number;
  /**
   * The directory that plays the site's bucket for notices (where the publish script writes meldinger.json); the
   * built site unless a test publishes into a folder of its own.
   */
  noticesBucketDir?: string;
  /** How often the notices document in the site directory is looked at; tests call noticesSettled() instead. */
  noticesWatchIntervalMs?: number;
}

export interface LocalStack {
  dynamodbEndpoint: string;
  sesEndpoint: string;
  tableName: string;
  dynamodb: DynamoDBClient;
  /** Answers a request under /api the way API Gateway and the Lambda function would. */
  handleApi(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** Resolves when every stream record so far has reached the router. */
  streamIdle(): Promise<void>;
  /** Runs a scheduled handler now, as its EventBridge rule would (it also runs on its schedule). */
  runScheduled(name: (typeof SCHEDULES)[number]['handler']): Promise<unknown>;
  /**
   * Resolves once the notices document in the site directory, as it is now, has been announced (if it changed) and
   * every notice e-mail queued so far has been sent or set aside: the state a test waits for after publishing.
   */
  noticesSettled(): Promise<void>;
  /** The notice e-mails' queue, as SQS's console would show it. */
  noticeMailQueue: { url: string; readonly busy: boolean; idle(): Promise<void> };
  /** Fault injection for tests and drills: take the SES emulator away and bring it back on the same port. */
  stopMail(): Promise<void>;
  restartMail(): Promise<void>;
  /** Fault injection: from now on SES refuses these recipients for good (MessageRejected); empty to refuse none. */
  rejectMailTo(addresses: readonly string[]): void;
  /** Fault injection: close dynalite and open it again on the same port and data dir after `downtimeMs`. */
  restartDatabase(downtimeMs?: number): Promise<void>;
  stop(): Promise<void>;
}

let coldStarts = 0;

/** The local stand-in for the site's bucket name in the S3 notification the announcer gets. */
export const LOCAL_SITE_BUCKET = 'local-site';
/** Notice e-mails that failed every attempt, as the dead-letter queue would keep them. */
export const NOTICE_MAIL_DEAD_LETTERS_FILE = 'notice-mail-dead-letters.jsonl';

/** The case events' outbox in the data folder: one JSON line per published event (functions/core/case-events.ts). */
export const CASE_EVENTS_OUTBOX_FILE = 'case-events.jsonl';

/**
 * The AWS side of the portal on this machine: DynamoDB (dynalite) with an emulated stream, SES
 * (aws-ses-v2-local), and the very handler modules the CDK app deploys, configured through the same
 * environment variables.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const region = options.region ?? 'eu-north-1';
  const tableName = options.tableName ?? 'serviceportal-reports';
  const ses = await startLocalSes({
    host: options.host,
    port: options.sesPort,
    ...(options.sesRejectRecipients ? { rejectRecipients: options.sesRejectRecipients } : {}),
  });

  let source: StreamEventSource | undefined;
  let publisherSource: StreamEventSource | undefined;
  const pending: DynamoDBRecord[] = [];
  const dynamo = await startLocalDynamo({
    host: options.host,
    port: options.dynamodbPort,
    region,
    dataDir: join(options.dataDir, 'dynamodb'),
    tableName,
    // Every consumer gets every record, as each event source mapping reads the whole stream; each keeps what its
    // filter takes (event-source.ts). The proxy builds only records some consumer's filter takes.
    onStreamRecord: (record) => {
      if (!source || !publisherSource) return void pending.push(record);
      source.push(record);
      publisherSource.push(record);
    },
    streamFilter: { eventNames: [...new Set(STREAM_SOURCES.flatMap((consumer) => consumer.eventNames))], keyPrefix: REPORT_STREAM_SOURCE.keyPrefix },
  }).catch(async (error: unknown) => {
    await ses.stop();
    throw error;
  });

  // The notice e-mails' queue is created before the handlers (its URL is their configuration); its consumer is
  // attached once the handler module is loaded, below.
  let noticeMailHandler: QueueHandler | undefined;
  const queue = await startLocalQueue({
    host: options.host,
    port: 0,
    queueName: 'serviceportal-notice-mail',
    region,
    handler: (event) => (noticeMailHandler ? noticeMailHandler(event) : Promise.reject(new Error('sendNoticeMail is not loaded yet'))),
    batchSize: NOTICE_MAIL_QUEUE.batchSize,
    maxConcurrency: NOTICE_MAIL_QUEUE.maxConcurrency,
    maxReceiveCount: NOTICE_MAIL_QUEUE.maxReceiveCount,
    deadLetterFile: join(options.dataDir, NOTICE_MAIL_DEAD_LETTERS_FILE),
    ...(options.queueRetryDelayMs === undefined ? {} : { retryDelayMs: options.queueRetryDelayMs }),
  });

  const secrets = { ...localSecrets(options.dataDir), ...options.environment };
  Object.assign(process.env, {
    ...secrets,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SES: ses.endpoint,
    TABLE_NAME: tableName,
    CATALOG_DIR: join(REPOSITORY_ROOT, CATALOG_DIR_NAME),
    PAGES_DIR: options.siteDir,
    MAIL_FROM: options.mailFrom ?? 'serviceportal@hdo.example',
    SITE_URL: options.siteUrl ?? 'http://localhost:4321',
    // Case events: a JSONL outbox in the data folder (and a webhook if CASE_EVENTS_WEBHOOK_URL is set), not a bus.
    CASE_EVENTS_OUTBOX: join(options.dataDir, CASE_EVENTS_OUTBOX_FILE),
    // Notices: the queue stand-in, and the site directory standing in for the site's bucket.
    AWS_ENDPOINT_URL_SQS: queue.endpoint,
    NOTICE_MAIL_QUEUE_URL: queue.url,
    SITE_BUCKET_DIR: options.noticesBucketDir ?? options.siteDir,
    NOTICE_MAILS_PER_SECOND: String(noticeMailsPerSender()),
    ...options.environment,
  });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;

  coldStarts += 1;
  const streamSource = async (consumer: StreamSource, deadLetterFile: string) =>
    new StreamEventSource({
      handler: await loadHandler<StreamHandler>(consumer.handler, coldStarts),
      eventNames: consumer.eventNames,
      keyPrefix: consumer.keyPrefix,
      batchSize: consumer.batchSize,
      retryAttempts: consumer.retryAttempts,
      deadLetterFile: join(options.dataDir, deadLetterFile),
      ...(options.streamRetryDelayMs === undefined ? {} : { retryDelayMs: options.streamRetryDelayMs }),
    });
  source = await streamSource(REPORT_STREAM_SOURCE, 'stream-dead-letters.jsonl');
  publisherSource = await streamSource(CASE_EVENT_STREAM_SOURCE, 'case-event-dead-letters.jsonl');
  for (const record of pending.splice(0)) {
    source.push(record);
    publisherSource.push(record);
  }
  await replayReports(dynamo.client, tableName, region, source, publisherSource);

  const routes: ApiRoute[] = await Promise.all(
    API_ROUTES.map(async (route) => ({ method: route.method, path: route.path, invoke: await loadHandler<ApiHandler>(route.handler, coldStarts) })),
  );

  const scheduled = new Map(
    await Promise.all(SCHEDULES.map(async (schedule) => [schedule.handler, await loadHandler<() => Promise<unknown>>(schedule.handler, coldStarts)] as const)),
  );
  const timers = SCHEDULES.map((schedule) =>
    setInterval(() => {
      scheduled
        .get(schedule.handler)?.()
        .catch((error: unknown) => console.error(`${schedule.handler} feilet:`, error));
    }, schedule.everyMinutes * 60_000).unref(),
  );
  noticeMailHandler = await loadHandler<QueueHandler>(NOTICE_MAIL_QUEUE.handler, coldStarts);
  const announce = await loadHandler<PublicationHandler>(NOTICES_PUBLICATION.handler, coldStarts);
  const notices: NoticesWatch = watchNoticesDocument({
    siteDir: options.noticesBucketDir ?? options.siteDir,
    objectKey: NOTICES_PUBLICATION.objectKey,
    bucket: LOCAL_SITE_BUCKET,
    region,
    handler: announce,
    ...(options.noticesWatchIntervalMs === undefined ? {} : { intervalMs: options.noticesWatchIntervalMs }),
  });

  const throttle = tokenBucket(options.apiThrottling ?? API_THROTTLING);
  const eventSource = source;
  const caseEventSource = publisherSource;
  return {
    dynamodbEndpoint: dynamo.endpoint,
    sesEndpoint: ses.endpoint,
    tableName,
    dynamodb: dynamo.client,
    handleApi: (request, response) => {
      asForwardedByCloudFront(request, secrets.ORIGIN_VERIFY_SECRET);
      return serveApiRequest(request, response, routes, throttle);
    },
    // The publisher's records cause records of their own (what it recorded): idle only once neither has work.
    async streamIdle() {
      do {
        await eventSource.idle();
        await caseEventSource.idle();
      } while (eventSource.busy || caseEventSource.busy);
    },
    async noticesSettled() {
      await notices.settle();
      await queue.idle();
    },
    noticeMailQueue: queue,
    runScheduled: (name) => {
      const run = scheduled.get(name);
      if (!run) throw new Error(`Ingen planlagt handler heter ${name}.`);
      return run();
    },
    stopMail: () => ses.stop(),
    restartMail: () => ses.restart(),
    rejectMailTo: (addresses) => ses.rejectRecipients(addresses),
    restartDatabase: (downtimeMs) => dynamo.restartDatabase(downtimeMs),
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await notices.stop();
      await queue.stop();
      await eventSource.stop();
      await caseEventSource.stop();
      await dynamo.stop();
      await ses.stop();
    },
  };
}
