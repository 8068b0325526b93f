import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSesClient,
  DELIVERY_RECORD_BUDGET_MS,
  MIN_MS_TO_START_SEND,
  ROUTER_TIMEOUT_MS,
  SES_MAX_ATTEMPTS,
  SES_REQUEST_TIMEOUT_MS,
  SES_SEND_LIMIT_MS,
} from '../../functions/adapters/route-dependencies.ts';
import { createSesMailer } from '../../functions/adapters/ses-mailer.ts';
import type { OutgoingEmail } from '../../functions/core/ports.ts';
import { isPermanentRoutingError } from '../../functions/core/route-report.ts';
import { startLocalSes, type LocalSes } from '../../infra/local/ses.ts';
import { closeServer, listen } from '../../infra/local/servers.ts';

/** The router's SES client and mailer against stand-ins on 127.0.0.1: a server that never answers, one that records. */

const FROM = 'serviceportal@hdo.example';
const email = (changes: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  to: 'team-video@hdo.example',
  subject: 'Emne',
  text: 'Tekst',
  html: '<p>Tekst</p>',
  headers: {},
  tags: { kind: 'team' },
  ...changes,
});

let server: Server | undefined;
let ses: LocalSes | undefined;
afterEach(async () => {
  if (server) await closeServer(server);
  await ses?.stop();
  server = undefined;
  ses = undefined;
});

/** A stand-in for SES on a free port: `answer` decides each request; every body is kept. */
async function fakeSes(answer: (request: IncomingMessage, response: ServerResponse, body: URLSearchParams) => void) {
  const bodies: URLSearchParams[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      bodies.push(body);
      answer(request, response, body);
    });
  });
  await listen(server, '127.0.0.1', 0);
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies };
}

const clientFor = (endpoint: string) => createSesClient({ endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const SENT =
  '<SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendRawEmailResult><MessageId>m-1</MessageId></SendRawEmailResult></SendRawEmailResponse>';

describe('the SES client: a request timeout below the router budget (finding 5)', () => {
  it('gives up on an SES that never answers after its attempts, within the send limit, instead of waiting for the Lambda timeout', async () => {
    const silent = await fakeSes(() => undefined);
    const mailer = createSesMailer(clientFor(silent.endpoint), { from: FROM });

    const started = performance.now();
    const error = await mailer.send(email()).then(
      () => undefined,
      (failure: unknown) => failure as Error,
    );
    const elapsed = performance.now() - started;

    expect(error?.name).toBe('TimeoutError');
    expect(silent.bodies).toHaveLength(SES_MAX_ATTEMPTS);
    expect(elapsed).toBeGreaterThanOrEqual(SES_MAX_ATTEMPTS * SES_REQUEST_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(SES_SEND_LIMIT_MS + 500);
    // A timeout may pass: the report stays pending and is retried.
    expect(isPermanentRoutingError(error)).toBe(false);
  });

  it("keeps a send and its record inside the router's 10 s timeout, as the CDK function sets it", () => {
    const portalFunction = readFileSync(new URL('../../infra/aws/portal-function.ts', import.meta.url), 'utf8');
    const timeoutSeconds = Number(/timeout: props\.timeout \?\? Duration\.seconds\((\d+)\)/.exec(portalFunction)?.[1]);

    expect(timeoutSeconds * 1000).toBe(ROUTER_TIMEOUT_MS);
    expect(SES_SEND_LIMIT_MS + DELIVERY_RECORD_BUDGET_MS).toBeLessThan(ROUTER_TIMEOUT_MS);
    expect(MIN_MS_TO_START_SEND).toBeLessThan(ROUTER_TIMEOUT_MS);
  });
});

describe('the SES mailer', () => {
  it('sends receipts with the receipt configuration set and everything for the desk with the desk set', async () => {
    const recording = await fakeSes((_request, response) => response.writeHead(200, { 'content-type': 'text/xml' }).end(SENT));
    const mailer = createSesMailer(clientFor(recording.endpoint), { from: FROM, deskConfigurationSet: 'desk-set', receiptConfigurationSet: 'receipt-set' });

    for (const kind of ['team', 'receipt', 'major-incident', 'routing-failed']) await mailer.send(email({ tags: { kind } }));

    expect(recording.bodies.map((body) => [body.get('Tags.member.1.Value'), body.get('ConfigurationSetName')])).toEqual([
      ['team', 'desk-set'],
      ['receipt', 'receipt-set'],
      ['major-incident', 'desk-set'],
      ['routing-failed', 'desk-set'],
    ]);
  });

  it("sends the issue's poison text (a lone surrogate) as U+FFFD: SendRawEmail carries bytes, so no URIError", async () => {
    const recording = await fakeSes((_request, response) => response.writeHead(200, { 'content-type': 'text/xml' }).end(SENT));
    const mailer = createSesMailer(clientFor(recording.endpoint), { from: FROM });

    await mailer.send(email({ subject: 'Ingen lyd \ud800', text: 'Ingen lyd \ud800' }));

    const raw = Buffer.from(recording.bodies[0]?.get('RawMessage.Data') ?? '', 'base64').toString('utf8');
    expect(raw).toContain(`=?UTF-8?B?${Buffer.from('Ingen lyd \ufffd').toString('base64')}?=`);
  });

  it('fails an address that cannot stand in a header as SES would, InvalidParameterValue: permanent', async () => {
    const recording = await fakeSes((_request, response) => response.writeHead(200, { 'content-type': 'text/xml' }).end(SENT));
    const mailer = createSesMailer(clientFor(recording.endpoint), { from: FROM });

    const error = await mailer.send(email({ to: 'kåre@sykehus.example' })).catch((failure: unknown) => failure as Error);

    expect(error).toMatchObject({ name: 'InvalidParameterValue' });
    expect(isPermanentRoutingError(error)).toBe(true);
    expect(recording.bodies).toEqual([]);
  });

  it("gets the local SES emulator's refusal of a configured address as SES's MessageRejected: permanent", async () => {
    ses = await startLocalSes({ host: '127.0.0.1', port: 0, rejectRecipients: ['team-video@hdo.example'] });
    const mailer = createSesMailer(clientFor(ses.endpoint), { from: FROM });

    const error = await mailer.send(email()).catch((failure: unknown) => failure as Error);
    await mailer.send(email({ to: 'team-telefoni@hdo.example' }));

    expect(error).toMatchObject({ name: 'MessageRejected', message: expect.stringContaining('team-video@hdo.example') });
    expect(isPermanentRoutingError(error)).toBe(true);
    const stored = (await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
    expect(stored.emails.map((sent) => sent.destination.to)).toContainEqual(['team-telefoni@hdo.example']);
    expect(stored.emails.map((sent) => sent.destination.to)).not.toContainEqual(['team-video@hdo.example']);
  });
});
