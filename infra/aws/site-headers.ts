import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy, type ResponseCustomHeader } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { SECURITY_HEADERS } from '../security-headers.ts';

/**
 * A response-headers policy with the headers from infra/security-headers.ts, the ones the local server also
 * sends, translated into CloudFront's settings. A header CloudFront has no setting for is sent as a custom
 * header, so adding one there is enough.
 */
export function securityHeadersPolicy(scope: Construct, id: string, options: { comment: string; cacheControl?: string }): ResponseHeadersPolicy {
  const {
    'content-security-policy': contentSecurityPolicy,
    'strict-transport-security': strictTransportSecurity,
    'x-content-type-options': contentTypeOptions,
    'x-frame-options': frameOptions,
    'referrer-policy': referrerPolicy,
    ...others
  } = SECURITY_HEADERS;
  if (contentTypeOptions !== 'nosniff') throw new Error(`CloudFront kan bare sende x-content-type-options: nosniff, ikke «${String(contentTypeOptions)}».`);
  const customHeaders: ResponseCustomHeader[] = Object.entries(others as Record<string, string>).map(([header, value]) => ({ header, value, override: true }));
  if (options.cacheControl) customHeaders.push({ header: 'cache-control', value: options.cacheControl, override: true });

  return new ResponseHeadersPolicy(scope, id, {
    comment: options.comment,
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy, override: true },
      strictTransportSecurity: { ...parseStrictTransportSecurity(strictTransportSecurity), override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: parseFrameOption(frameOptions), override: true },
      referrerPolicy: { referrerPolicy: parseReferrerPolicy(referrerPolicy), override: true },
    },
    ...(customHeaders.length > 0 ? { customHeadersBehavior: { customHeaders } } : {}),
    // Tells nothing an attacker can use; the origin's server header names S3 or API Gateway.
    removeHeaders: ['server'],
  });
}

function parseStrictTransportSecurity(value: string): { accessControlMaxAge: Duration; includeSubdomains: boolean; preload: boolean } {
  const directives = value.split(';').map((directive) => directive.trim().toLowerCase());
  const maxAge = directives.map((directive) => /^max-age=(\d+)$/.exec(directive)?.[1]).find((seconds) => seconds !== undefined);
  if (maxAge === undefined) throw new Error(`strict-transport-security mangler max-age: «${value}».`);
  return {
    accessControlMaxAge: Duration.seconds(Number(maxAge)),
    includeSubdomains: directives.includes('includesubdomains'),
    preload: directives.includes('preload'),
  };
}

function parseFrameOption(value: string): HeadersFrameOption {
  const option = Object.values(HeadersFrameOption).find((candidate) => candidate === value.toUpperCase());
  if (!option) throw new Error(`CloudFront kjenner ikke x-frame-options «${value}».`);
  return option;
}

function parseReferrerPolicy(value: string): HeadersReferrerPolicy {
  const policy = Object.values(HeadersReferrerPolicy).find((candidate) => candidate === value.toLowerCase());
  if (!policy) throw new Error(`CloudFront kjenner ikke referrer-policy «${value}».`);
  return policy;
}
