import { parseArgs } from 'node:util';
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { PRIORITIES, type Priority } from '../../functions/core/priority.ts';
import { formatStatsCsv, formatStatsTable, tallyReports } from '../../functions/core/stats.ts';

/**
 * `npm run stats [-- --csv] [-- --aws --table NAME]`: reports per service × priority × ISO week, from the local
 * table (npm start must be running) or, with --aws and AWS credentials, from the deployed one.
 */
const { values } = parseArgs({
  options: {
    csv: { type: 'boolean', default: false },
    aws: { type: 'boolean', default: false },
    table: { type: 'string', default: 'serviceportal-reports' },
    endpoint: { type: 'string', default: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? '8000'}` },
    region: { type: 'string', default: process.env.AWS_REGION ?? 'eu-north-1' },
  },
});

const client = values.aws
  ? new DynamoDBClient({ region: values.region })
  : new DynamoDBClient({ region: values.region, endpoint: values.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

const reports: { serviceId: string; priority: Priority; receivedAt: string }[] = [];
const now = Date.now() / 1000;
try {
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: values.table,
        FilterExpression: 'begins_with(pk, :report)',
        ProjectionExpression: 'serviceId, priority, receivedAt, expiresAt',
        ExpressionAttributeValues: { ':report': { S: 'REPORT#' } },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of (page.Items ?? []).map((raw) => unmarshall(raw))) {
      // Expired reports are gone for every purpose, statistics included, even before TTL removes them.
      if (typeof item.expiresAt === 'number' && item.expiresAt <= now) continue;
      if (PRIORITIES.includes(item.priority)) reports.push({ serviceId: String(item.serviceId), priority: item.priority, receivedAt: String(item.receivedAt) });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
} catch (error) {
  const where = values.aws ? `tabellen ${values.table} i AWS (${values.region})` : `${values.endpoint}: kjører «npm start»?`;
  console.error(`Fikk ikke lest meldingene fra ${where}\n${(error as Error).message}`);
  process.exit(1);
}

const rows = tallyReports(reports);
console.log(values.csv ? formatStatsCsv(rows) : formatStatsTable(rows));
