import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTestPortal } from '../support/local-portal.ts';

/** The local server sends the built site as CloudFront does: gzip for text when asked, never for tiny or binary files. */

const portal = useTestPortal();

function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(`${portal.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('static site', () => {
  it('gzips a page for a browser that accepts gzip, and the page unpacks to what is sent uncompressed', async () => {
    const plain = await get('/', { 'accept-encoding': 'identity' });

    const packed = await get('/', { 'accept-encoding': 'br, gzip;q=0.8' });

    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.headers.vary).toBe('accept-encoding');
    expect(packed.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(packed.body).equals(plain.body)).toBe(true);
  });

  it('sends a page as it is when gzip is refused with q=0', async () => {
    const response = await get('/', { 'accept-encoding': 'gzip;q=0' });

    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString('utf8')).toContain('<html');
  });

  it('gzips the not-found page with its 404', async () => {
    const response = await get('/finnes-ikke/', { 'accept-encoding': 'gzip' });

    expect(response.status).toBe(404);
    expect(gunzipSync(response.body).toString('utf8')).toContain('<html');
  });
});
