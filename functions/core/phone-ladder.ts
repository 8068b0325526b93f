import type { Contact } from '../catalog/contact-schema.ts';

/**
 * The fallback ladder from `content/contact.yaml`, one line per step, for texts that cannot link to the contact
 * page (e-mails): "<when> <channel>: <number or address>".
 */
export function phoneLadderLines(contact: Contact): string[] {
  return contact.ladder.map((step) => {
    const channel = contact.channels.find((candidate) => candidate.id === step.channel);
    return channel ? `${step.when} ${channel.name}: ${channel.value}` : step.when;
  });
}
