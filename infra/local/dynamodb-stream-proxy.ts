import { createServer, type Server } from 'node:http';
import type { DynamoDBRecord } from 'aws-lambda';
import { readRequestBody } from './api-gateway.ts';
import { callDynalite, sendToDynalite, sendUpstreamResponse, type Upstream } from './dynalite-http.ts';
import { KeyQueue } from './key-queue.ts';
import { captureWrite, itemKey, keyPassesFilter, type StreamFilter, type WriteOperation } from './stream-capture.ts';
import { streamRecord, type Image } from './stream-records.ts';

const WRITE_OPERATIONS = new Set<string>(['PutItem', 'UpdateItem', 'DeleteItem'] satisfies WriteOperation[]);

export interface TableStream {
  emit(record: DynamoDBRecord): void;
  /** Records this filter drops are never built, so writes to keys outside it cost nothing extra. */
  filter?: StreamFilter;
}

export interface StreamProxyOptions {
  /** dynalite, where every request is forwarded. */
  upstream: Upstream;
  region: string;
  /** Tables that have a stream, and where their records go. */
  streams: Record<string, TableStream>;
}

/**
 * dynalite has no streams. This proxy sits where clients expect DynamoDB, forwards every request to dynalite,
 * and for each successful write to a table with a stream emits the record DynamoDB Streams would. Writes to the
 * same item wait for each other, so each record describes its own write and records keep the item's write order;
 * writes to different items run concurrently, as in DynamoDB.
 */
export function createStreamProxy(options: StreamProxyOptions): Server {
  const writesPerItem = new KeyQueue();
  const keyNames = new Map<string, Promise<string[]>>();

  const keyAttributes = (table: string) => {
    let names = keyNames.get(table);
    if (!names) {
      names = callDynalite(options.upstream, 'DescribeTable', { TableName: table }).then((result) =>
        ((result.Table as { KeySchema?: { AttributeName: string }[] } | undefined)?.KeySchema ?? []).map((key) => key.AttributeName),
      );
      names.catch(() => keyNames.delete(table));
      keyNames.set(table, names);
    }
    return names;
  };

  const captureAndEmit = async (
    table: string,
    stream: TableStream,
    operation: WriteOperation,
    payload: Record<string, unknown>,
    key: Image,
    send: (body: Buffer) => ReturnType<typeof sendToDynalite>,
  ) => {
    const captured = await captureWrite({
      operation,
      payload,
      filter: stream.filter,
      send,
      readItem: async () => (await callDynalite(options.upstream, 'GetItem', { TableName: table, Key: key, ConsistentRead: true })).Item as Image | undefined,
    });
    if (captured.change) {
      const tableArn = `arn:aws:dynamodb:${options.region}:000000000000:table/${table}`;
      stream.emit(streamRecord({ tableArn, region: options.region, keys: key, ...captured.change }));
    }
    return captured;
  };

  // The handler catches its own failures (answering 500), so the promise it returns never rejects.
  return createServer((request, response) => {
    void (async () => {
      try {
        const body = await readRequestBody(request, 16 * 1024 * 1024);
        if (body === 'too-large') {
          response.writeHead(413).end();
          return;
        }
        const send = (forwarded: Buffer) =>
          sendToDynalite(options.upstream, { method: request.method ?? 'POST', path: request.url ?? '/', headers: request.headers, body: forwarded });
        const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
        const payload = WRITE_OPERATIONS.has(operation) ? safeJson(body) : undefined;
        const table = typeof payload?.TableName === 'string' ? payload.TableName : undefined;
        const stream = table ? options.streams[table] : undefined;
        const key = payload && table && stream ? itemKey(await keyAttributes(table), operation as WriteOperation, payload) : undefined;
        if (!payload || !table || !stream || !key || !keyPassesFilter(stream.filter, key)) {
          sendUpstreamResponse(response, await send(body));
          return;
        }
        const itemId = `${table}\u0000${JSON.stringify(key)}`;
        const captured = await writesPerItem.run(itemId, () => captureAndEmit(table, stream, operation as WriteOperation, payload, key, send));
        sendUpstreamResponse(response, captured.upstream, captured.rewrittenBody);
      } catch (error) {
        console.error('DynamoDB-proxyen nådde ikke dynalite:', error);
        response
          .writeHead(500, { 'content-type': 'application/x-amz-json-1.0' })
          .end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Local DynamoDB proxy failed' }));
      }
    })();
  });
}

function safeJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
