import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../functions/adapters/log.ts';
import { failureReason } from '../../functions/core/routing-failure.ts';
import { scrubEmailAddresses } from '../../functions/core/scrub.ts';
import { messageRejected } from './fakes.ts';

/** No e-mail address reaches a log line or a stored reason, even inside an error SES wrote (finding 6). */

afterEach(() => {
  vi.restoreAllMocks();
});

/** What the logger writes (POWERTOOLS_DEV in the test config sends it to the global console). */
function captureLog(): () => string {
  const lines: string[] = [];
  for (const method of ['error', 'warn', 'info'] as const) vi.spyOn(console, method).mockImplementation((line: unknown) => void lines.push(String(line)));
  return () => lines.join('\n');
}

describe('scrubEmailAddresses', () => {
  it.each([
    [
      'Email address is not verified. The following identities failed the check in region EU-NORTH-1: kari.nordmann@amk.example',
      'Email address is not verified. The following identities failed the check in region EU-NORTH-1: [e-postadresse]',
    ],
    ['a@b.no, Ola.O+test@sykehus-innlandet.no', '[e-postadresse], [e-postadresse]'],
    ['mailto:kåre@bø.example', 'mailto:[e-postadresse]'],
    ['Destinations.member.1=kari%40amk.example', 'Destinations.member.1=[e-postadresse]'],
  ])('takes the address out of %j', (text, scrubbed) => {
    expect(scrubEmailAddresses(text)).toBe(scrubbed);
  });

  it('leaves a stack alone: a package path with @ is no address', () => {
    const stack = 'at de_CommandError (/var/task/node_modules/@aws-sdk/client-ses/dist-cjs/index.js:1093:21)';

    expect(scrubEmailAddresses(stack)).toBe(stack);
  });
});

describe('the logger', () => {
  it("scrubs an error's message and stack of the address SES names", () => {
    const output = captureLog();

    logger.error('Report could not be routed', { reference: 'HDO-2026-000001', error: messageRejected('kari.nordmann@amk.example') });

    expect(output()).toContain('HDO-2026-000001');
    expect(output()).toContain('failed the check in region EU-NORTH-1: [e-postadresse]');
    expect(output()).not.toContain('kari.nordmann@amk.example');
  });

  it('scrubs the message and any string field, nested too', () => {
    const output = captureLog();

    logger.warn('Sending to ola@example.no failed', { detail: { to: ['per@example.no'], cause: 'rejected: kari@example.no' } });

    expect(output()).not.toMatch(/(ola|per|kari)@example\.no/);
    expect(output().match(/\[e-postadresse\]/g)).toHaveLength(3);
  });

  it('scrubs the cause of an error too', () => {
    const output = captureLog();

    logger.error('Routing failed', { error: new Error('Could not send', { cause: messageRejected('kari@example.no') }) });

    expect(output()).not.toContain('kari@example.no');
  });
});

describe('failureReason: what is stored as a failed report’s reason', () => {
  it('is one short line with the error’s name and no address', () => {
    expect(failureReason(messageRejected('kari@example.no'))).toBe(
      'MessageRejected: Email address is not verified. The following identities failed the check in region EU-NORTH-1: [e-postadresse]',
    );
    expect(failureReason(new Error(`line one\n${'x'.repeat(400)}`))).toMatch(/^Error: line one x+…$/);
    expect(failureReason(new Error('x'.repeat(400))).length).toBe(300);
  });
});
