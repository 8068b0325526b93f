import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { newReportItem, parseReportItem } from '../../functions/adapters/dynamodb-report-items.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

/** Report items written past the API, for the tests and the drill that need what the API would refuse. */

/**
 * Writes a copy of a stored report straight into the table, as a new report waiting to be routed (keys and indexes
 * as the submit function stores them), with its own reference and time received; `changes` are laid over the item
 * last, so they may be what no version of the API would store (an unknown schema version, a broken text). The
 * stream hands it to the router like any other. Returns its reference.
 */
export async function writeReportCopy(
  stack: LocalStack,
  template: Record<string, unknown>,
  copy: { reference: string; receivedAt: string; changes?: Record<string, unknown> },
): Promise<string> {
  const report = parseReportItem(marshall(template, { removeUndefinedValues: true, convertClassInstanceToMap: true }));
  const item = {
    ...newReportItem({ ...report, reference: copy.reference, receivedAt: copy.receivedAt, routing: { status: 'pending' } }),
    ...copy.changes,
  };
  await stack.dynamodb.send(
    new PutItemCommand({ TableName: stack.tableName, Item: marshall(item, { removeUndefinedValues: true }), ConditionExpression: 'attribute_not_exists(pk)' }),
  );
  return copy.reference;
}
