import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { formToObject, MAX_BODY_BYTES, readBody } from '../../functions/http/request-body.ts';

function request(contentType: string | undefined, body: string | undefined, isBase64Encoded = false): APIGatewayProxyEventV2 {
  // Only the parts readBody looks at; API Gateway HTTP APIs lower-case header names.
  return { headers: contentType === undefined ? {} : { 'content-type': contentType }, body, isBase64Encoded } as APIGatewayProxyEventV2;
}

const TOO_LARGE = { ok: false, status: 413, message: 'Meldingen er for stor. Den kan være høyst 64 KiB. Send vedlegg som svar på e-posten du får.' };
const UNSUPPORTED = { ok: false, status: 415, message: 'Meldingen må sendes som application/json eller som et vanlig skjema.' };

describe('readBody: JSON', () => {
  it('decodes a JSON body', () => {
    const result = readBody(request('application/json', '{"serviceId":"iccs","contact":{"email":"kari@amk.example"}}'));

    expect(result).toMatchObject({ ok: true, kind: 'json', data: { serviceId: 'iccs', contact: { email: 'kari@amk.example' } } });
  });

  it.each(['application/json; charset=utf-8', 'Application/JSON', ' application/json '])('accepts the content type %j', (contentType) => {
    expect(readBody(request(contentType, '{"a":1}'))).toMatchObject({ ok: true, kind: 'json', data: { a: 1 } });
  });

  it.each([
    ['broken JSON', '{"serviceId":'],
    ['an empty body', ''],
    ['no body', undefined],
  ])('answers 400 for %s', (_case, body) => {
    expect(readBody(request('application/json', body))).toEqual({ ok: false, status: 400, message: 'Innholdet er ikke gyldig JSON.' });
  });

  it('decodes a base64-encoded body, UTF-8 included', () => {
    const json = JSON.stringify({ summary: 'Operatørplass 3 mister radio' });

    const result = readBody(request('application/json', Buffer.from(json, 'utf8').toString('base64'), true));

    expect(result).toMatchObject({ ok: true, kind: 'json', data: { summary: 'Operatørplass 3 mister radio' } });
  });
});

describe('readBody: HTML form', () => {
  it('turns dotted field names into nested objects, so forms and JSON share one schema', () => {
    const body = 'serviceId=iccs&summary=Radio+faller+ut&answers.controlRoom=AMK+Innlandet&contact.email=kari%40amk.example&contact.name=Kari+%C3%98';

    const result = readBody(request('application/x-www-form-urlencoded', body));

    expect(result).toMatchObject({
      ok: true,
      kind: 'form',
      data: {
        serviceId: 'iccs',
        summary: 'Radio faller ut',
        answers: { controlRoom: 'AMK Innlandet' },
        contact: { email: 'kari@amk.example', name: 'Kari Ø' },
      },
    });
  });

  it('decodes a base64-encoded form', () => {
    const body = Buffer.from('contact.name=Kari+Nordmann', 'utf8').toString('base64');

    expect(readBody(request('application/x-www-form-urlencoded; charset=UTF-8', body, true))).toMatchObject({
      ok: true,
      kind: 'form',
      data: { contact: { name: 'Kari Nordmann' } },
    });
  });
});

describe('formToObject: field names that would reach into the prototype are ignored', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it.each([
    '__proto__.polluted=yes',
    'contact.__proto__.polluted=yes',
    'constructor.prototype.polluted=yes',
    'contact.constructor.prototype.polluted=yes',
    '__proto__=yes',
  ])('%s', (body) => {
    const result = formToObject(new URLSearchParams(`summary=ok&${body}`));

    expect(result).toEqual({ summary: 'ok' });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['.name=x', 'contact.=x', 'contact..name=x'])('ignores a name with an empty part: %s', (body) => {
    expect(formToObject(new URLSearchParams(`summary=ok&${body}`))).toEqual({ summary: 'ok' });
  });

  it('keeps the last value when a field is repeated', () => {
    expect(formToObject(new URLSearchParams('summary=first&summary=second'))).toEqual({ summary: 'second' });
  });
});

describe('readBody: what is refused before it is read', () => {
  it.each([
    ['text/plain', 'serviceId=iccs'],
    ['multipart/form-data; boundary=x', '--x--'],
    ['application/xml', '<report/>'],
    [undefined, '{"serviceId":"iccs"}'],
  ])('answers 415 for content type %j', (contentType, body) => {
    expect(readBody(request(contentType, body))).toEqual(UNSUPPORTED);
  });

  it('accepts a body of exactly 64 KiB', () => {
    const body = JSON.stringify({ description: 'x'.repeat(MAX_BODY_BYTES - '{"description":""}'.length) });
    expect(Buffer.byteLength(body)).toBe(64 * 1024);

    expect(readBody(request('application/json', body)).ok).toBe(true);
  });

  it('answers 413 for a body one byte above 64 KiB', () => {
    const body = JSON.stringify({ description: 'x'.repeat(MAX_BODY_BYTES - '{"description":""}'.length + 1) });

    expect(readBody(request('application/json', body))).toEqual(TOO_LARGE);
  });

  it('counts bytes, not characters (ø is two bytes in UTF-8)', () => {
    const body = `summary=${'ø'.repeat(MAX_BODY_BYTES / 2)}`;
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);

    expect(readBody(request('application/x-www-form-urlencoded', body))).toEqual(TOO_LARGE);
  });

  it('measures a base64 body after decoding, so the encoding overhead does not count', () => {
    const decoded = 'x'.repeat(MAX_BODY_BYTES);
    const encoded = Buffer.from(decoded).toString('base64');
    expect(encoded.length).toBeGreaterThan(MAX_BODY_BYTES);

    expect(readBody(request('application/x-www-form-urlencoded', encoded, true))).toMatchObject({ ok: true });
    expect(readBody(request('application/x-www-form-urlencoded', Buffer.from(`${decoded}x`).toString('base64'), true))).toEqual(TOO_LARGE);
  });
});
