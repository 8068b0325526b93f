import { ConfigurationSet, EmailIdentity, Identity, ConfigurationSetTlsPolicy, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';

export interface PortalMail {
  identity: EmailIdentity;
  configurationSet: ConfigurationSet;
}

/**
 * The SES domain identity the router sends as (SES signs with DKIM once the domain's DNS has the records) and
 * a configuration set that stops sending to addresses that bounced or complained.
 */
export function createPortalMail(scope: Construct, domain: string): PortalMail {
  const configurationSet = new ConfigurationSet(scope, 'MailConfiguration', {
    suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    // Team mailboxes are on servers that speak TLS; a report must not cross the internet in clear text.
    tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
    reputationMetrics: true,
  });
  // The identity's default set, so the suppression applies even to a send that names no set.
  const identity = new EmailIdentity(scope, 'MailSender', { identity: Identity.domain(domain), configurationSet });
  return { identity, configurationSet };
}
