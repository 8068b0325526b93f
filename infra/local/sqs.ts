import { createHash, randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { closeServer, listen, portOf } from './servers.ts';

export type QueueHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

export interface LocalQueueOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  queueName: string;
  region: string;
  handler: QueueHandler;
  /** As the event source mapping's: messages per invocation, and invocations at once. */
  batchSize: number;
  maxConcurrency: number;
  /** A message handed back this many times goes to the dead-letter file, as SQS's redrive policy moves it. */
  maxReceiveCount: number;
  deadLetterFile: string;
  /** Wait before a failed message is offered again (SQS: the visibility timeout); tests shorten it. */
  retryDelayMs?: number;
}

export interface LocalQueue {
  /** The queue's URL, for NOTICE_MAIL_QUEUE_URL; the SQS client sends to its origin. */
  url: string;
  endpoint: string;
  /** Resolves once every message sent so far has been handled or dead-lettered. */
  idle(): Promise<void>;
  readonly busy: boolean;
  stop(): Promise<void>;
}

interface Message {
  id: string;
  body: string;
  receiveCount: number;
  sentAt: number;
}

/**
 * SQS and its Lambda event source mapping on this machine. The server speaks the part of the SQS JSON protocol the
 * announcer's adapter uses (SendMessageBatch, SendMessage), so the real SQS client runs against it; received
 * messages go to the consumer in batches of `batchSize`, at most `maxConcurrency` at once, partial batch failures
 * handed back after `retryDelayMs`, and dead-lettered after `maxReceiveCount` receives. The consumer paces itself
 * (core/notice-mail.ts), as in AWS. Messages live in memory: a stop loses what was queued, which SQS would keep.
 */
export async function startLocalQueue(options: LocalQueueOptions): Promise<LocalQueue> {
  const waiting: Message[] = [];
  let inFlight = 0;
  let delayed = 0;
  let stopped = false;
  const idleWaiters: (() => void)[] = [];
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const queueArn = `arn:aws:sqs:${options.region}:000000000000:${options.queueName}`;

  const isIdle = () => waiting.length === 0 && inFlight === 0 && delayed === 0;
  const settle = () => {
    if (isIdle()) for (const resolve of idleWaiters.splice(0)) resolve();
  };

  function pump(): void {
    while (!stopped && inFlight < options.maxConcurrency && waiting.length > 0) {
      const batch = waiting.splice(0, options.batchSize);
      inFlight += 1;
      void invoke(batch).finally(() => {
        inFlight -= 1;
        pump();
        settle();
      });
    }
  }

  async function invoke(batch: Message[]): Promise<void> {
    for (const message of batch) message.receiveCount += 1;
    let failed: Set<string>;
    try {
      const response = await options.handler({ Records: batch.map((message) => record(message, queueArn, options.region)) });
      failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch (error) {
      // A thrown invocation fails the whole batch, as in AWS.
      console.error(`${options.queueName}: the consumer failed:`, error);
      failed = new Set(batch.map((message) => message.id));
    }
    for (const message of batch.filter((candidate) => failed.has(candidate.id))) {
      if (message.receiveCount >= options.maxReceiveCount) {
        await appendFile(options.deadLetterFile, `${JSON.stringify({ messageId: message.id, body: message.body, receiveCount: message.receiveCount })}\n`);
        continue;
      }
      delayed += 1;
      setTimeout(() => {
        delayed -= 1;
        waiting.push(message);
        pump();
        settle();
      }, retryDelayMs).unref();
    }
  }

  function accept(body: string): Message {
    const message: Message = { id: randomUUID(), body, receiveCount: 0, sentAt: Date.now() };
    waiting.push(message);
    return message;
  }

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const answer = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(body));
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        answer(400, { __type: 'com.amazon.coral.service#SerializationException', message: 'Not JSON' });
        return;
      }
      const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
      if (target === 'AmazonSQS.SendMessageBatch') {
        const entries = (input.Entries ?? []) as { Id: string; MessageBody: string }[];
        const successful = entries.map((entry) => ({ Id: entry.Id, MessageId: accept(entry.MessageBody).id, MD5OfMessageBody: md5(entry.MessageBody) }));
        answer(200, { Successful: successful, Failed: [] });
        pump();
        return;
      }
      if (target === 'AmazonSQS.SendMessage') {
        const body = String(input.MessageBody ?? '');
        answer(200, { MessageId: accept(body).id, MD5OfMessageBody: md5(body) });
        pump();
        return;
      }
      answer(400, { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: `${target} is not emulated locally` });
    });
  });
  await listen(server, options.host, options.port);
  const endpoint = `http://${options.host}:${portOf(server)}`;
  return {
    url: `${endpoint}/000000000000/${options.queueName}`,
    endpoint,
    get busy() {
      return !isIdle();
    },
    idle: () => (isIdle() ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    async stop() {
      stopped = true;
      await closeServer(server);
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}

function record(message: Message, queueArn: string, region: string): SQSRecord {
  return {
    messageId: message.id,
    receiptHandle: message.id,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(message.sentAt),
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(message.body, 'utf8').digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}
