import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface PortalOperationsProps {
  alarmEmail: string;
  functions: Record<string, IFunction>;
  api: HttpApi;
  deadLetters: IQueue;
}

interface Watch {
  id: string;
  description: string;
  metric: IMetric;
}

/**
 * Every alarm fires on the first occurrence: a report that was not routed, a failing or throttled function or
 * a 5xx from the API each means a reporter may not have been helped, and the desk must know.
 */
export class PortalOperations extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, props: PortalOperationsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Alarms', { displayName: 'Serviceportalen: alarmer', enforceSSL: true });
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
    const watches = [deadLetterWatch, apiWatch, ...functionWatches];

    const action = new SnsAction(this.topic);
    this.alarms = watches.map((watch) => {
      const alarm = new Alarm(this, watch.id, {
        alarmDescription: watch.description,
        metric: watch.metric,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // No data means no traffic, which is not a fault.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      return alarm;
    });

    new Dashboard(this, 'Dashboard', {
      dashboardName: Stack.of(this).stackName,
      widgets: [
        [
          new GraphWidget({ title: 'API: forespørsler og serverfeil', left: [props.api.metricCount({ period }), props.api.metricServerError({ period })] }),
          new GraphWidget({ title: 'Feilkø: meldinger som ikke ble rutet', left: [deadLetterWatch.metric] }),
        ],
        [new GraphWidget({ title: 'Funksjoner: feil og struping', left: functionWatches.map((watch) => watch.metric), width: 24 })],
      ],
    });
  }
}
