import { Match } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  affectedEnvSchema,
  announceEnvSchema,
  moveEnvSchema,
  noticeMailEnvSchema,
  publishEnvSchema,
  routeEnvSchema,
  statusEnvSchema,
  submitEnvSchema,
  subscribeEnvSchema,
  sweepEnvSchema,
} from '../../functions/adapters/config.ts';
import * as reportTable from '../../functions/adapters/report-table.ts';
import { REPORT_TABLE } from '../../functions/adapters/report-table.ts';
import { API_ROUTES, API_THROTTLING, HANDLERS, REPORT_STREAM_SOURCE, type HandlerName } from '../../infra/wiring.ts';
import { ACCESS_LOG_FIELDS } from '../../infra/aws/portal-api.ts';
import { SECRET_IDS, type SecretName } from '../../infra/aws/portal-secrets.ts';
import { KEY_PREFIX, partitionPrefix, TABLE_ACCESS } from '../../infra/aws/table-access.ts';
import { MAX_BODY_BYTES } from '../../functions/http/request-body.ts';
import { synthesizePortal, type SynthesizedPortal } from './synth.ts';
import { tableGrantsOf } from './table-policy.ts';

const HANDLER_NAMES = Object.keys(HANDLERS) as HandlerName[];
const ONE_MONTH_DAYS = 30;
const ENV_SCHEMAS: Record<HandlerName, z.ZodMiniObject> = {
  submitReport: submitEnvSchema,
  routeReport: routeEnvSchema,
  reportStatus: statusEnvSchema,
  sweepUnrouted: sweepEnvSchema,
  moveReport: moveEnvSchema,
  publishCaseEvents: publishEnvSchema,
  subscribeNotices: subscribeEnvSchema,
  announceNotices: announceEnvSchema,
  sendNoticeMail: noticeMailEnvSchema,
  reportAffected: affectedEnvSchema,
};
/**
 * The handlers that e-mail: the stream's router and the sweeper that routes what the stream gave up on, and the
 * publisher of case events (the reporter's «venter på deg»/«løst», the escalation contact's e-mail).
 */
const MAIL_SENDERS: HandlerName[] = ['routeReport', 'sweepUnrouted', 'publishCaseEvents', 'subscribeNotices', 'sendNoticeMail', 'reportAffected'];
const GET = 'dynamodb:GetItem';
const WRITE = 'dynamodb:PutItem dynamodb:UpdateItem';
const QUERY = 'dynamodb:Query';
const { report, submission, counter, rateLimit, cluster, mailCap, usedLink, subscription, follower, follows, announcement, affectedSite } = KEY_PREFIX;
const DELETE = 'dynamodb:DeleteItem';
/**
 * The table calls each handler's adapters make, as `actions on`: items by partition-key prefix, or an index. Nothing
 * deletes (TTL does), scans, batches or queries the table itself; the status function reads its one report.
 */
