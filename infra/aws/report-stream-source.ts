import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { REPORT_STREAM_SOURCE } from '../wiring.ts';

/**
 * The reports table's stream as the router's event source, with the settings the local wiring also uses.
 * A batch that still fails after the retries is reported to a dead-letter queue, so the shard moves on.
 */
export function reportStreamSource(scope: Construct, table: ITableV2): { source: DynamoEventSource; deadLetters: Queue } {
  // The queue receives where the failed batch sits in the stream, not the reports: the stream keeps
  // records for 24 hours, which is how long there is to replay them.
  const deadLetters = new Queue(scope, 'ReportStreamDeadLetters', {
    enforceSSL: true,
    encryption: QueueEncryption.SQS_MANAGED,
    retentionPeriod: Duration.days(14),
  });

  const source = new DynamoEventSource(table, {
    startingPosition: StartingPosition.TRIM_HORIZON,
    batchSize: REPORT_STREAM_SOURCE.batchSize,
    retryAttempts: REPORT_STREAM_SOURCE.retryAttempts,
    bisectBatchOnError: true,
    reportBatchItemFailures: true,
    filters: [
      FilterCriteria.filter({
        eventName: FilterRule.or(...REPORT_STREAM_SOURCE.eventNames),
        dynamodb: { Keys: { [REPORT_STREAM_SOURCE.keyPrefix.attribute]: { S: FilterRule.beginsWith(REPORT_STREAM_SOURCE.keyPrefix.prefix) } } },
      }),
    ],
    onFailure: new SqsDlq(deadLetters),
  });
  return { source, deadLetters };
}
