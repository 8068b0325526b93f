import { parseArgs } from 'node:util';
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { formatStatesCsv, formatStatesTable, formatStatsCsv, formatStatsTable, tallyReports, tallyStates } from '../../functions/core/stats.ts';
import { renderStatsHtml } from '../../functions/core/stats-html.ts';
import { statsReportFromItem, summariseStats, type StatsReport } from '../../functions/core/stats-report.ts';
import { REPOSITORY_ROOT } from '../repository.ts';
import { statsWordsOf } from './stats-words.ts';

/**
 * `npm run stats [-- --csv [--states]] [-- --html [--out FILE]] [-- --aws --table NAME]`: reports per service ×
 * priority × ISO week, and reports by where their case is at the desk now, from the local table (npm start must be
 * running) or, with --aws and AWS credentials, from the deployed one. The table shows both; CSV one at a time
 * (--states for the second). --html writes one self-contained HTML file in bokmål instead (core/stats-html.ts):
 * per month, the median times to registered and solved, clusters of reports, and the states.
 */
const { values } = parseArgs({
  options: {
    csv: { type: 'boolean', default: false },
    states: { type: 'boolean', default: false },
    html: { type: 'boolean', default: false },
    out: { type: 'string', default: 'serviceportal-statistikk.html' },
    aws: { type: 'boolean', default: false },
    table: { type: 'string', default: 'serviceportal-reports' },
    endpoint: { type: 'string', default: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? '8000'}` },
    region: { type: 'string', default: process.env.AWS_REGION ?? 'eu-north-1' },
  },
});

const client = values.aws
  ? new DynamoDBClient({ region: values.region })
  : new DynamoDBClient({ region: values.region, endpoint: values.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

const reports: StatsReport[] = [];
const now = new Date();
try {
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: values.table,
        FilterExpression: 'begins_with(pk, :report)',
        // Only what the statistics show: no summary, description, name, phone or e-mail (core/stats-report.ts).
        ProjectionExpression:
          'pk, #reference, serviceId, priority, receivedAt, expiresAt, #life, #contact.#organisation, #answers.#controlRoom, #answers.#location',
        ExpressionAttributeNames: {
          '#reference': 'reference',
          '#life': 'life',
          '#contact': 'contact',
          '#organisation': 'organisation',
          '#answers': 'answers',
          '#controlRoom': 'controlRoom',
          '#location': 'location',
        },
        ExpressionAttributeValues: { ':report': { S: 'REPORT#' } },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of (page.Items ?? []).map((raw) => unmarshall(raw))) {
      // Expired reports are gone for every purpose, statistics included, even before TTL removes them.
      const report = statsReportFromItem(item, now.getTime() / 1000);
      if (report) reports.push(report);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
} catch (error) {
  const where = values.aws ? `tabellen ${values.table} i AWS (${values.region})` : `${values.endpoint}: kjører «npm start»?`;
  console.error(`Fikk ikke lest meldingene fra ${where}\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// The names are the editors' words (content/), as the desk and the reporter read them.
const words = statsWordsOf(loadCatalog(join(REPOSITORY_ROOT, 'content')));

if (values.html) {
  // npm runs scripts in the repository root; a relative path is taken from where the command was typed (INIT_CWD).
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
  try {
    writeFileSync(file, renderStatsHtml(summariseStats(reports), words, now));
  } catch (error) {
    console.error(`Fikk ikke skrevet ${file}\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(`Skrev statistikken for ${reports.length} meldinger til ${file}`);
} else {
  const rows = tallyReports(reports);
  const stateRows = tallyStates(reports);
  if (values.csv) console.log(values.states ? formatStatesCsv(stateRows, words.states) : formatStatsCsv(rows));
  else
    console.log(
      rows.length === 0
        ? formatStatsTable(rows)
        : `${formatStatsTable(rows)}\n\nMeldingene etter hvor saken er nå:\n\n${formatStatesTable(stateRows, words.states)}`,
    );
}
