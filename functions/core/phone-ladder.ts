import type { Contact } from '../catalog/contact-schema.ts';

/**
 * The fallback ladder from content/contact.yaml as sentences: «<when>: <action>», the channel's number or address in
 * the place of {value}. Pages and e-mails draw the number as a link; `href` is that link (tel: or mailto:).
 */

export interface LadderStep {
  when: string;
  /** The action in parts, around the number or address (which is absent when the action names none). */
  before: string;
  value?: { text: string; href?: string | undefined } | undefined;
  after: string;
}

/** A number as people write it («61 18 28 00», «+47 912 34 567 (vakt)») as a link to call it: digits and a leading +. */
export const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;

function hrefOf(channel: Contact['channels'][number]): string | undefined {
  if (channel.kind === 'phone') return telHref(channel.value);
  if (channel.kind === 'email') return `mailto:${channel.value}`;
  return undefined;
}

export function ladderSteps(contact: Pick<Contact, 'ladder' | 'channels'>): LadderStep[] {
  return contact.ladder.flatMap((step) => {
    const channel = contact.channels.find((candidate) => candidate.id === step.channel);
    if (!channel) return [];
    const [before = '', after] = step.action.split('{value}');
    return [after === undefined ? { when: step.when, before, after: '' } : { when: step.when, before, value: { text: channel.value, href: hrefOf(channel) }, after }];
  });
}

/** One step as a sentence in parts: text, and the number or address as a link where it can be one. */
export function ladderParts(step: LadderStep): (string | { text: string; href: string })[] {
  const value = step.value ? [step.value.href ? { text: step.value.text, href: step.value.href } : step.value.text] : [];
  return [`${step.when}: ${step.before}`, ...value, `${step.after}.`];
}

/** The desk's first number, from the top of the ladder (content/contact.yaml makes sure it is a phone). */
export function deskPhone(contact: Pick<Contact, 'ladder' | 'channels'>): { number: string; href: string } {
  const first = contact.channels.find((channel) => channel.id === contact.ladder[0]?.channel);
  const number = first?.value ?? '';
  return { number, href: telHref(number) };
}
