import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DescribeTableCommand, GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { readRequestBody } from './api-gateway.ts';
import { eventNameFor, streamRecord, type Image } from './stream-records.ts';

const WRITE_OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem']);

export interface StreamProxyOptions {
  /** dynalite, where every request is forwarded. */
  upstream: { host: string; port: number };
  /** A client talking to dynalite directly, used to read the item before and after each write. */
  client: DynamoDBClient;
  region: string;
  /** Tables that have a stream, and where their records go. */
  streams: Record<string, (record: DynamoDBRecord) => void>;
}

/**
 * dynalite has no streams. This proxy sits where clients expect DynamoDB, forwards every request to dynalite
 * unchanged, and for each successful write to a table with a stream emits the record DynamoDB Streams would.
 * Writes to such tables are serialised so that the old and new images read around a write belong to it.
 */
export function createStreamProxy(options: StreamProxyOptions): Server {
  let writeQueue: Promise<unknown> = Promise.resolve();
  const keyNames = new Map<string, Promise<string[]>>();

  const keyAttributes = (table: string) => {
    let names = keyNames.get(table);
    if (!names) {
      names = options.client
        .send(new DescribeTableCommand({ TableName: table }))
        .then((result) => (result.Table?.KeySchema ?? []).map((key) => key.AttributeName ?? ''));
      names.catch(() => keyNames.delete(table));
      keyNames.set(table, names);
    }
    return names;
  };

  const readImage = async (table: string, key: Image) =>
    (await options.client.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

  const enqueueWrite = (
    operation: string,
    payload: Record<string, unknown>,
    table: string,
    emit: (record: DynamoDBRecord) => void,
    send: () => Promise<UpstreamResponse>,
  ): Promise<UpstreamResponse> => {
    const write = writeQueue.then(async () => {
      const names = await keyAttributes(table);
      const source = (operation === 'PutItem' ? payload.Item : payload.Key) as Image | undefined;
      const key = Object.fromEntries(names.filter((n) => source?.[n]).map((n) => [n, source?.[n]])) as Image;
      const complete = names.length > 0 && Object.keys(key).length === names.length;
      const oldImage = complete ? await readImage(table, key) : undefined;
      const upstream = await send();
      if (complete && upstream.status === 200) {
        const newImage = await readImage(table, key);
        const eventName = eventNameFor(oldImage, newImage);
        if (eventName) {
          const tableArn = `arn:aws:dynamodb:${options.region}:000000000000:table/${table}`;
          emit(streamRecord({ tableArn, region: options.region, eventName, keys: key, ...(newImage ? { newImage } : {}) }));
        }
      }
      return upstream;
    });
    writeQueue = write.catch(() => undefined);
    return write;
  };

  return createServer(async (request, response) => {
    const body = await readRequestBody(request, 16 * 1024 * 1024);
    if (body === 'too-large') {
      response.writeHead(413).end();
      return;
    }
    const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const payload = WRITE_OPERATIONS.has(operation) ? safeJson(body) : undefined;
    const table = typeof payload?.TableName === 'string' ? payload.TableName : undefined;
    const emit = table ? options.streams[table] : undefined;

    const result = payload && table && emit ? enqueueWrite(operation, payload, table, emit, () => forward(options.upstream, request, body)) : forward(options.upstream, request, body);
    try {
      (await result).send(response);
    } catch (error) {
      console.error('DynamoDB-proxyen nådde ikke dynalite:', error);
      response.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Local DynamoDB proxy failed' }));
    }
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

interface UpstreamResponse {
  status: number;
  send(response: ServerResponse): void;
}

function forward(upstream: { host: string; port: number }, request: IncomingMessage, body: Buffer): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: upstream.host, port: upstream.port, method: request.method, path: request.url, headers: request.headers },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 500,
            send: (response) => response.writeHead(incoming.statusCode ?? 500, incoming.headers).end(Buffer.concat(chunks)),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
