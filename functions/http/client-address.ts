import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The reporter's network address, for the per-client rate limit. Behind CloudFront, API Gateway sees an edge
 * server, so CloudFront's `CloudFront-Viewer-Address` (`ip:port`) names the client. A client calling the
 * execute-api URL directly could forge that header; the stage throttling still bounds what it can send.
 */
export function clientAddress(event: Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>): string {
  const viewer = event.headers['cloudfront-viewer-address'];
  if (viewer) return viewer.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return event.requestContext.http.sourceIp;
}
