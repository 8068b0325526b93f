import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REPORT_TABLE } from '../../functions/adapters/report-table.ts';
import type { TableCall } from './table-policy.ts';

/**
 * A pass-through in front of a local DynamoDB that writes down every call as IAM authorizes it: the action, and the
 * item's partition key or the index queried. A transaction is authorized item by item (PutItem, UpdateItem,
 * DeleteItem, ConditionCheckItem; GetItem for reads), so it is written down that way; anything else (Scan,
 * BatchWriteItem, …) under its own name, with no key, so no key condition can allow it.
 */
export interface DynamoRecorder {
  endpoint: string;
  /** Calls since the last `take`, which clears them. */
  take(): TableCall[];
  stop(): Promise<void>;
}

type Item = Record<string, { S?: string }>;
interface Request {
  Key?: Item;
  Item?: Item;
  IndexName?: string;
  KeyConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Item;
  TransactItems?: Record<string, { Key?: Item; Item?: Item }>[];
}

const TRANSACT_ACTIONS: Record<string, string> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
  Get: 'GetItem',
};

const partitionKeyOf = (item: Item | undefined) => item?.[REPORT_TABLE.partitionKey]?.S;

/** The partition key a table query names: `pk = :value` (or `#name = :value`) in its key condition. */
function queriedPartitionKey(request: Request): string | undefined {
  for (const match of (request.KeyConditionExpression ?? '').matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
    const [, name = '', value = ''] = match;
    if ((request.ExpressionAttributeNames?.[name] ?? name) === REPORT_TABLE.partitionKey) return request.ExpressionAttributeValues?.[value]?.S;
  }
  return undefined;
}

export function callsOf(operation: string, request: Request): TableCall[] {
  const action = `dynamodb:${operation}`;
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems') {
    return (request.TransactItems ?? []).flatMap((entry) =>
      Object.entries(entry).map(([kind, part]) => ({
        action: `dynamodb:${TRANSACT_ACTIONS[kind] ?? kind}`,
        partitionKey: partitionKeyOf(part.Key ?? part.Item),
      })),
    );
  }
  if (operation === 'Query' && !request.IndexName) {
    // A query on the table itself is authorized by its partition key (dynamodb:LeadingKeys), as an item call is.
    const partitionKey = queriedPartitionKey(request);
    return [{ action, ...(partitionKey === undefined ? {} : { partitionKey }) }];
  }
  if (operation === 'Query' || operation === 'Scan') return [{ action, ...(request.IndexName ? { index: request.IndexName } : {}) }];
  const partitionKey = partitionKeyOf(request.Key ?? request.Item);
  return [{ action, ...(partitionKey === undefined ? {} : { partitionKey }) }];
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startDynamoRecorder(target: string): Promise<DynamoRecorder> {
  let calls: TableCall[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const body = await bodyOf(request);
      const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      calls.push(...callsOf(operation, JSON.parse(body.toString('utf8') || '{}') as Request));
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name)),
      ) as Record<string, string>;
      const answer = await fetch(target, { method: request.method ?? 'POST', headers, body: new Uint8Array(body) });
      // fetch has already undone any transfer or content encoding: let Node frame the body again.
      const answerHeaders = Object.fromEntries(
        [...answer.headers].filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)),
      );
      response.writeHead(answer.status, answerHeaders).end(Buffer.from(await answer.arrayBuffer()));
    })().catch((error: unknown) => response.writeHead(502).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take() {
      const taken = calls;
      calls = [];
      return taken;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
