import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../functions/http/client-address.ts';

const event = (headers: Record<string, string | undefined>) =>
  ({ headers, requestContext: { http: { sourceIp: '130.176.0.1' } } }) as unknown as Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>;

describe('clientAddress', () => {
  it.each([
    { headers: { 'cloudfront-viewer-address': '203.0.113.5:46532' }, address: '203.0.113.5' },
    { headers: { 'cloudfront-viewer-address': '[2001:db8::1]:443' }, address: '2001:db8::1' },
    { headers: {}, address: '130.176.0.1' },
    { headers: { 'x-forwarded-for': '198.51.100.7' }, address: '130.176.0.1' },
  ])('takes $address from $headers', ({ headers, address }) => {
    expect(clientAddress(event(headers))).toBe(address);
  });
});
