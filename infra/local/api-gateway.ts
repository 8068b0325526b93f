import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';

/** The same limit API Gateway HTTP APIs put on a request body. */
const API_GATEWAY_MAX_BODY = 10 * 1024 * 1024;
const TEXT_MEDIA_TYPE = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript))/i;

export type ApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

export interface ApiRoute {
  method: string;
  /** API Gateway route path; `{name}` matches one path segment, handed to the handler in pathParameters. */
  path: string;
  invoke: ApiHandler;
}

export interface Throttle {
  /** Takes a token if one is left; false means API Gateway would answer 429. */
  take(): boolean;
}

/** API Gateway's stage throttling: a token bucket refilled at `rateLimit` per second, holding at most `burstLimit`. */
export function tokenBucket(options: { rateLimit: number; burstLimit: number }, clock: () => number = Date.now): Throttle {
  let tokens = options.burstLimit;
  let last = clock();
  return {
    take() {
      const now = clock();
      tokens = Math.min(options.burstLimit, tokens + ((now - last) / 1000) * options.rateLimit);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

function decodedOrRaw(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function matchRoute(
  routes: readonly ApiRoute[],
  method: string,
  pathname: string,
): { route?: ApiRoute; pathParameters?: Record<string, string>; pathKnown: boolean } {
  let pathKnown = false;
  for (const route of routes) {
    const names: string[] = [];
    const pattern = new RegExp(`^${route.path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
    const match = pattern.exec(pathname);
    if (!match) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    // A parameter that cannot be decoded is handed on as sent: the function's pattern check refuses it (4xx, not 500).
    const pathParameters = Object.fromEntries(names.map((name, index) => [name, decodedOrRaw(match[index + 1] ?? '')]));
    return { route, pathKnown, ...(names.length > 0 ? { pathParameters } : {}) };
  }
  return { pathKnown };
}

/**
 * Plays API Gateway (HTTP API, payload format 2.0) for Node's HTTP server: turns a request into the event the
 * handler gets in AWS, and the handler's result back into a response.
 */
export async function serveApiRequest(request: IncomingMessage, response: ServerResponse, routes: readonly ApiRoute[], throttle: Throttle): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const { route, pathParameters, pathKnown } = matchRoute(routes, request.method ?? 'GET', url.pathname);
  if (!route) {
    writeJson(response, pathKnown ? 405 : 404, { message: pathKnown ? 'Method Not Allowed' : 'Not Found' });
    request.resume();
    return;
  }
  if (!throttle.take()) {
    writeJson(response, 429, { message: 'Too Many Requests' });
    request.resume();
    return;
  }

  const body = await readRequestBody(request, API_GATEWAY_MAX_BODY);
  if (body === 'too-large') {
    writeJson(response, 413, { message: 'Request Entity Too Large' });
    return;
  }

  const event = toHttpApiEvent(request, url, `${route.method} ${route.path}`, body, pathParameters);
  try {
    writeResult(response, await route.invoke(event));
  } catch (error) {
    // API Gateway answers 500 without detail when the function itself fails; the error stays in the log.
    console.error(error);
    writeJson(response, 500, { message: 'Internal Server Error' });
  }
}

export function toHttpApiEvent(
  request: IncomingMessage,
  url: URL,
  routeKey: string,
  body: Buffer,
  pathParameters?: Record<string, string>,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const cookies = request.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .filter(Boolean);
  const isText = TEXT_MEDIA_TYPE.test(headers['content-type'] ?? 'text/plain');
  const now = new Date();
  const query = url.searchParams.size > 0 ? Object.fromEntries([...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k).join(',')])) : undefined;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    ...(pathParameters ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !isText,
  };
}

function writeResult(response: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result === 'string' || result.statusCode === undefined) {
    // HTTP API infers a 200 JSON response from anything that is not a structured result.
    writeJson(response, 200, typeof result === 'string' ? JSON.parse(result) : result);
    return;
  }
  response.statusCode = result.statusCode;
  for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, String(value));
  if (result.cookies?.length) response.setHeader('set-cookie', result.cookies);
  response.end(result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'));
}

function writeJson(response: ServerResponse, statusCode: number, body: unknown): void {
  response.writeHead(statusCode, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export function readRequestBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
