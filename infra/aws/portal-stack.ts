import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { REPORT_TABLE } from '../../functions/adapters/report-table.ts';
import { REPORT_STREAM_SOURCE, type HandlerName } from '../wiring.ts';
import { CONFIG_CONTEXT_KEY, readPortalConfig } from './config.ts';
import { createPortalApi } from './portal-api.ts';
import { PortalFunction } from './portal-function.ts';
import { reportStreamSource } from './report-stream-source.ts';

/** The portal's back end: the reports table, the two handlers, the HTTP API and the SES sender. */
export class PortalStack extends Stack {
  readonly functions: Record<HandlerName, PortalFunction>;
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const config = readPortalConfig(this.node.tryGetContext(CONFIG_CONTEXT_KEY));

    this.table = new TableV2(this, 'Reports', {
      partitionKey: { name: REPORT_TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: REPORT_TABLE.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      timeToLiveAttribute: REPORT_TABLE.timeToLiveAttribute,
      dynamoStream: StreamViewType.NEW_IMAGE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });

    // A domain identity, so any address at the domain can send and SES signs with DKIM.
    const mailSender = new EmailIdentity(this, 'MailSender', { identity: Identity.domain(domainOf(config.mailFrom)) });

    const submitReport = new PortalFunction(this, 'SubmitReport', {
      handler: 'submitReport',
      environment: { REFERENCE_PREFIX: config.referencePrefix, RETENTION_DAYS: String(config.retentionDays) },
    });
    submitReport.bindReportTable(this.table, 'readWrite');

    // Read/write: it reads the report and marks it as routed.
    const routeReport = new PortalFunction(this, 'RouteReport', { handler: 'routeReport' });
    routeReport.bindReportTable(this.table, 'readWrite');
    routeReport.bindMailSender(mailSender, config.mailFrom);

    this.functions = { submitReport, routeReport };
    this.functions[REPORT_STREAM_SOURCE.handler].addEventSource(reportStreamSource(this, this.table));
    const apiStage = createPortalApi(this, this.functions);

    new CfnOutput(this, 'ApiUrl', { value: apiStage.url, description: 'Adressen til API-et' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'Tabellen med feilmeldingene' });
  }
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
