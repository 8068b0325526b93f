import { parseArgs } from 'node:util';
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { join } from 'node:path';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { PRIORITIES, type Priority } from '../../functions/core/priority.ts';
import { CASE_STATES, type CaseState } from '../../functions/core/report-life.ts';
import { formatStatesCsv, formatStatesTable, formatStatsCsv, formatStatsTable, tallyReports, tallyStates } from '../../functions/core/stats.ts';
import { REPOSITORY_ROOT } from '../repository.ts';

/**
 * `npm run stats [-- --csv [--states]] [-- --aws --table NAME]`: reports per service × priority × ISO week, and
 * reports by where their case is at the desk now, from the local table (npm start must be running) or, with --aws
 * and AWS credentials, from the deployed one. The table shows both; CSV one at a time (--states for the second).
 */
const { values } = parseArgs({
  options: {
    csv: { type: 'boolean', default: false },
    states: { type: 'boolean', default: false },
    aws: { type: 'boolean', default: false },
    table: { type: 'string', default: 'serviceportal-reports' },
    endpoint: { type: 'string', default: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? '8000'}` },
    region: { type: 'string', default: process.env.AWS_REGION ?? 'eu-north-1' },
  },
});

const client = values.aws
  ? new DynamoDBClient({ region: values.region })
  : new DynamoDBClient({ region: values.region, endpoint: values.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

const reports: { serviceId: string; priority: Priority; receivedAt: string; state: CaseState }[] = [];
const now = Date.now() / 1000;
try {
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: values.table,
        FilterExpression: 'begins_with(pk, :report)',
        ProjectionExpression: 'serviceId, priority, receivedAt, expiresAt, #life.#state',
        ExpressionAttributeNames: { '#life': 'life', '#state': 'state' },
        ExpressionAttributeValues: { ':report': { S: 'REPORT#' } },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of (page.Items ?? []).map((raw) => unmarshall(raw))) {
      // Expired reports are gone for every purpose, statistics included, even before TTL removes them.
      if (typeof item.expiresAt === 'number' && item.expiresAt <= now) continue;
      // A report stored before its life was kept, and never moved since, is received (core/stored-report.ts).
      const state: CaseState = CASE_STATES.includes(item.life?.state) ? item.life.state : 'received';
      if (PRIORITIES.includes(item.priority)) reports.push({ serviceId: String(item.serviceId), priority: item.priority, receivedAt: String(item.receivedAt), state });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
} catch (error) {
  const where = values.aws ? `tabellen ${values.table} i AWS (${values.region})` : `${values.endpoint}: kjører «npm start»?`;
  console.error(`Fikk ikke lest meldingene fra ${where}\n${(error as Error).message}`);
  process.exit(1);
}

const rows = tallyReports(reports);
const stateRows = tallyStates(reports);
// The states' labels are the editors' words (content/case-states.yaml), as the reporter reads them.
const { states } = loadCatalog(join(REPOSITORY_ROOT, 'content')).caseStates;
const labels = Object.fromEntries(CASE_STATES.map((state) => [state, states[state].label])) as Record<CaseState, string>;
if (values.csv) console.log(values.states ? formatStatesCsv(stateRows, labels) : formatStatsCsv(rows));
else console.log(rows.length === 0 ? formatStatsTable(rows) : `${formatStatsTable(rows)}\n\nMeldingene etter hvor saken er nå:\n\n${formatStatesTable(stateRows, labels)}`);
