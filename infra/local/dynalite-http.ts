import { Agent, request as httpRequest, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { crc32 } from 'node:zlib';

export interface Upstream {
  host: string;
  port: number;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const agent = new Agent({ keepAlive: true });

/** Sends one request to dynalite and collects the whole answer. */
export function sendToDynalite(
  upstream: Upstream,
  options: { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer },
): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    const { 'transfer-encoding': _chunked, ...sent } = options.headers;
    const headers = { ...sent, 'content-length': String(options.body.length) };
    const outgoing = httpRequest({ host: upstream.host, port: upstream.port, method: options.method, path: options.path, headers, agent }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 500, headers: incoming.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

// dynalite checks that a request looks signed, not the signature. The proxy's own reads skip the SDK: signing
// and its middleware cost more CPU than dynalite's read itself.
const UNSIGNED_HEADERS = {
  'content-type': 'application/x-amz-json-1.0',
  authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=local',
  'x-amz-date': '20260101T000000Z',
};

/** Calls a DynamoDB operation on dynalite without the SDK; answers the parsed JSON of a 200, throws otherwise. */
export async function callDynalite(upstream: Upstream, operation: string, payload: unknown): Promise<Record<string, unknown>> {
  const response = await sendToDynalite(upstream, {
    method: 'POST',
    path: '/',
    headers: { ...UNSIGNED_HEADERS, 'x-amz-target': `DynamoDB_20120810.${operation}` },
    body: Buffer.from(JSON.stringify(payload)),
  });
  if (response.status !== 200) throw new Error(`dynalite svarte ${response.status} på ${operation}: ${response.body.toString('utf8').slice(0, 200)}`);
  return JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
}

/** Writes an answer to the client; a rewritten body gets its length and DynamoDB's CRC32 header recomputed. */
export function sendUpstreamResponse(response: ServerResponse, upstream: UpstreamResponse, rewrittenBody?: Buffer): void {
  if (!rewrittenBody) {
    response.writeHead(upstream.status, upstream.headers).end(upstream.body);
    return;
  }
  const headers = { ...upstream.headers, 'content-length': String(rewrittenBody.length), 'x-amz-crc32': String(crc32(rewrittenBody)) };
  response.writeHead(upstream.status, headers).end(rewrittenBody);
}
