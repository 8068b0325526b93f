import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { closeServer, portOf } from './servers.ts';

// A CommonJS module whose `exports.default` ESM loaders disagree about (Node vs Vite): take it as CommonJS.
const sesEmulator = createRequire(import.meta.url)('aws-ses-v2-local') as typeof import('aws-ses-v2-local');

export interface LocalSesOptions {
  host: string;
  port: number;
  /**
   * Recipients SES refuses, as it refuses an unverified address in the sandbox: `MessageRejected`, with SES's own
   * wording (which names the address). For drills and tests of a team address that can never be reached.
   */
  rejectRecipients?: readonly string[];
}

export interface LocalSes {
  /** Where the SES client sends (the SES API) and where a person reads the mail (the mailbox page). */
  endpoint: string;
  stop(): Promise<void>;
  /** Starts it again on the same port after `stop()`; what was sent before is kept (the store lives in memory). */
  restart(): Promise<void>;
  /** From now on, refuse mail to these recipients (replaces the list; empty to refuse none). */
  rejectRecipients(addresses: readonly string[]): void;
}

/**
 * aws-ses-v2-local: speaks the SES API and shows what was sent on its own page; `/store` returns it as JSON.
 * The emulator keeps one store per process, not per server: a new emulator starts with it emptied, so a stack
 * started after another in the same process (test files sharing a worker) does not show the other's mail.
 */
export async function startLocalSes(options: LocalSesOptions): Promise<LocalSes> {
  const rejected = new Set((options.rejectRecipients ?? []).map((address) => address.toLowerCase()));
  const refusing = (): ReadonlySet<string> => rejected;
  let server = await listenSes(options.host, options.port, refusing);
  const port = portOf(server);
  await emptyStore(`http://${options.host}:${port}`);
  let running = true;
  return {
    endpoint: `http://${options.host}:${port}`,
    async stop() {
      if (running) await closeServer(server);
      running = false;
    },
    async restart() {
      if (running) return;
      server = await listenSes(options.host, port, refusing);
      running = true;
    },
    rejectRecipients(addresses) {
      rejected.clear();
      for (const address of addresses) rejected.add(address.toLowerCase());
    },
  };
}

async function emptyStore(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
  if (!response.ok) throw new Error(`SES-emulatoren tømte ikke postkassen (${response.status}).`);
  rawHeaders.length = 0;
}

async function listenSes(host: string, port: number, rejected: () => ReadonlySet<string>): Promise<Server> {
  // The emulator resolves even when listening failed (Express 5 hands the error to its callback), so check.
  const server: Server = await sesEmulator.default({ host, port });
  if (!server.listening) {
    throw new Error(`Fikk ikke startet SES-emulatoren på ${host}:${port}. Porten er trolig opptatt: velg en annen med SES_PORT.`);
  }
  refuseRecipients(server, rejected);
  return server;
}

/**
 * Puts a gate before the emulator's own request handler: an SES API call (a form-encoded POST to `/`) is read
 * first, and one whose recipients include a refused address is answered as SES answers it. Otherwise the
 * emulator gets the call with its body already parsed: Express's body parsers skip a request that has been read.
 */
function refuseRecipients(server: Server, rejected: () => ReadonlySet<string>): void {
  const emulator = server.listeners('request')[0] as RequestListener | undefined;
  if (!emulator) throw new Error('SES-emulatoren har ingen forespørselsbehandler.');
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'GET' && request.url === RAW_HEADERS_PATH) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messages: rawHeaders }));
      return;
    }
    if (request.method !== 'POST' || request.url !== '/' || !String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      emulator(request, response);
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const refused = recipientsOf(body).filter((address) => rejected().has(address.toLowerCase()));
      if (refused.length > 0) {
        response
          .writeHead(400, { 'content-type': 'text/xml' })
          .end(
            sesError('MessageRejected', `Email address is not verified. The following identities failed the check in region EU-NORTH-1: ${refused.join(', ')}`),
          );
        return;
      }
      keepHeaders(body);
      (request as IncomingMessage & { body?: unknown }).body = body;
      emulator(request, response);
    });
  });
}

/**
 * The emulator's store keeps no headers of a raw message, yet a message's own headers are part of what it promises
 * (the layout version, List-Unsubscribe): the gate keeps each raw message's headers, for `GET /store/headers`.
 * In memory, like the emulator's store, and emptied with it when an emulator starts.
 */
export const RAW_HEADERS_PATH = '/store/headers';
export interface RawMessageHeaders {
  destinations: string[];
  /** Each header as it was sent, unfolded, in order; encoded words left as they are. */
  headers: [string, string][];
}
const rawHeaders: RawMessageHeaders[] = [];

function keepHeaders(body: Record<string, string>): void {
  const data = body['RawMessage.Data'];
  if (body.Action !== 'SendRawEmail' || !data) return;
  const head =
    Buffer.from(data, 'base64')
      .toString('utf8')
      .split(/\r?\n\r?\n/)[0] ?? '';
  const headers = head
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)
    .map((line): [string, string] => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    });
  rawHeaders.push({ destinations: recipientsOf(body), headers });
}

/** The recipients of SendRawEmail (`Destinations.member.N`) and SendEmail (`Destination.*Addresses.member.N`). */
function recipientsOf(body: Record<string, string>): string[] {
  return Object.entries(body)
    .filter(([name]) => /^Destinations\.member\.\d+$/.test(name) || /^Destination\.(To|Cc|Bcc)Addresses\.member\.\d+$/.test(name))
    .map(([, value]) => value);
}

/** An error as SES's query API sends it, which the SDK turns into the exception of that name. */
export function sesError(code: string, message: string): string {
  const escaped = message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escaped}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
}
