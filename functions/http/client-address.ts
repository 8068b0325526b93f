import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { VIEWER_ADDRESS_HEADER } from './origin-verify.ts';

/**
 * The reporter's network address, for the per-client limits. Behind CloudFront, API Gateway sees an edge server,
 * so CloudFront's `CloudFront-Viewer-Address` (`ip:port`) names the client. Only CloudFront sets it (it replaces
 * a client's own), and the API answers only requests that came through CloudFront (http/origin-verify.ts);
 * locally the portal server plays CloudFront and sets it from the socket.
 */
export function clientAddress(event: Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>): string {
  const viewer = event.headers[VIEWER_ADDRESS_HEADER];
  if (viewer) return viewer.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return event.requestContext.http.sourceIp;
}
