import { timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The header CloudFront adds to every request it forwards to the API, holding ORIGIN_VERIFY_SECRET. The API
 * answers nothing without it, so a caller who finds the execute-api address cannot go around the edge (its WAF,
 * its rate rule, and the client address it sets). Locally the portal server plays CloudFront and adds it.
 */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/** Headers only CloudFront may set: the edge (or the local server playing it) overwrites whatever a client sent in them. */
export const VIEWER_ADDRESS_HEADER = 'cloudfront-viewer-address';

export function cameThroughEdge(event: Pick<APIGatewayProxyEventV2, 'headers'>, secret: string): boolean {
  const given = Buffer.from(event.headers[ORIGIN_VERIFY_HEADER] ?? '', 'utf8');
  const expected = Buffer.from(secret, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
