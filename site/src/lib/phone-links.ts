import type { DeskContact } from '../../../functions/core/desk-contact.ts';
import { telHref } from '../../../functions/core/phone-ladder.ts';

/**
 * Every phone number of content/contact.yaml (the desk's and the other desks') in `html` made a link to call it,
 * outside tags and outside links that are there already. Numbers are matched as written, with or without spaces.
 */
export function phoneNumbersLinked(html: string, contact: Pick<DeskContact, 'channels' | 'otherDesks'>): string {
  const numbers = [...new Set([...contact.channels, ...contact.otherDesks].filter((channel) => channel.kind === 'phone').map((channel) => channel.value))];
  if (numbers.length === 0) return html;
  // «61 18 28 00» may be written «61182800»; a number inside a longer number is not the desk's.
  const pattern = new RegExp(`(?<![\\d+])(${numbers.map(writtenAnyWay).join('|')})(?!\\d)`, 'g');
  let insideLink = 0;
  return html
    .split(/(<[^>]+>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<a[\s>]/i.test(part)) insideLink += 1;
        else if (/^<\/a>/i.test(part)) insideLink = Math.max(0, insideLink - 1);
        return part;
      }
      return insideLink > 0 ? part : part.replace(pattern, (number: string) => `<a class="ds-link" href="${telHref(number)}">${number}</a>`);
    })
    .join('');
}

/** A number (digits and a leading +, see PHONE_NUMBER) as a pattern that allows a space between any two digits. */
function writtenAnyWay(number: string): string {
  return number
    .replace(/[^\d+]/g, '')
    .split('')
    .map((character) => (character === '+' ? '\\+' : character))
    .join('\\s?');
}
