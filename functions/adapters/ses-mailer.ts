import { randomUUID } from 'node:crypto';
import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import type { EmailKind } from '../core/email-layout.ts';
import type { Mailer, OutgoingEmail } from '../core/ports.ts';
import { SUBSCRIPTION_EMAIL_KINDS } from '../core/subscription-email.ts';
import { mimeMessage } from './mime-message.ts';

export interface SesMailerOptions {
  from: string;
  /**
   * SES configuration set for mail to the desk and its teams (team e-mails, copies, alerts, failure notices):
   * its own suppression settings, so a reporter's bounce never silences a team. Absent locally.
   */
  deskConfigurationSet?: string | undefined;
  /** SES configuration set for receipts to reporters: bounces and complaints suppressed and recorded. Absent locally. */
  receiptConfigurationSet?: string | undefined;
}

/**
 * The kinds that go to people outside the desk (the receipt, news of the case, a subscriber's confirmation link and
 * notices): sent with the configuration set that suppresses their bounces. Every other kind goes to the desk or one of its teams.
 */
const REPORTER_KINDS: ReadonlySet<string> = new Set([...(['receipt', 'reporter-update'] satisfies EmailKind[]), ...SUBSCRIPTION_EMAIL_KINDS]);
export const audienceOf = (email: Pick<OutgoingEmail, 'tags'>): 'reporter' | 'desk' => (REPORTER_KINDS.has(email.tags.kind ?? '') ? 'reporter' : 'desk');

/**
 * Sends through SES, one message per recipient (the SES emulator keeps only the first address of a list), as a raw
 * MIME message so that the e-mail's own headers (its layout version) travel with it.
 */
export function createSesMailer(client: SESClient, options: SesMailerOptions): Mailer {
  const { from } = options;
  return {
    async send(email) {
      const configurationSet = audienceOf(email) === 'reporter' ? options.receiptConfigurationSet : options.deskConfigurationSet;
      await client.send(
        new SendRawEmailCommand({
          Source: from,
          Destinations: [email.to],
          RawMessage: { Data: rawMessage(email, from) },
          Tags: Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value })),
          ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
        }),
      );
    },
  };
}

/**
 * The message's bytes. One that cannot be written (an address that cannot stand in a header unencoded) never
 * will be: it fails as SES itself fails an address it cannot use, with `InvalidParameterValue`, which the router
 * knows as permanent.
 */
function rawMessage(email: OutgoingEmail, from: string): Uint8Array {
  try {
    return mimeMessage(email, from, `serviceportal-${randomUUID()}`);
  } catch (error) {
    throw Object.assign(new Error(`The message cannot be written: ${error instanceof Error ? error.message : String(error)}`, { cause: error }), {
      name: 'InvalidParameterValue',
    });
  }
}
