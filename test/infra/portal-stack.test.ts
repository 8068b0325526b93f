import { Match } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { routeEnvSchema, statusEnvSchema, submitEnvSchema, sweepEnvSchema } from '../../functions/adapters/config.ts';
import { REPORT_TABLE } from '../../functions/adapters/report-table.ts';
import { API_ROUTES, API_THROTTLING, HANDLERS, REPORT_STREAM_SOURCE, type HandlerName } from '../../infra/wiring.ts';
import { ACCESS_LOG_FIELDS } from '../../infra/aws/portal-api.ts';
import { REPORT_TABLE_INDEXES } from '../../functions/adapters/report-table.ts';
import { MAX_BODY_BYTES } from '../../functions/http/request-body.ts';
import { synthesizePortal, type SynthesizedPortal } from './synth.ts';

const HANDLER_NAMES = Object.keys(HANDLERS) as HandlerName[];
const ONE_MONTH_DAYS = 30;
const ENV_SCHEMAS: Record<HandlerName, z.ZodMiniObject> = { submitReport: submitEnvSchema, routeReport: routeEnvSchema, reportStatus: statusEnvSchema, sweepUnrouted: sweepEnvSchema };
/** The handlers that e-mail teams: the stream's router and the sweeper that routes what the stream gave up on. */
const MAIL_SENDERS: HandlerName[] = ['routeReport', 'sweepUnrouted'];
/** The calls each handler's adapters make; the submit handler's idempotency records are deleted on failure. */
const TABLE_ACTIONS: Record<HandlerName, string[]> = {
  submitReport: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
  routeReport: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
  reportStatus: ['dynamodb:GetItem', 'dynamodb:Query'],
  sweepUnrouted: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
};

let portal: SynthesizedPortal;
beforeAll(() => {
  portal = synthesizePortal();
});
afterAll(() => portal?.cleanUp());

describe('the functions', () => {
  it.each(HANDLER_NAMES)('%s runs on Node.js 24 on arm64', (handler) => {
    const properties = portal.resources[portal.logicalIdOf(handler)]?.Properties;

    expect(properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
  });

  it.each(HANDLER_NAMES)('%s gets every environment variable its config schema requires', (handler) => {
    const expected = Object.entries(ENV_SCHEMAS[handler].shape)
      .filter(([, schema]) => !z.safeParse(schema, undefined).success)
      .map(([name]) => name);

    const names = Object.keys(portal.environmentOf(handler));

    expect(names).toEqual(expect.arrayContaining(expected));
  });

  it.each(HANDLER_NAMES)('%s gets values its config schema accepts', (handler) => {
    const environment = portal.runtimeEnvironmentOf(handler);

    const result = ENV_SCHEMAS[handler].safeParse(environment);

    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each(HANDLER_NAMES)('%s keeps its logs for a month', (handler) => {
    const { LoggingConfig } = portal.resources[portal.logicalIdOf(handler)]?.Properties as { LoggingConfig: { LogGroup: { Ref: string } } };

    const retention = portal.resources[LoggingConfig.LogGroup.Ref]?.Properties?.RetentionInDays;

    expect(retention).toBe(ONE_MONTH_DAYS);
  });

  it.each(HANDLER_NAMES)('%s has a role of its own, without AWS managed policies', (handler) => {
    const { Role } = portal.resources[portal.logicalIdOf(handler)]?.Properties as { Role: { 'Fn::GetAtt': string[] } };

    const managedPolicies = portal.resources[Role['Fn::GetAtt'][0] ?? '']?.Properties?.ManagedPolicyArns;

    expect(managedPolicies).toBeUndefined();
  });

  it.each(MAIL_SENDERS)('tells %s which SES configuration set to send with', (handler) => {
    const configurationSet = portal.environmentOf(handler).MAIL_CONFIGURATION_SET;

    expect(configurationSet).toEqual({ Ref: portal.resourcesOfType('AWS::SES::ConfigurationSet')[0]?.[0] });
  });
});

describe('the reports table', () => {
  it('is keyed and expires items as the store adapter expects', () => {
    portal.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: REPORT_TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: REPORT_TABLE.sortKey, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: REPORT_TABLE.timeToLiveAttribute, Enabled: true },
    });
  });

  it('streams new images for the router', () => {
    portal.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
  });

  it('is billed on demand', () => {
    portal.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { BillingMode: 'PAY_PER_REQUEST' });
  });

  it('is encrypted with the AWS-managed KMS key', () => {
    portal.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { SSESpecification: { SSEEnabled: true, SSEType: 'KMS' } });
  });

  it.each([REPORT_TABLE.byServiceIndex, REPORT_TABLE.unroutedIndex])('has the $indexName index, keys only, as the store queries it', (index) => {
    portal.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      GlobalSecondaryIndexes: Match.arrayWith([
        {
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ]),
    });
  });

  it('can be deleted with the stack outside production', () => {
    const [[, table] = []] = portal.resourcesOfType('AWS::DynamoDB::GlobalTable');

    expect(table?.DeletionPolicy).toBe('Delete');
  });

  it('has point-in-time recovery', () => {
    portal.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });
});