const TABLE_CALLS: Record<HandlerName, string[]> = {
  submitReport: [`${GET} on ${report}* ${submission}*`, `${WRITE} on ${report}* ${submission}* ${counter}* ${rateLimit}*`],
  routeReport: [`${GET} on ${report}*`, `${WRITE} on ${report}* ${cluster}* ${mailCap}*`, `${QUERY} on index/byService`],
  reportStatus: [`${GET} on ${report}*`],
  sweepUnrouted: [`${GET} on ${report}*`, `${WRITE} on ${report}* ${cluster}* ${mailCap}*`, `${QUERY} on index/byService index/unrouted`],
  // The report it moves, and the used action link it marks so a link works once.
  moveReport: [`${GET} on ${report}*`, `${WRITE} on ${report}* ${usedLink}*`],
  // The report whose life it publishes, and the keys of what it published.
  publishCaseEvents: [`${GET} ${WRITE} on ${report}*`],
  // Notice subscriptions: the subscription, the rate and cap counters; leaving deletes it and the address's follows.
  subscribeNotices: [
    `${GET} on ${subscription}*`,
    `${WRITE} on ${subscription}* ${rateLimit}* ${mailCap}*`,
    `${QUERY} on ${follows}*`,
    `${DELETE} on ${subscription}* ${follower}* ${follows}*`,
  ],
  // The announcement markers (put once, taken back if the queue refuses), and the subscribers and followers it reads.
  announceNotices: [`${DELETE} ${WRITE} on ${announcement}*`, `${QUERY} on ${subscription}* ${follower}*`],
  // Whether the address still subscribes or follows, at send time.
  sendNoticeMail: [`${GET} on ${subscription}* ${follower}*`],
  // The notice's sites (put once per site, listed), the client's rate, and the reporter as the notice's follower.
  reportAffected: [`${WRITE} on ${affectedSite}* ${rateLimit}* ${follower}* ${follows}*`, `${QUERY} on ${affectedSite}*`],
};
/** The secrets each handler's config schema reads: an API handler checks the origin secret, a link maker holds the key. */
const SECRETS: Record<HandlerName, SecretName[]> = {
  submitReport: ['ORIGIN_VERIFY_SECRET', 'STATUS_TOKEN_KEY'],
  routeReport: ['STATUS_TOKEN_KEY', 'ACTION_LINK_KEY'],
  reportStatus: ['ORIGIN_VERIFY_SECRET'],
  sweepUnrouted: ['STATUS_TOKEN_KEY', 'ACTION_LINK_KEY'],
  // Checks the desk's action links and its case system's signatures; signs nothing.
  moveReport: ['ORIGIN_VERIFY_SECRET', 'ACTION_LINK_KEY', 'WEBHOOK_SIGNING_KEY'],
  // Derives the status link in the reporter's e-mail.
  publishCaseEvents: ['STATUS_TOKEN_KEY'],
  // Signs the confirmation link and checks it and the unsubscribe token.
  subscribeNotices: ['ORIGIN_VERIFY_SECRET', 'SUBSCRIPTION_KEY'],
  announceNotices: [],
  // Signs the unsubscribe link of every notice e-mail.
  sendNoticeMail: ['SUBSCRIPTION_KEY'],
  reportAffected: ['ORIGIN_VERIFY_SECRET'],
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

  it.each(MAIL_SENDERS)('tells %s which SES configuration set to send team mail and receipts with', (handler) => {
    const { MAIL_CONFIGURATION_SET, RECEIPT_CONFIGURATION_SET } = portal.environmentOf(handler);

    expect({ MAIL_CONFIGURATION_SET, RECEIPT_CONFIGURATION_SET }).toEqual({
      MAIL_CONFIGURATION_SET: { Ref: portal.idOf(portal.stack.mail.teamMail) },
      RECEIPT_CONFIGURATION_SET: { Ref: portal.idOf(portal.stack.mail.receipts) },
    });
  });

  it.each(HANDLER_NAMES)('%s gets the secrets its config schema reads from Secrets Manager, resolved at deploy', (handler) => {
    const environment = portal.environmentOf(handler);

    const secrets = Object.fromEntries(SECRETS[handler].map((name) => [name, environment[name]]));

    expect(secrets).toEqual(
      Object.fromEntries(
        SECRETS[handler].map((name) => [
          name,
          { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: portal.idOf(portal.stack.secrets[name]) }, ':SecretString:::}}']] },
        ]),
      ),
    );
  });

  it.each(HANDLER_NAMES)('%s gets no variable its config schema does not read, so no secret it does not use', (handler) => {
    const read = Object.keys(ENV_SCHEMAS[handler].shape);

    const unread = Object.keys(portal.environmentOf(handler)).filter((name) => !read.includes(name));

    expect(unread).toEqual([]);
  });

  it('links submitReport to the site, so it can refuse a post whose Origin is another site', () => {
    expect(portal.environmentOf('submitReport').SITE_URL).toEqual(portal.environmentOf('routeReport').SITE_URL);
  });
});

