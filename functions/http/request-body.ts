import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isJsonObject } from '../vocabulary/json-guards.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyKind = 'json' | 'form';

export type ReadBodyResult = { ok: true; kind: BodyKind; data: unknown; text: string } | { ok: false; status: 400 | 413 | 415; message: string };

const CONTENT_TYPES: Record<string, BodyKind> = {
  'application/json': 'json',
  'application/x-www-form-urlencoded': 'form',
};

/** Decodes the body of a JSON or HTML-form request into a plain object, enforcing the size limit. */
export function readBody(event: APIGatewayProxyEventV2): ReadBodyResult {
  const mediaType = (event.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const kind = CONTENT_TYPES[mediaType];
  if (!kind) {
    return { ok: false, status: 415, message: 'Meldingen må sendes som application/json eller som et vanlig skjema.' };
  }
  const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) {
    return {
      ok: false,
      status: 413,
      message: `Meldingen er for stor. Den kan være høyst ${MAX_BODY_BYTES / 1024} KiB. Send vedlegg som svar på e-posten du får.`,
    };
  }
  const text = raw.toString('utf8');
  if (kind === 'form') return { ok: true, kind, text, data: formToObject(new URLSearchParams(text)) };
  try {
    return { ok: true, kind, text, data: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'Innholdet er ikke gyldig JSON.' };
  }
}

/** `contact.email=x` becomes `{ contact: { email: 'x' } }`, so form fields and JSON share one schema. */
export function formToObject(params: URLSearchParams): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of params) {
    const parts = name.split('.');
    if (parts.some((part) => part === '' || part === '__proto__' || part === 'constructor' || part === 'prototype')) continue;
    // split gives at least one part, so `last` is always there.
    const last = parts.pop() ?? name;
    let target = result;
    for (const part of parts) {
      const next = target[part];
      if (isJsonObject(next)) {
        target = next;
      } else {
        const created: Record<string, unknown> = {};
        target[part] = created;
        target = created;
      }
    }
    target[last] = value;
  }
  return result;
}