describe('the stream event source', () => {
  const mappingProperties = () => {
    const mappings = Object.values(portal.template.findResources('AWS::Lambda::EventSourceMapping'));
    return (mappings[0]?.Properties ?? {}) as Record<string, unknown>;
  };

  it('feeds the router with the settings from the wiring', () => {
    const properties = mappingProperties();

    expect(properties).toMatchObject({
      FunctionName: { Ref: portal.logicalIdOf(REPORT_STREAM_SOURCE.handler) },
      BatchSize: REPORT_STREAM_SOURCE.batchSize,
      MaximumRetryAttempts: REPORT_STREAM_SOURCE.retryAttempts,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
    });
  });

  it('passes only the event names and report keys from the wiring', () => {
    const { Filters } = mappingProperties().FilterCriteria as { Filters: { Pattern: string }[] };

    const patterns = Filters.map((filter) => JSON.parse(filter.Pattern) as unknown);

    expect(patterns).toEqual([
      {
        eventName: [...REPORT_STREAM_SOURCE.eventNames],
        dynamodb: { Keys: { pk: { S: [{ prefix: 'REPORT#' }] } } },
      },
    ]);
  });

  it('sends batches that keep failing to a queue', () => {
    const destination = (mappingProperties().DestinationConfig as { OnFailure: { Destination: { 'Fn::GetAtt': string[] } } }).OnFailure.Destination;

    const target = portal.resources[destination['Fn::GetAtt'][0] ?? '']?.Type;

    expect(target).toBe('AWS::SQS::Queue');
  });

  it('keeps the dead letters encrypted', () => {
    portal.template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('refuses dead-letter traffic without TLS', () => {
    portal.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });
});

describe('the HTTP API', () => {
  it('throttles the stage with a rate and a burst limit', () => {
    portal.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: API_THROTTLING.rateLimit, ThrottlingBurstLimit: API_THROTTLING.burstLimit },
    });
  });

  it('writes one JSON line per request with the fields an operator needs, and no bodies', () => {
    const [[, stage] = []] = portal.resourcesOfType('AWS::ApiGatewayV2::Stage');

    const format = JSON.parse(String((stage?.Properties?.AccessLogSettings as { Format: string }).Format)) as Record<string, string>;

    expect(format).toEqual(ACCESS_LOG_FIELDS);
  });

  it('keeps the access logs for a month', () => {
    const [[, stage] = []] = portal.resourcesOfType('AWS::ApiGatewayV2::Stage');
    const destination = (stage?.Properties?.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': string[] } }).DestinationArn;

    const retention = portal.resources[destination['Fn::GetAtt'][0] ?? '']?.Properties?.RetentionInDays;

    expect(retention).toBe(ONE_MONTH_DAYS);
  });

  it('leaves the body size to the handler, 64 KiB, because HTTP APIs have a fixed 10 MB limit', () => {
    expect(MAX_BODY_BYTES).toBe(64 * 1024);
  });

  it.each(API_ROUTES)('routes $method $path to $handler with payload format 2.0', (route) => {
    const routes = Object.values(portal.template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: `${route.method} ${route.path}` } }));
    const target = JSON.stringify(routes[0]?.Properties?.Target ?? null);
    const integrationId = /"Ref":"([^"]+)"/.exec(target)?.[1] ?? '';

    const integration = portal.resources[integrationId]?.Properties ?? {};

    expect({ uri: integration.IntegrationUri, payloadFormat: integration.PayloadFormatVersion }).toEqual({
      uri: { 'Fn::GetAtt': [portal.logicalIdOf(route.handler), 'Arn'] },
      payloadFormat: '2.0',
    });
  });
});

