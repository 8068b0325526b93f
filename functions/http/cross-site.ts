import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * Whether a POST was sent by a page of another site: a form or script on any web page could otherwise file reports
 * (and send receipts and P1 copies) from its visitors' browsers. Browsers say where a request comes from in
 * `Sec-Fetch-Site`; older ones only in `Origin`. A request with neither is not a browser's cross-site request
 * (a script or curl), and stays subject to the edge's and the API's limits. CloudFront forwards both headers.
 *
 * `same-site` is refused too: another host under the same registrable domain is another application.
 */
export function isCrossSitePost(event: Pick<APIGatewayProxyEventV2, 'headers'>, siteOrigins: readonly string[]): boolean {
  const fetchSite = event.headers['sec-fetch-site'];
  if (fetchSite !== undefined) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = event.headers.origin;
  if (origin === undefined) return false;
  return !siteOrigins.includes(origin);
}

/** The origins the site is served from: the configured address, and the host this request was sent to. */
export function siteOriginsOf(event: Pick<APIGatewayProxyEventV2, 'headers'>, siteUrl: string | undefined): string[] {
  const origins: string[] = [];
  if (siteUrl) origins.push(new URL(siteUrl).origin);
  const host = event.headers.host;
  const protocol = event.headers['x-forwarded-proto'] ?? 'https';
  if (host) origins.push(`${protocol}://${host}`);
  return origins;
}
