import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { escapeHtml } from '../core/html.ts';
import type { ApiErrors } from './contract/errors.ts';

const NO_STORE = { 'cache-control': 'no-store' };

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers }, body: JSON.stringify(body) };
}

/** The API's error answer (contract/errors.ts), with an empty path: the error is about the whole request. */
export function errorResponse(statusCode: number, message: string, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return jsonResponse(statusCode, { errors: [{ path: '', message }] } satisfies ApiErrors, headers);
}

export function redirectResponse(location: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode: 303, headers: { location, ...NO_STORE }, body: '' };
}

export function htmlResponse(statusCode: number, html: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'text/html; charset=utf-8', ...NO_STORE }, body: html };
}

/** A small, self-contained page for browsers without JavaScript, when the site's own pages are not at hand. */
export function htmlPage(statusCode: number, title: string, bodyHtml: string): APIGatewayProxyStructuredResultV2 {
  const html = `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Serviceportal</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${bodyHtml}
</main>
</body>
</html>`;
  return htmlResponse(statusCode, html);
}
