import {
  CloudWatchDimensionSource,
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';

export interface PortalMail {
  identity: EmailIdentity;
  /** The desk's and the teams' mail (MAIL_CONFIGURATION_SET): never suppressed, so a reporter's bounce cannot silence a team. */
  teamMail: ConfigurationSet;
  /** Receipts to reporters (RECEIPT_CONFIGURATION_SET): an address that bounced or complained gets no more. */
  receipts: ConfigurationSet;
}

/** The SES auto-tag that names the configuration set a message went through: the dimension of its CloudWatch metrics. */
export const CONFIGURATION_SET_DIMENSION = 'ses:configuration-set';
/** Recorded for both sets: what the alarms watch (bounces, complaints) and what the dashboard shows beside them. */
export const RECORDED_EVENTS = [EmailSendingEvent.DELIVERY, EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT] as const;

/**
 * The SES domain identity the router sends as (SES signs with DKIM once the domain's DNS has the records) and two
 * configuration sets, each recording its events as CloudWatch metrics (AWS/SES, by set).
 *
 * A bounce is about the address, and SES's account-level suppression list would hold a team's address back after
 * one bounce while its reports still show «sendt». So the team set uses no suppression list at all: a team
 * address that bounces raises an alarm instead (portal-operations.ts) and keeps getting tried. Receipts go to
 * whatever address a reporter typed, so that set suppresses bounces and complaints.
 */
export function createPortalMail(scope: Construct, domain: string): PortalMail {
  const configurationSet = (id: string, suppression: { disableSuppressionList: true } | { suppressionReasons: SuppressionReasons }) => {
    const set = new ConfigurationSet(scope, id, {
      ...suppression,
      // Mail servers that speak TLS only: a report, or a receipt's status link, must not cross the internet in clear text.
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
    });
    set.addEventDestination('CloudWatch', {
      destination: EventDestination.cloudWatchDimensions([
        { source: CloudWatchDimensionSource.MESSAGE_TAG, name: CONFIGURATION_SET_DIMENSION, defaultValue: set.configurationSetName },
      ]),
      events: [...RECORDED_EVENTS],
    });
    return set;
  };
  // The id the single set had before, so an update changes that set in place instead of replacing it.
  const teamMail = configurationSet('MailConfiguration', { disableSuppressionList: true });
  const receipts = configurationSet('ReceiptConfiguration', { suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS });
  // The identity's default set applies only to a send that names none; the functions always name one. If one ever
  // does not, it is treated as mail to an unknown address.
  const identity = new EmailIdentity(scope, 'MailSender', { identity: Identity.domain(domain), configurationSet: receipts });
  return { identity, teamMail, receipts };
}
