import { Duration } from 'aws-cdk-lib';
import { Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { METRIC, METRICS_NAMESPACE, type MetricName } from '../../functions/adapters/metric-names.ts';
import type { Watch } from './watch.ts';

/** A report left unrouted this long means routing is stuck: the sweeper takes what is 15 minutes old every 5 minutes. */
export const UNROUTED_ALARM_AGE = Duration.minutes(30);
/** The sweeper reports the age every 5 minutes; three runs without a figure mean it is not running. */
const AGE_PERIOD = Duration.minutes(15);

/** A metric the functions emit in their logs (CloudWatch embedded metric format), without dimensions. */
export function portalMetric(metricName: MetricName, statistic: 'Sum' | 'Maximum', period: Duration): Metric {
  return new Metric({ namespace: METRICS_NAMESPACE, metricName, statistic, period });
}

/** What must never happen quietly to a stored report: that it cannot be routed, or that it waits too long. */
export function deliveryWatches(period: Duration): Watch[] {
  return [
    {
      id: 'RoutingFailed',
      description:
        'En melding kan ikke sendes til teamet (for eksempel en adresse SES avviser) og er merket som feilet. Servicedesk har fått den på reserveadressen; se loggen til routeReport/sweepUnrouted for årsaken.',
      metric: portalMetric(METRIC.routingFailed, 'Sum', period),
    },
    {
      id: 'OldestUnroutedAge',
      description: `En melding har ventet mer enn ${String(UNROUTED_ALARM_AGE.toMinutes())} minutter på å bli sendt til teamet, eller sweepUnrouted har ikke rapportert på ${String(AGE_PERIOD.toMinutes())} minutter.`,
      metric: portalMetric(METRIC.oldestUnroutedAgeSeconds, 'Maximum', AGE_PERIOD),
      threshold: UNROUTED_ALARM_AGE.toSeconds(),
      // Emitted by every sweep (0 when nothing waits): silence means the sweeper is not running.
      missingData: TreatMissingData.BREACHING,
    },
  ];
}
