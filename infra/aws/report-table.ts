import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { REPORT_TABLE, REPORT_TABLE_INDEXES } from '../../functions/adapters/report-table.ts';

/** The reports table. In production it survives `cdk destroy` and cannot be deleted by accident. */
export function createReportTable(scope: Construct, production: boolean): TableV2 {
  return new TableV2(scope, 'Reports', {
    partitionKey: { name: REPORT_TABLE.partitionKey, type: AttributeType.STRING },
    sortKey: { name: REPORT_TABLE.sortKey, type: AttributeType.STRING },
    billing: Billing.onDemand(),
    // The AWS-managed key (aws/dynamodb) rather than the default AWS-owned one: its use shows in CloudTrail.
    encryption: TableEncryptionV2.awsManagedKey(),
    timeToLiveAttribute: REPORT_TABLE.timeToLiveAttribute,
    dynamoStream: StreamViewType.NEW_IMAGE,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: production,
    removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    globalSecondaryIndexes: REPORT_TABLE_INDEXES.map((index) => ({
      indexName: index.indexName,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType[index.projection],
    })),
  });
}
