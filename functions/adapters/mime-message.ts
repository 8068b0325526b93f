import type { OutgoingEmail } from '../core/ports.ts';

/**
 * An e-mail as the bytes of a MIME message (RFC 5322, 2045–2047), for SES's SendRawEmail: the only way to send a
 * header of our own, such as the layout version the desk's mail rules read. Text and HTML go as
 * multipart/alternative, each base64-encoded UTF-8; the subject, which carries what the reporter wrote, goes as
 * encoded words, so no line break in it can start a header. SES adds Date and Message-ID.
 */

const CRLF = '\r\n';
/**
 * RFC 2047: a line with encoded words is at most 76 characters. 39 bytes of UTF-8 make 52 of base64, 64 with
 * «=?UTF-8?B?» and «?=», so even the first, after «Subject: », stays within it.
 */
const BYTES_PER_WORD = 39;
const BASE64_LINE = 76;

export function mimeMessage(email: OutgoingEmail, from: string, boundary: string): Uint8Array {
  const headers: [string, string][] = [
    ['From', address(from)],
    ['To', address(email.to)],
    ...(email.replyTo ? [['Reply-To', address(email.replyTo)] as [string, string]] : []),
    ['Subject', encodedWords(email.subject)],
    ['MIME-Version', '1.0'],
    ...Object.entries(email.headers).map(([name, value]): [string, string] => [headerName(name), address(value)]),
    ['Content-Type', `multipart/alternative; boundary="${boundary}"`],
  ];
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(body.replace(/\r?\n/g, CRLF))].join(CRLF);
  const message = [
    ...headers.map(([name, value]) => `${name}: ${value}`),
    '',
    part('text/plain', email.text),
    part('text/html', email.html),
    `--${boundary}--`,
    '',
  ].join(CRLF);
  return new TextEncoder().encode(message);
}

/** Addresses and our own header values are plain ASCII on one line; anything else is a fault in the caller. */
function address(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`Kan ikke stå i et e-posthode uten koding: ${JSON.stringify(value)}`);
  return value;
}

function headerName(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) throw new Error(`Ugyldig navn på e-posthode: ${JSON.stringify(name)}`);
  return name;
}

/** The text as RFC 2047 encoded words, split between characters, on folded lines. */
function encodedWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const character of text) {
    if (Buffer.byteLength(chunk + character) > BYTES_PER_WORD) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  if (chunk !== '' || words.length === 0) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`).join(`${CRLF} `);
}

function base64Lines(body: string): string {
  const encoded = Buffer.from(body).toString('base64');
  const lines: string[] = [];
  for (let start = 0; start < encoded.length; start += BASE64_LINE) lines.push(encoded.slice(start, start + BASE64_LINE));
  return lines.join(CRLF);
}