describe('the secrets', () => {
  it.each(Object.entries(SECRET_IDS))('%s is generated by Secrets Manager: 64 letters and digits, never in the template', (_name, id) => {
    const [[, secret] = []] = portal.resourcesOfType('AWS::SecretsManager::Secret').filter(([logicalId]) => logicalId.startsWith(id));

    expect(secret?.Properties).toMatchObject({ GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true } });
    expect(secret?.Properties?.SecretString).toBeUndefined();
  });

  it('reach the functions without any role being allowed to read them', () => {
    const policies = JSON.stringify(portal.resourcesOfType('AWS::IAM::Policy'));

    expect(policies).not.toContain('secretsmanager:');
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
      ...portal
        .resourcesOfType('AWS::IAM::Role')
        .flatMap(([id, role]) => ((role.Properties?.Policies ?? []) as { PolicyDocument: unknown }[]).map((policy) => [id, policy.PolicyDocument] as const)),
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

  it('let them send only SendRawEmail, from the configured sender, through the identity and the two configuration sets', () => {
    const { mail } = portal.stack;
    const setArn = (set: { node: { defaultChild?: unknown } }) => ({
      'Fn::Join': ['', [`arn:aws:ses:${portal.stack.region}:`, { Ref: 'AWS::AccountId' }, ':configuration-set/', { Ref: portal.idOf(set) }]],
    });
    const identityArn = {
      'Fn::Join': ['', [`arn:aws:ses:${portal.stack.region}:`, { Ref: 'AWS::AccountId' }, ':identity/', { Ref: portal.idOf(mail.identity) }]],
    };

    const mailStatements = portal
      .resourcesOfType('AWS::IAM::Policy')
      .flatMap(([, policy]) => (policy.Properties?.PolicyDocument as { Statement: { Action: unknown; Resource: unknown[] }[] }).Statement)
      .filter((statement) => JSON.stringify(statement.Action).includes('ses:'));

    expect(mailStatements).toEqual(
      MAIL_SENDERS.map(() => ({
        Effect: 'Allow',
        Action: 'ses:SendRawEmail',
        Condition: { StringEquals: { 'ses:FromAddress': portal.stack.config.mailFrom } },
        Resource: expect.arrayContaining([identityArn, setArn(mail.teamMail), setArn(mail.receipts)]) as unknown,
      })),
    );
    expect(mailStatements.map((statement) => statement.Resource.length)).toEqual(MAIL_SENDERS.map(() => 3));
  });

  it.each(HANDLER_NAMES)('give %s only the table calls its adapters make, on the kinds of items and the indexes they make them on', (handler) => {
    const grants = tableGrantsOf(portal, handler).map((grant) => `${grant.actions.join(' ')} on ${grant.on.join(' ')}`);

    expect(grants.sort()).toEqual([...TABLE_CALLS[handler]].sort());
  });

  it('leave no kind of item in report-table.ts out of the table access, so a new one cannot go ungranted unnoticed', () => {
    const builders = Object.entries(reportTable as Record<string, unknown>).filter(
      (entry): entry is [string, (...args: string[]) => Record<string, string>] => typeof entry[1] === 'function' && entry[0].endsWith('Key'),
    );
    const granted = new Set(
      Object.values(TABLE_ACCESS).flatMap((access) => [...access.get, ...access.write, ...(access.queryTable ?? []), ...(access.delete ?? [])]),
    );

    const ungranted = builders
      .map(([name, build]) => [name, build(...Array.from({ length: build.length }, () => 'x'))] as const)
      .filter(([, key]) => 'pk' in key && !granted.has(partitionPrefix(key as { pk: string }) as never))
      .map(([name]) => name);

    expect(ungranted).toEqual([]);
  });
});

describe('the mail set-up', () => {
  const configurationSet = (set: { node: { defaultChild?: unknown } }) => portal.resources[portal.idOf(set)]?.Properties;

  it('sends desk and team mail through a set that suppresses nothing, so a reporter’s bounce cannot silence a team', () => {
    expect(configurationSet(portal.stack.mail.teamMail)).toMatchObject({ SuppressionOptions: { SuppressedReasons: [] } });
  });

  it('sends receipts through a set that suppresses addresses that bounced or complained', () => {
    expect(configurationSet(portal.stack.mail.receipts)).toMatchObject({ SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] } });
  });

  it.each(['teamMail', 'receipts'] as const)('requires TLS to the receiving server for %s', (set) => {
    expect(configurationSet(portal.stack.mail[set])).toMatchObject({ DeliveryOptions: { TlsPolicy: 'REQUIRE' } });
  });

  it.each(['teamMail', 'receipts'] as const)('records deliveries, bounces, complaints and rejects of %s as CloudWatch metrics by set', (set) => {
    const setRef = { Ref: portal.idOf(portal.stack.mail[set]) };

    portal.template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: setRef,
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(['delivery', 'bounce', 'complaint', 'reject']),
        CloudWatchDestination: {
          DimensionConfigurations: [{ DimensionName: 'ses:configuration-set', DimensionValueSource: 'messageTag', DefaultDimensionValue: setRef }],
        },
      },
    });
  });

  it('prints the three DKIM records the operator must add to DNS', () => {
    const outputs = Object.keys(portal.template.findOutputs('*')).filter((name) => name.startsWith('DkimRecord'));

    expect(outputs).toEqual(['DkimRecord1', 'DkimRecord2', 'DkimRecord3']);
  });

  it('sends as the configured domain, with the suppressing receipt set as the default for a send that names none', () => {
    portal.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: portal.stack.config.mailDomain,
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: portal.idOf(portal.stack.mail.receipts) } },
    });
  });
});
