import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC, METRICS_NAMESPACE } from '../../functions/adapters/metric-names.ts';
import { UNROUTED_ALARM_AGE } from '../../infra/aws/delivery-watches.ts';
import { RECEIPT_BOUNCES_PER_HOUR } from '../../infra/aws/mail-watches.ts';
import { HANDLERS, SCHEDULES, type HandlerName } from '../../infra/wiring.ts';
import { synthesizePortal, type SynthesizedPortal, type TemplateResource } from './synth.ts';

const HANDLER_NAMES = Object.keys(HANDLERS) as HandlerName[];

interface AlarmProperties {
  Namespace: string;
  MetricName: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Statistic: string;
  Period: number;
  Threshold: number;
  ComparisonOperator: string;
  TreatMissingData: string;
  AlarmActions: unknown[];
}

let portal: SynthesizedPortal;
let alarms: AlarmProperties[];
beforeAll(() => {
  portal = synthesizePortal();
  alarms = portal.resourcesOfType('AWS::CloudWatch::Alarm').map(([, alarm]: [string, TemplateResource]) => alarm.Properties as unknown as AlarmProperties);
});
afterAll(() => portal?.cleanUp());

const topicRef = () => ({ Ref: portal.resourcesOfType('AWS::SNS::Topic')[0]?.[0] });
const alarmOn = (namespace: string, metricName: string, dimension: unknown) =>
  alarms.filter(
    (alarm) => alarm.Namespace === namespace && alarm.MetricName === metricName && JSON.stringify(alarm.Dimensions).includes(JSON.stringify(dimension)),
  );
/** Fires on the first occurrence and notifies the topic. */
const firstOccurrence = (alarm: AlarmProperties | undefined) => ({
  threshold: alarm?.Threshold,
  comparison: alarm?.ComparisonOperator,
  actions: alarm?.AlarmActions,
});
const expected = () => ({ threshold: 0, comparison: 'GreaterThanThreshold', actions: [topicRef()] });

describe('the alarms', () => {
  it('fire when a batch lands in the dead-letter queue', () => {
    const [queueId] = portal.resourcesOfType('AWS::SQS::Queue')[0] ?? [];

    const [alarm] = alarmOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible', { 'Fn::GetAtt': [queueId, 'QueueName'] });

    expect(firstOccurrence(alarm)).toEqual(expected());
  });

  it('fire on a 5xx from the API', () => {
    const [apiId] = portal.resourcesOfType('AWS::ApiGatewayV2::Api')[0] ?? [];

    const [alarm] = alarmOn('AWS/ApiGateway', '5xx', { Ref: apiId });

    expect(firstOccurrence(alarm)).toEqual(expected());
  });

  it.each(HANDLER_NAMES)('fire when %s fails', (handler) => {
    const [alarm] = alarmOn('AWS/Lambda', 'Errors', { Ref: portal.logicalIdOf(handler) });

    expect(firstOccurrence(alarm)).toEqual(expected());
  });

  it.each(HANDLER_NAMES)('fire when %s is throttled', (handler) => {
    const [alarm] = alarmOn('AWS/Lambda', 'Throttles', { Ref: portal.logicalIdOf(handler) });

    expect(firstOccurrence(alarm)).toEqual(expected());
  });

  it('fire on the first report marked as failed for good (RoutingFailed, emitted without dimensions)', () => {
    const [alarm] = alarms.filter((candidate) => candidate.Namespace === METRICS_NAMESPACE && candidate.MetricName === METRIC.routingFailed);

    expect({ ...firstOccurrence(alarm), statistic: alarm?.Statistic, dimensions: alarm?.Dimensions }).toEqual({
      ...expected(),
      statistic: 'Sum',
      dimensions: undefined,
    });
  });

  it(`fire when a report has waited more than ${String(UNROUTED_ALARM_AGE.toMinutes())} minutes, or the sweeper stops reporting its age`, () => {
    const [alarm] = alarms.filter((candidate) => candidate.Namespace === METRICS_NAMESPACE && candidate.MetricName === METRIC.oldestUnroutedAgeSeconds);

    expect({
      threshold: alarm?.Threshold,
      comparison: alarm?.ComparisonOperator,
      statistic: alarm?.Statistic,
      missing: alarm?.TreatMissingData,
      actions: alarm?.AlarmActions,
    }).toEqual({
      threshold: UNROUTED_ALARM_AGE.toSeconds(),
      comparison: 'GreaterThanThreshold',
      statistic: 'Maximum',
      missing: 'breaching',
      actions: [topicRef()],
    });
  });

  const sesAlarm = (set: 'teamMail' | 'receipts', metricName: string) =>
    alarmOn('AWS/SES', metricName, { Name: 'ses:configuration-set', Value: { Ref: portal.idOf(portal.stack.mail[set]) } })[0];

  it.each(['Bounce', 'Complaint'])('fire on the first %s of mail to a team or the desk', (metricName) => {
    expect(firstOccurrence(sesAlarm('teamMail', metricName))).toEqual(expected());
  });

  it('fire on the first complaint about a receipt', () => {
    expect(firstOccurrence(sesAlarm('receipts', 'Complaint'))).toEqual(expected());
  });

  it(`fire when more than ${String(RECEIPT_BOUNCES_PER_HOUR)} receipts bounce in an hour`, () => {
    const alarm = sesAlarm('receipts', 'Bounce');

    expect({ ...firstOccurrence(alarm), period: alarm?.Period }).toEqual({ ...expected(), threshold: RECEIPT_BOUNCES_PER_HOUR, period: 3600 });
  });

  it('reach the alarm e-mail from cdk.json', () => {
    portal.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: portal.stack.config.alarmEmail, TopicArn: topicRef() });
  });
});

describe('the alarm topic', () => {
  it('is encrypted with a customer-managed KMS key that rotates', () => {
    const [[topicKeyId] = []] = portal.resourcesOfType('AWS::KMS::Key');

    portal.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [topicKeyId, 'Arn'] } });
    portal.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('lets CloudWatch alarms use the key to publish', () => {
    portal.template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          { Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' },
        ]),
      },
    });
  });
});

describe('the dashboard', () => {
  it('shows every metric an alarm watches', () => {
    const [[, dashboard] = []] = portal.resourcesOfType('AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(portal.stack.resolve(dashboard?.Properties?.DashboardBody));

    const missing = alarms.map((alarm) => alarm.MetricName).filter((metricName) => !body.includes(`\\"${metricName}\\"`));

    expect(missing).toEqual([]);
  });
});

describe('the schedules', () => {
  it.each(SCHEDULES)('run $handler every $everyMinutes minutes', (schedule) => {
    portal.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: `rate(${String(schedule.everyMinutes)} minutes)`,
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [portal.logicalIdOf(schedule.handler), 'Arn'] } })],
    });
  });
});
