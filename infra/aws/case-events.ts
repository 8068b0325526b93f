import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, GraphWidget, Metric, TreatMissingData, type Dashboard } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ApiDestination, Authorization, Connection, EventBus, HttpMethod, Rule, RuleTargetInput } from 'aws-cdk-lib/aws-events';
import { ApiDestination as ApiDestinationTarget } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE } from '../../functions/adapters/metric-names.ts';
import { CASE_EVENT_DETAIL_TYPE, CASE_EVENT_SOURCE } from '../../functions/core/case-event-schema.ts';
import { CASE_EVENT_STREAM_SOURCE } from '../wiring.ts';
import type { PortalFunction } from './portal-function.ts';

/** The header the desk's webhook receives the API destination's key in; the desk checks it (DEPLOY.md). */
export const CASE_EVENTS_WEBHOOK_KEY_HEADER = 'x-serviceportal-key';

export interface CaseEventsProps {
  table: ITableV2;
  /** The publisher (handlers/publish-case-events.ts): the stream's second consumer, and the bus's only writer. */
  publisher: PortalFunction;
  /** The desk's webhook (cdk.json `caseEventsWebhookUrl`): every case event is sent there through an API destination. */
  webhookUrl?: string | undefined;
  production: boolean;
}

/**
 * A report's life out of the system in AWS: the portal's EventBridge bus, which only the publisher may put events
 * on (events:PutEvents on this bus), fed from the table's stream (INSERT and MODIFY of reports), with an archive to
 * replay from and, when cdk.json names the desk's webhook, a rule that sends every case event there through an API
 * destination (key in a header; retried for 24 hours, then kept in a dead-letter queue).
 */
export class CaseEvents extends Construct {
  readonly bus: EventBus;
  /** Stream batches the publisher gave up on. */
  readonly streamDeadLetters: Queue;
  readonly webhook?: { destination: ApiDestination; rule: Rule; key: Secret; deadLetters: Queue };

  constructor(scope: Construct, id: string, props: CaseEventsProps) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { description: 'Serviceportalen: hendelser i meldingenes liv, til Servicedesks saksbehandlingssystem' });
    this.bus.archive('Archive', {
      description: 'Serviceportalen: alle sakshendelser, for å spille dem av på nytt',
      eventPattern: { source: [CASE_EVENT_SOURCE] },
      retention: Duration.days(30),
    });
    this.bus.grantPutEventsTo(props.publisher);
    props.publisher.addEnvironment('CASE_EVENTS_BUS_NAME', this.bus.eventBusName);

    this.streamDeadLetters = new Queue(this, 'StreamDeadLetters', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
    });
    props.publisher.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: CASE_EVENT_STREAM_SOURCE.batchSize,
        retryAttempts: CASE_EVENT_STREAM_SOURCE.retryAttempts,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.or(...CASE_EVENT_STREAM_SOURCE.eventNames),
            dynamodb: { Keys: { [CASE_EVENT_STREAM_SOURCE.keyPrefix.attribute]: { S: FilterRule.beginsWith(CASE_EVENT_STREAM_SOURCE.keyPrefix.prefix) } } },
          }),
        ],
        onFailure: new SqsDlq(this.streamDeadLetters),
      }),
    );

    if (props.webhookUrl) {
      const key = new Secret(this, 'WebhookKey', {
        description: `Serviceportalen: nøkkelen API-destinasjonen sender Servicedesks webhook i ${CASE_EVENTS_WEBHOOK_KEY_HEADER}`,
        generateSecretString: { passwordLength: 64, excludePunctuation: true },
        removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      const connection = new Connection(this, 'WebhookConnection', {
        description: 'Serviceportalen: Servicedesks webhook for sakshendelser',
        authorization: Authorization.apiKey(CASE_EVENTS_WEBHOOK_KEY_HEADER, key.secretValue),
      });
      const destination = new ApiDestination(this, 'Webhook', {
        description: 'Serviceportalen: Servicedesks webhook for sakshendelser',
        connection,
        endpoint: props.webhookUrl,
        httpMethod: HttpMethod.POST,
        rateLimitPerSecond: 10,
      });
      const deadLetters = new Queue(this, 'WebhookDeadLetters', {
        enforceSSL: true,
        encryption: QueueEncryption.SQS_MANAGED,
        retentionPeriod: Duration.days(14),
      });
      const rule = new Rule(this, 'ToWebhook', {
        description: 'Serviceportalen: hver sakshendelse til Servicedesks webhook',
        eventBus: this.bus,
        eventPattern: { source: [CASE_EVENT_SOURCE], detailType: [CASE_EVENT_DETAIL_TYPE] },
        targets: [
          new ApiDestinationTarget(destination, {
            // The payload as it is (core/case-event-schema.ts, docs/case-event.schema.json), without EventBridge's envelope.
            event: RuleTargetInput.fromEventPath('$.detail'),
            retryAttempts: 185,
            maxEventAge: Duration.hours(24),
            deadLetterQueue: deadLetters,
          }),
        ],
      });
      this.webhook = { destination, rule, key, deadLetters };
    }
  }

  /**
   * Alarms on what was not delivered: the publisher's dead letters, the webhook's, and events that can never be
   * published; each also a graph on the operations dashboard.
   */
  addAlarms(topic: ITopic, dashboard: Dashboard): Alarm[] {
    const period = Duration.minutes(1);
    const action = new SnsAction(topic);
    const watches = [
      {
        id: 'StreamDeadLettersAlarm',
        description: 'Sakshendelser som ikke ble publisert ligger i feilkøen. Se DEPLOY.md.',
        metric: this.streamDeadLetters.metricApproximateNumberOfMessagesVisible({ period }),
      },
      {
        id: 'CaseEventFailedAlarm',
        description: 'En sakshendelse eller e-post til melder/eskaleringskontakt kan aldri sendes (se loggen til publishCaseEvents).',
        metric: new Metric({ namespace: METRICS_NAMESPACE, metricName: METRIC.caseEventFailed, statistic: 'Sum', period }),
      },
      ...(this.webhook
        ? [
            {
              id: 'WebhookDeadLettersAlarm',
              description: 'Sakshendelser som Servicedesks webhook ikke tok imot på 24 timer ligger i feilkøen.',
              metric: this.webhook.deadLetters.metricApproximateNumberOfMessagesVisible({ period }),
            },
          ]
        : []),
    ];
    dashboard.addWidgets(new GraphWidget({ title: 'Sakshendelser: ikke publisert', left: watches.map((watch) => watch.metric), width: 24 }));
    return watches.map((watch) => {
      const alarm = new Alarm(this, watch.id, {
        alarmDescription: watch.description,
        metric: watch.metric,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      return alarm;
    });
  }
}
