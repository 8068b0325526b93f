import { randomUUID } from 'node:crypto';
import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import type { Mailer } from '../core/ports.ts';
import { mimeMessage } from './mime-message.ts';

/**
 * Sends through SES, one message per recipient (the SES emulator keeps only the first address of a list), as a raw
 * MIME message so that the e-mail's own headers (its layout version) travel with it.
 */
export function createSesMailer(client: SESClient, from: string, configurationSet?: string): Mailer {
  return {
    async send(email) {
      await client.send(
        new SendRawEmailCommand({
          Source: from,
          Destinations: [email.to],
          RawMessage: { Data: mimeMessage(email, from, `serviceportal-${randomUUID()}`) },
          Tags: Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value })),
          ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
        }),
      );
    },
  };
}
