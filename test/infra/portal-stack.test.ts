import { Match } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeEnvSchema, submitEnvSchema } from '../../functions/adapters/config.ts';
import { REPORT_TABLE } from '../../functions/adapters/report-table.ts';
import { API_ROUTES, HANDLERS, REPORT_STREAM_SOURCE, type HandlerName } from '../../infra/wiring.ts';
import { synthesizePortal, type SynthesizedPortal } from './synth.ts';

const HANDLER_NAMES = Object.keys(HANDLERS) as HandlerName[];
const ENV_SCHEMAS = { submitReport: submitEnvSchema, routeReport: routeEnvSchema } as const;

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

  it.each(HANDLER_NAMES)('%s gets every environment variable its config schema reads', (handler) => {
    const expected = Object.keys(ENV_SCHEMAS[handler].shape);

    const names = Object.keys(portal.environmentOf(handler));

    expect(names).toEqual(expect.arrayContaining(expected));
  });

  it.each(HANDLER_NAMES)('%s gets values its config schema accepts', (handler) => {
    const environment = portal.runtimeEnvironmentOf(handler);

    const result = ENV_SCHEMAS[handler].safeParse(environment);

    expect(result.error?.issues ?? []).toEqual([]);
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

  it('passes only the event names from the wiring', () => {
    const { Filters } = mappingProperties().FilterCriteria as { Filters: { Pattern: string }[] };

    const patterns = Filters.map((filter) => JSON.parse(filter.Pattern) as unknown);

    expect(patterns).toEqual([{ eventName: [...REPORT_STREAM_SOURCE.eventNames] }]);
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
    const statements = Object.entries(portal.template.findResources('AWS::IAM::Policy')).flatMap(([policyId, policy]) =>
      ((policy.Properties?.PolicyDocument?.Statement ?? []) as { Resource?: unknown; Action?: unknown }[]).map((statement) => ({ policyId, ...statement })),
    );

    const unscoped = statements.filter((statement) => [statement.Resource].flat().includes('*'));

    expect(unscoped).toEqual([]);
  });

  it('let only the router send e-mail, and only as the portal identity', () => {
    const [identityId] = Object.keys(portal.template.findResources('AWS::SES::EmailIdentity'));
    const routerRole = portal.stack.functions.routeReport.role?.node.defaultChild as CfnRole;

    const mailGrants = Object.values(portal.template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy).includes('"ses:'))
      .map((policy) => ({ roles: policy.Properties?.Roles, onIdentity: JSON.stringify(policy.Properties?.PolicyDocument).includes(`"Ref":"${identityId}"`) }));

    expect(mailGrants).toEqual([{ roles: [{ Ref: portal.stack.getLogicalId(routerRole) }], onIdentity: true }]);
  });
});
