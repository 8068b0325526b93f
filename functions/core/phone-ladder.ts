import type { DeskContact } from './desk-contact.ts';
import type { Inline } from './html.ts';

/**
 * The fallback ladder from content/contact.yaml as sentences: «<when>: <action>.», the channel's number or address
 * in the place of {value}, as a link (tel: or mailto:) where it can be one. Pages and e-mails draw the same parts.
 */

export interface LadderStep {
  sentence: Inline[];
  /** A step that is a phone call: the number, for a big button to call it. */
  call?: { number: string; href: string } | undefined;
}

/** A number as people write it («61 18 28 00», «+47 912 34 567 (vakt)») as a link to call it: digits and a leading +. */
export const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;

export const mailtoHref = (address: string) => `mailto:${address}`;

function hrefOf(channel: DeskContact['channels'][number]): string | undefined {
  if (channel.kind === 'phone') return telHref(channel.value);
  if (channel.kind === 'email') return mailtoHref(channel.value);
  return undefined;
}

export function ladderSteps(contact: Pick<DeskContact, 'ladder' | 'channels'>): LadderStep[] {
  return contact.ladder.flatMap((step) => {
    const channel = contact.channels.find((candidate) => candidate.id === step.channel);
    if (!channel) return [];
    const [before = '', after] = step.action.split('{value}');
    if (after === undefined) return [{ sentence: [`${step.when}: ${before}.`] }];
    const href = hrefOf(channel);
    return [
      {
        sentence: [`${step.when}: ${before}`, href ? { text: channel.value, href } : channel.value, `${after}.`],
        ...(channel.kind === 'phone' ? { call: { number: channel.value, href: telHref(channel.value) } } : {}),
      },
    ];
  });
}

/** The desk's first number, from the top of the ladder (content/contact.yaml makes sure it is a phone). */
export function deskPhone(contact: Pick<DeskContact, 'ladder' | 'channels'>): { number: string; href: string } {
  const first = contact.channels.find((channel) => channel.id === contact.ladder[0]?.channel);
  const number = first?.value ?? '';
  return { number, href: telHref(number) };
}
