import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC } from '../../functions/adapters/metric-names.ts';
import { deliveryWatches, portalMetric } from './delivery-watches.ts';
import { MAIL_EVENTS, mailMetric, mailWatches } from './mail-watches.ts';
import type { PortalMail } from './portal-mail.ts';
import type { Watch } from './watch.ts';

export interface PortalOperationsProps {
  alarmEmail: string;
  functions: Record<string, IFunction>;
  api: HttpApi;
  deadLetters: IQueue;
  mail: PortalMail;
}

/**
 * Nearly every alarm fires on the first occurrence: a report that was not routed or could never be, a failing or
 * throttled function, a 5xx from the API, a team address that bounces each mean a reporter may not have been
 * helped, and the desk must know. The exceptions say why (delivery-watches.ts, mail-watches.ts).
 */
export class PortalOperations extends Construct {
  readonly topic: Topic;
  readonly topicKey: Key;
  readonly alarms: Alarm[];
  /** The operations dashboard; other parts of the stack add the graphs of their own alarms (case-events.ts). */
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: PortalOperationsProps) {
    super(scope, id);
    // Alarm messages say what failed where: encrypted at rest in SNS with a key of our own, which CloudWatch alarms
    // may use to publish (the AWS-managed SNS key does not let them). Nothing stays encrypted under it for long,
    // so it may go with the stack.
    this.topicKey = new Key(this, 'AlarmsKey', {
      description: 'Serviceportalen: krypterer alarmemnet',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    this.topicKey.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Alarms', { displayName: 'Serviceportalen: alarmer', enforceSSL: true, masterKey: this.topicKey });
    this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const period = Duration.minutes(1);
    const functionWatches = Object.entries(props.functions).flatMap(([name, fn]): Watch[] => [
      { id: `${name}Errors`, description: `${name}: funksjonen feilet`, metric: fn.metricErrors({ period }) },
      { id: `${name}Throttles`, description: `${name}: kall ble strupet (for mange samtidige)`, metric: fn.metricThrottles({ period }) },
    ]);
    const deadLetterWatch: Watch = {
      id: 'DeadLetters',
      description: 'Meldinger som ikke ble sendt til teamet ligger i feilkøen. Se DEPLOY.md om hvordan de sendes på nytt.',
      metric: props.deadLetters.metricApproximateNumberOfMessagesVisible({ period }),
    };
    const apiWatch: Watch = { id: 'Api5xx', description: 'API-et svarte med serverfeil (5xx)', metric: props.api.metricServerError({ period }) };
    const watches = [deadLetterWatch, apiWatch, ...functionWatches, ...deliveryWatches(period), ...mailWatches(props.mail, period)];

    const action = new SnsAction(this.topic);
    this.alarms = watches.map((watch) => {
      const alarm = new Alarm(this, watch.id, {
        alarmDescription: watch.description,
        metric: watch.metric,
        threshold: watch.threshold ?? 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // No data means no traffic, which is not a fault.
        treatMissingData: watch.missingData ?? TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      return alarm;
    });

    const mailPeriod = Duration.minutes(5);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: Stack.of(this).stackName,
      widgets: [
        [
          new GraphWidget({ title: 'API: forespørsler og serverfeil', left: [props.api.metricCount({ period }), props.api.metricServerError({ period })] }),
          new GraphWidget({ title: 'Feilkø: meldinger som ikke ble rutet', left: [deadLetterWatch.metric] }),
        ],
        [new GraphWidget({ title: 'Funksjoner: feil og struping', left: functionWatches.map((watch) => watch.metric), width: 24 })],
        [
          new GraphWidget({ title: 'Ruting: meldinger som feilet', left: [portalMetric(METRIC.routingFailed, 'Sum', period)] }),
          new GraphWidget({
            title: 'Ruting: eldste melding som venter (sekunder)',
            left: [portalMetric(METRIC.oldestUnroutedAgeSeconds, 'Maximum', Duration.minutes(5))],
          }),
        ],
        [
          new GraphWidget({ title: 'E-post til team og Servicedesk', left: MAIL_EVENTS.map((event) => mailMetric(props.mail.teamMail, event, mailPeriod)) }),
          new GraphWidget({ title: 'Kvitteringer til innmeldere', left: MAIL_EVENTS.map((event) => mailMetric(props.mail.receipts, event, mailPeriod)) }),
        ],
      ],
    });
  }
}
