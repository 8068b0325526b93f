import { describe, expect, it } from 'vitest';
import { mimeMessage } from '../../functions/adapters/mime-message.ts';
import type { OutgoingEmail } from '../../functions/core/ports.ts';

const BOUNDARY = 'serviceportal-test';
const email: OutgoingEmail = {
  to: 'team@hdo.example',
  replyTo: 'kari.nordmann@amk.example',
  subject: '[P3][ICCS] HDO-2026-000001 Støy på plass 3',
  text: 'Linje én\nLinje to – æøå',
  html: '<p>Støy</p>',
  headers: { 'X-Serviceportal-Format': 'serviceportal.email.v4' },
  tags: { kind: 'team' },
};

/** The message split into its header lines (unfolded) and its parts, each part's body decoded. */
function read(bytes: Uint8Array) {
  const raw = new TextDecoder().decode(bytes);
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers = head.replace(/\r\n /g, ' ').split('\r\n');
  const parts = rest
    .join('\r\n\r\n')
    .split(`--${BOUNDARY}`)
    .slice(1, -1)
    .map((part) => {
      const [partHead = '', body = ''] = part.split('\r\n\r\n');
      return { type: /Content-Type: ([^;]+)/.exec(partHead)?.[1], body: Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8') };
    });
  return { raw, headers, parts };
}

const decodeWords = (value: string) =>
  value
    .split(' ')
    .map((word) => Buffer.from(/^=\?UTF-8\?B\?(.*)\?=$/.exec(word)?.[1] ?? '', 'base64').toString('utf8'))
    .join('');

describe('mimeMessage: an e-mail as SES SendRawEmail takes it', () => {
  it('carries sender, recipient, reply address and our own headers, one per line', () => {
    const { headers } = read(mimeMessage(email, 'portal@hdo.example', BOUNDARY));

    expect(headers).toEqual([
      'From: portal@hdo.example',
      'To: team@hdo.example',
      'Reply-To: kari.nordmann@amk.example',
      expect.stringMatching(/^Subject: =\?UTF-8\?B\?/),
      'MIME-Version: 1.0',
      'X-Serviceportal-Format: serviceportal.email.v4',
      `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
    ]);
  });

  it('sends the text and the HTML as alternatives, in UTF-8 with CRLF line ends', () => {
    const { parts } = read(mimeMessage(email, 'portal@hdo.example', BOUNDARY));

    expect(parts).toEqual([
      { type: 'text/plain', body: 'Linje én\r\nLinje to – æøå' },
      { type: 'text/html', body: '<p>Støy</p>' },
    ]);
  });

  it.each([
    ['Norwegian letters', 'Støy på plass 3 – «ingen lyd»'],
    ['a summary longer than one encoded word', `Operatørplass ${'æ'.repeat(80)} mister radio`],
    ['a line break typed to add a header', 'Hei\r\nBcc: alle@example.com'],
    ['nothing', ''],
  ])('keeps the subject as written: %s', (_what, subject) => {
    const { headers, raw } = read(mimeMessage({ ...email, subject }, 'portal@hdo.example', BOUNDARY));
    const line = headers.find((header) => header.startsWith('Subject: ')) ?? '';

    expect(decodeWords(line.slice('Subject: '.length))).toBe(subject);
    expect(raw).not.toMatch(/^Bcc:/m);
  });

  it('keeps every header line within 76 characters, never splitting a letter', () => {
    const subject = `Operatørplass 3 – ${'ø'.repeat(100)}`;
    const { raw, headers } = read(mimeMessage({ ...email, subject }, 'portal@hdo.example', BOUNDARY));
    const headerLines = (raw.split('\r\n\r\n')[0] ?? '').split('\r\n');

    expect(headerLines.length).toBeGreaterThan(headers.length);
    for (const line of headerLines) expect(line.length).toBeLessThanOrEqual(76);
    expect(decodeWords((headers.find((header) => header.startsWith('Subject: ')) ?? '').slice('Subject: '.length))).toBe(subject);
  });

  it('refuses an address or header it cannot write as it is', () => {
    expect(() => mimeMessage({ ...email, to: 'kåre@hdo.example' }, 'portal@hdo.example', BOUNDARY)).toThrow('Kan ikke stå i et e-posthode');
    expect(() => mimeMessage({ ...email, headers: { 'X-Bad\r\nBcc': 'x' } }, 'portal@hdo.example', BOUNDARY)).toThrow('Ugyldig navn på e-posthode');
  });
});
