import { Duration } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IConfigurationSet } from 'aws-cdk-lib/aws-ses';
import { CONFIGURATION_SET_DIMENSION, RECORDED_EVENTS, type PortalMail } from './portal-mail.ts';
import type { Watch } from './watch.ts';

/** The metric SES publishes (AWS/SES) for each event a configuration set records: the event's name, capitalised. */
export type MailEvent = Capitalize<`${(typeof RECORDED_EVENTS)[number]}`>;
// oxlint-disable-next-line typescript/no-unsafe-type-assertion -- Capitalize<> is what this computes; the compiler cannot follow string methods
export const MAIL_EVENTS = RECORDED_EVENTS.map((event) => `${event.charAt(0).toUpperCase()}${event.slice(1)}` as MailEvent);

/** Receipt bounces in an hour beyond which it is more than reporters' typing errors: someone feeding the form addresses. */
export const RECEIPT_BOUNCES_PER_HOUR = 5;

export function mailMetric(set: IConfigurationSet, event: MailEvent, period: Duration): Metric {
  return new Metric({
    namespace: 'AWS/SES',
    metricName: event,
    dimensionsMap: { [CONFIGURATION_SET_DIMENSION]: set.configurationSetName },
    statistic: 'Sum',
    period,
  });
}

/**
 * A team's or the desk's address that bounces means reports are not arriving: the first one alarms (that set has
 * no suppression list, so SES keeps trying it). A complaint about any of our mail harms the sender's reputation
 * and, for a receipt, means someone used another person's address: the first one alarms. A receipt's bounce is
 * mostly a typing error and is suppressed by SES; many in an hour alarm.
 */
export function mailWatches(mail: PortalMail, period: Duration): Watch[] {
  return [
    {
      id: 'TeamMailBounces',
      description: 'E-post til et team eller Servicedesk kom i retur (bounce). Sjekk adressene i content/teams.yaml og content/routing.yaml.',
      metric: mailMetric(mail.teamMail, 'Bounce', period),
    },
    {
      id: 'TeamMailComplaints',
      description: 'E-post til et team eller Servicedesk ble meldt som søppelpost. Be mottakeren hviteliste avsenderen.',
      metric: mailMetric(mail.teamMail, 'Complaint', period),
    },
    {
      id: 'ReceiptComplaints',
      description: 'En kvittering ble meldt som søppelpost: noen kan ha brukt en annens e-postadresse i skjemaet.',
      metric: mailMetric(mail.receipts, 'Complaint', period),
    },
    {
      id: 'ReceiptBounces',
      description: `Mer enn ${String(RECEIPT_BOUNCES_PER_HOUR)} kvitteringer kom i retur på en time: skjemaet kan være brukt til å sende e-post til tilfeldige adresser.`,
      metric: mailMetric(mail.receipts, 'Bounce', Duration.hours(1)),
      threshold: RECEIPT_BOUNCES_PER_HOUR,
    },
  ];
}
