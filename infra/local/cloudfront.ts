import type { IncomingMessage } from 'node:http';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from '../../functions/http/origin-verify.ts';

/**
 * What CloudFront does to a request before the API sees it, played by the local portal server: the headers only the
 * edge may set are overwritten from the socket (whatever the client sent in them is dropped), and the origin secret
 * is added, so the handlers run exactly the checks they run in AWS.
 */
export function asForwardedByCloudFront(request: IncomingMessage, originSecret: string): void {
  const { remoteAddress = '127.0.0.1', remotePort = 0 } = request.socket;
  const address = remoteAddress.includes(':') ? `[${remoteAddress}]` : remoteAddress;
  request.headers[VIEWER_ADDRESS_HEADER] = `${address}:${remotePort}`;
  request.headers[ORIGIN_VERIFY_HEADER] = originSecret;
  // API Gateway says how the request arrived; locally that is plain HTTP on 127.0.0.1.
  request.headers['x-forwarded-proto'] = 'http';
}
