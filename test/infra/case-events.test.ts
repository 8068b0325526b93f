import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_EVENT_DETAIL_TYPE, CASE_EVENT_SOURCE } from '../../functions/core/case-event-schema.ts';
import { CASE_EVENTS_WEBHOOK_KEY_HEADER } from '../../infra/aws/case-events.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { CASE_EVENT_STREAM_SOURCE } from '../../infra/wiring.ts';
import { synthesizePortal, type SynthesizedPortal } from './synth.ts';

/**
 * The case events in AWS (infra/aws/case-events.ts): a bus only the publisher may put events on, the publisher fed
 * by the table's stream (INSERT and MODIFY of reports), and the desk's webhook as an API destination only when
 * cdk.json names one.
 */

const WEBHOOK_URL = 'https://saker.hdo.example/serviceportal/hendelser';
const cdkContext = (
  JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'cdk.json'), 'utf8')) as { context: { serviceportal: Record<string, Record<string, unknown>> } }
).context;

let portal: SynthesizedPortal;
let withWebhook: SynthesizedPortal;
beforeAll(() => {
  portal = synthesizePortal();
  withWebhook = synthesizePortal({
    context: { serviceportal: { ...cdkContext.serviceportal, test: { ...cdkContext.serviceportal.test, caseEventsWebhookUrl: WEBHOOK_URL } } },
  });
});
afterAll(() => {
  portal?.cleanUp();
  withWebhook?.cleanUp();
});

const busId = (synthesized: SynthesizedPortal) => synthesized.idOf(synthesized.stack.caseEvents.bus);

describe('the case-event bus', () => {
  it('exists, with an archive of every case event to replay from', () => {
    portal.template.resourceCountIs('AWS::Events::EventBus', 1);
    portal.template.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [busId(portal), 'Arn'] },
      EventPattern: { source: [CASE_EVENT_SOURCE] },
      RetentionDays: 30,
    });
  });

  it('is named to the publisher, which alone may put events on it, and on this bus only', () => {
    expect(portal.environmentOf('publishCaseEvents').CASE_EVENTS_BUS_NAME).toEqual({ Ref: busId(portal) });
    const statements = portal
      .resourcesOfType('AWS::IAM::Policy')
      .flatMap(([, policy]) => (policy.Properties?.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement ?? [])
      .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('events:')));
    expect(statements).toEqual([expect.objectContaining({ Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [busId(portal), 'Arn'] } })]);
    const publisherRole = portal.resources[portal.logicalIdOf('publishCaseEvents')]?.Properties?.Role as { 'Fn::GetAtt': [string, string] };
    const withPutEvents = portal
      .resourcesOfType('AWS::IAM::Policy')
      .filter(([, policy]) => JSON.stringify(policy.Properties?.PolicyDocument).includes('events:PutEvents'))
      .map(([, policy]) => (policy.Properties?.Roles as { Ref: string }[]).map((role) => role.Ref));
    expect(withPutEvents).toEqual([[publisherRole['Fn::GetAtt'][0]]]);
  });
});

describe('the publisher’s stream source', () => {
  it('takes INSERT and MODIFY of reports from the table’s stream, with retries, bisection, partial failures and a dead-letter queue', () => {
    portal.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: portal.logicalIdOf('publishCaseEvents') },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: CASE_EVENT_STREAM_SOURCE.batchSize,
      MaximumRetryAttempts: CASE_EVENT_STREAM_SOURCE.retryAttempts,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: {
        Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT', 'MODIFY'], dynamodb: { Keys: { pk: { S: [{ prefix: 'REPORT#' }] } } } }) }],
      },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('has alarms on its dead letters and on events that can never be published', () => {
    const descriptions = portal.resourcesOfType('AWS::CloudWatch::Alarm').map(([, alarm]) => String(alarm.Properties?.AlarmDescription));
    expect(descriptions.filter((description) => description.includes('Sakshendelse') || description.includes('sakshendelse'))).toHaveLength(2);
    portal.template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'Serviceportal', MetricName: 'CaseEventFailed' });
  });
});

describe('the desk’s webhook', () => {
  it('is not there unless cdk.json names it', () => {
    portal.template.resourceCountIs('AWS::Events::ApiDestination', 0);
    portal.template.resourceCountIs('AWS::Events::Rule', Object.keys(portal.template.findResources('AWS::Events::Rule')).length);
    expect(JSON.stringify(portal.template.findResources('AWS::Events::Rule'))).not.toContain(CASE_EVENT_DETAIL_TYPE);
  });

  it('with caseEventsWebhookUrl, gets every case event as its payload, through an API destination with a key in a header', () => {
    withWebhook.template.hasResourceProperties('AWS::Events::ApiDestination', { InvocationEndpoint: WEBHOOK_URL, HttpMethod: 'POST' });
    withWebhook.template.hasResourceProperties('AWS::Events::Connection', {
      AuthorizationType: 'API_KEY',
      AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: CASE_EVENTS_WEBHOOK_KEY_HEADER } },
    });
    withWebhook.template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: busId(withWebhook) },
      EventPattern: { source: [CASE_EVENT_SOURCE], 'detail-type': [CASE_EVENT_DETAIL_TYPE] },
      Targets: [
        Match.objectLike({
          InputPath: '$.detail',
          DeadLetterConfig: Match.anyValue(),
          RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
        }),
      ],
    });
  });

  it('refuses an address that is not https at synth', () => {
    expect(() =>
      synthesizePortal({
        context: {
          serviceportal: { ...cdkContext.serviceportal, test: { ...cdkContext.serviceportal.test, caseEventsWebhookUrl: 'http://saker.hdo.example' } },
        },
      }),
    ).toThrow(/caseEventsWebhookUrl: må være en https-adresse/);
  });

  it('leaves nothing for cdk-nag that is not acknowledged with a reason', () => {
    expect(withWebhook.unacknowledgedFindings()).toEqual([]);
  });
});
