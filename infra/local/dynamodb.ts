import { mkdirSync } from 'node:fs';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { REPORT_TABLE, REPORT_TABLE_INDEXES } from '../../functions/adapters/report-table.ts';
import { startDynaliteThread } from './dynalite-thread.ts';
import { createStreamProxy } from './dynamodb-stream-proxy.ts';
import type { StreamFilter } from './stream-capture.ts';
import { closeServer, listen, portOf } from './servers.ts';

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface LocalDynamo {
  endpoint: string;
  client: DynamoDBClient;
  /**
   * Fault injection for drills: closes dynalite (its LevelDB is closed with it) and opens it again on the same
   * port and data, after `downtimeMs`. Clients keep talking to the proxy, which answers 500 while it is down.
   */
  restartDatabase(downtimeMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * DynamoDB on this machine: dynalite (persisted in `dataDir`, on a thread of its own) behind a proxy that adds the
 * table's stream. Clients talk to the proxy on `port`, exactly as they would talk to DynamoDB.
 */
export async function startLocalDynamo(options: {
  host: string;
  port: number;
  region: string;
  dataDir: string;
  tableName: string;
  onStreamRecord: (record: DynamoDBRecord) => void;
  /** The stream consumer's filter criteria; records outside them are not built. */
  streamFilter?: StreamFilter;
}): Promise<LocalDynamo> {
  mkdirSync(options.dataDir, { recursive: true });
  const database = await startDynaliteThread({ path: options.dataDir, host: options.host }).catch((error: unknown) => {
    throw new Error(`Fikk ikke startet dynalite med data i ${options.dataDir}. Kjører en annen «npm start» allerede?`, { cause: error });
  });
  const upstreamPort = database.port;
  const direct = new DynamoDBClient({ region: options.region, endpoint: `http://${options.host}:${upstreamPort}`, credentials: LOCAL_CREDENTIALS });
  const proxy = createStreamProxy({
    upstream: { host: options.host, port: upstreamPort },
    region: options.region,
    streams: { [options.tableName]: { emit: options.onStreamRecord, ...(options.streamFilter ? { filter: options.streamFilter } : {}) } },
  });
  try {
    await ensureReportTable(direct, options.tableName);
    await listen(proxy, options.host, options.port);
  } catch (error) {
    direct.destroy();
    await database.stop();
    throw error;
  }
  const endpoint = `http://${options.host}:${portOf(proxy)}`;
  const client = new DynamoDBClient({ region: options.region, endpoint, credentials: LOCAL_CREDENTIALS });

  return {
    endpoint,
    client,
    async restartDatabase(downtimeMs = 0) {
      await database.close();
      await new Promise((resolve) => setTimeout(resolve, downtimeMs));
      await database.open();
    },
    async stop() {
      client.destroy();
      await closeServer(proxy);
      direct.destroy();
      await database.stop();
    },
  };
}

/** Creates the reports table on first start, with the same keys as the CDK stack's table. */
async function ensureReportTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const { TableNames = [] } = await client.send(new ListTablesCommand({}));
  if (TableNames.includes(tableName)) return;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: REPORT_TABLE.partitionKey, AttributeType: 'S' },
        { AttributeName: REPORT_TABLE.sortKey, AttributeType: 'S' },
        ...REPORT_TABLE_INDEXES.flatMap((index) => [
          { AttributeName: index.partitionKey, AttributeType: 'S' as const },
          { AttributeName: index.sortKey, AttributeType: 'S' as const },
        ]),
      ],
      KeySchema: [
        { AttributeName: REPORT_TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: REPORT_TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: REPORT_TABLE_INDEXES.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
          { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: index.projection },
      })),
    }),
  );
  // dynalite answers CreateTable with CREATING and flips to ACTIVE on a timer; until then reads say the table is
  // missing. A second stack in the same process starts fast enough to hit that window.
  for (let attempt = 0; attempt < 100; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Tabellen ${tableName} ble ikke aktiv i dynalite.`);
}
