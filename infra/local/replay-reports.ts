import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { REPORT_TABLE } from '../../functions/adapters/report-table.ts';
import type { StreamEventSource } from './event-source.ts';
import { streamRecord } from './stream-records.ts';

/**
 * DynamoDB keeps stream records for 24 hours, so a report stored just before the routers stopped is still routed
 * and published. Locally the stream lives in memory: on start, one scan hands the router every report not yet
 * routed (as INSERT) and the publisher every report (as MODIFY; it does nothing for one whose events are all
 * published, handlers/publish-case-events.ts reads that from the image).
 */
export async function replayReports(
  client: DynamoDBClient,
  tableName: string,
  region: string,
  router: StreamEventSource,
  publisher: StreamEventSource,
): Promise<void> {
  const tableArn = `arn:aws:dynamodb:${region}:000000000000:table/${tableName}`;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'begins_with(pk, :report)',
        ExpressionAttributeValues: { ':report': { S: 'REPORT#' } },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const keys = Object.fromEntries([REPORT_TABLE.partitionKey, REPORT_TABLE.sortKey].map((name) => [name, item[name]!]));
      if (item.routing?.M?.status?.S === 'pending') router.push(streamRecord({ tableArn, region, eventName: 'INSERT', keys, newImage: item }));
      publisher.push(streamRecord({ tableArn, region, eventName: 'MODIFY', keys, newImage: item }));
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}
