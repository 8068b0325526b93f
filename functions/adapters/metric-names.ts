/**
 * The custom metrics the functions emit (CloudWatch embedded metric format, in their logs) and the alarms in
 * infra/aws watch: one list, so a renamed metric cannot leave an alarm watching nothing.
 */
export const METRICS_NAMESPACE = 'Serviceportal';

export const METRIC = {
  /** A report that can never be routed (poison text, an address SES rejects): marked failed, the desk told. */
  routingFailed: 'RoutingFailed',
  /** Age in seconds of the oldest report still waiting to be routed, emitted by every sweep (0 when none). */
  oldestUnroutedAgeSeconds: 'OldestUnroutedAgeSeconds',
  /** A receipt not sent because its address or domain reached its daily cap. */
  receiptCapped: 'ReceiptCapped',
  /** A P1 copy or storhendelse alert not sent because its client reached its hourly cap. */
  urgentCopyCapped: 'UrgentCopyCapped',
  /** A case event or an e-mail about the case's life (to the reporter, to the escalation contact) that can never be done. */
  caseEventFailed: 'CaseEventFailed',
} as const;
export type MetricName = (typeof METRIC)[keyof typeof METRIC];