describe('permissions', () => {
  it('never allow an action on every resource ("*")', () => {
    const documents = [
      ...portal.resourcesOfType('AWS::IAM::Policy').map(([id, policy]) => [id, policy.Properties?.PolicyDocument] as const),
      ...portal.resourcesOfType('AWS::IAM::Role').flatMap(([id, role]) =>
        ((role.Properties?.Policies ?? []) as { PolicyDocument: unknown }[]).map((policy) => [id, policy.PolicyDocument] as const),
      ),
    ];
    const statements = documents.flatMap(([policyId, document]) =>
      ((document as { Statement?: { Resource?: unknown; Action?: unknown }[] } | undefined)?.Statement ?? []).map((statement) => ({ policyId, ...statement })),
    );

    const unscoped = statements.filter((statement) => [statement.Resource].flat().includes('*'));

    expect(unscoped).toEqual([]);
  });

  it('let only the functions that e-mail teams send, and only as the portal identity', () => {
    const [identityId] = Object.keys(portal.template.findResources('AWS::SES::EmailIdentity'));
    const roleOf = (handler: HandlerName) => ({ Ref: portal.stack.getLogicalId(portal.stack.functions[handler].role?.node.defaultChild as CfnRole) });

    const mailGrants = Object.values(portal.template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy).includes('"ses:'))
      .map((policy) => ({ roles: policy.Properties?.Roles, onIdentity: JSON.stringify(policy.Properties?.PolicyDocument).includes(`"Ref":"${identityId}"`) }));

    expect(mailGrants).toEqual(MAIL_SENDERS.map((handler) => ({ roles: [roleOf(handler)], onIdentity: true })));
  });

  it('let them send only SendRawEmail, on the identity and the configuration set', () => {
    const [[configurationSetId] = []] = portal.resourcesOfType('AWS::SES::ConfigurationSet');

    const mailStatements = portal
      .resourcesOfType('AWS::IAM::Policy')
      .flatMap(([, policy]) => (policy.Properties?.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement)
      .filter((statement) => JSON.stringify(statement.Action).includes('ses:'))
      .map((statement) => ({ action: statement.Action, onConfigurationSet: JSON.stringify(statement.Resource).includes(`"Ref":"${configurationSetId}"`) }));

    expect(mailStatements).toEqual(MAIL_SENDERS.map(() => ({ action: 'ses:SendRawEmail', onConfigurationSet: true })));
  });

  it.each(HANDLER_NAMES)('give %s only the table calls its adapters make, on the table and its indexes', (handler) => {
    const role = portal.stack.getLogicalId(portal.stack.functions[handler].role?.node.defaultChild as CfnRole);
    const tableId = portal.resourcesOfType('AWS::DynamoDB::GlobalTable')[0]?.[0];
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };

    const tableStatements = portal
      .resourcesOfType('AWS::IAM::Policy')
      .filter(([, policy]) => JSON.stringify(policy.Properties?.Roles) === JSON.stringify([{ Ref: role }]))
      .flatMap(([, policy]) => (policy.Properties?.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement)
      .filter((statement) => JSON.stringify(statement.Resource).includes(`"${tableId}","Arn"`));

    expect(tableStatements).toEqual([
      {
        Effect: 'Allow',
        Action: TABLE_ACTIONS[handler],
        Resource: [tableArn, ...REPORT_TABLE_INDEXES.map((index) => ({ 'Fn::Join': ['', [tableArn, `/index/${index.indexName}`]] }))],
      },
    ]);
  });
});

describe('the mail set-up', () => {
  it('suppresses addresses that bounced or complained', () => {
    portal.template.hasResourceProperties('AWS::SES::ConfigurationSet', { SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] } });
  });

  it('prints the three DKIM records the operator must add to DNS', () => {
    const outputs = Object.keys(portal.template.findOutputs('*')).filter((name) => name.startsWith('DkimRecord'));

    expect(outputs).toEqual(['DkimRecord1', 'DkimRecord2', 'DkimRecord3']);
  });

  it('sends as the configured domain, with the configuration set as its default', () => {
    const [[configurationSetId] = []] = portal.resourcesOfType('AWS::SES::ConfigurationSet');

    portal.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: portal.stack.config.mailDomain,
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
    });
  });
});
