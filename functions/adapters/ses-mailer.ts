import { SendEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import type { Mailer } from '../core/ports.ts';

/** Sends through SES, one message per recipient (the SES emulator keeps only the first address of a list). */
export function createSesMailer(client: SESClient, from: string, configurationSet?: string): Mailer {
  return {
    async send(email) {
      await client.send(
        new SendEmailCommand({
          Source: from,
          Destination: { ToAddresses: [email.to] },
          ReplyToAddresses: email.replyTo ? [email.replyTo] : undefined,
          Message: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
          },
          Tags: Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value })),
          ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
        }),
      );
    },
  };
}
