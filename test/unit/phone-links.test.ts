import { describe, expect, it } from 'vitest';
import { phoneNumbersLinked } from '../../site/src/lib/phone-links.ts';
import { realCatalog } from './builders.ts';

/** Every phone number in an article or a notice is a number you can tap to call; the numbers are content/contact.yaml's. */

const contact = realCatalog().contact;

describe('phoneNumbersLinked', () => {
  it.each([
    ['the desk', '<p>Ring Servicedesk på 08915 med en gang.</p>', '<p>Ring Servicedesk på <a class="ds-link" href="tel:08915">08915</a> med en gang.</p>'],
    ['a number written with spaces', '<li>Ring 61 18 28 00.</li>', '<li>Ring <a class="ds-link" href="tel:61182800">61 18 28 00</a>.</li>'],
    ['the same number without them', '<li>Ring 61182800.</li>', '<li>Ring <a class="ds-link" href="tel:61182800">61182800</a>.</li>'],
    ['another desk', '<p>Helsenettet: 02017</p>', '<p>Helsenettet: <a class="ds-link" href="tel:02017">02017</a></p>'],
  ])('links %s', (_case, html, linked) => {
    expect(phoneNumbersLinked(html, contact)).toBe(linked);
  });

  it.each([
    ['a number that is a link already', '<p><a href="tel:08915">08915</a></p>'],
    ['a number inside an attribute', '<p><img alt="08915" src="/x.png"></p>'],
    ['a longer number that contains it', '<p>Saksnummer 1089150.</p>'],
  ])('leaves %s alone', (_case, html) => {
    expect(phoneNumbersLinked(html, contact)).toBe(html);
  });
});

describe('phoneNumbersLinked with a number written with a country code', () => {
  const abroad = { ...contact, otherDesks: [{ ...contact.channels[0]!, id: 'abroad', value: '+47 61 18 28 00' }] };

  it('links it as written, the + kept in the link', () => {
    expect(phoneNumbersLinked('<p>Fra utlandet: +47 61 18 28 00.</p>', abroad)).toBe(
      '<p>Fra utlandet: <a class="ds-link" href="tel:+4761182800">+47 61 18 28 00</a>.</p>',
    );
  });
});
