import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_COOKIE, STATUS_TOKEN_HEADER } from '../../functions/core/page-paths.ts';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from '../../functions/http/origin-verify.ts';
import { API_ORIGIN_HEADERS, API_PATH, HASHED_ASSETS_PATH, NOT_FOUND_PAGE } from '../../infra/aws/portal-site.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../infra/security-headers.ts';
import { synthesizePortal, type SynthesizedPortal } from './synth.ts';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;
/** AWS's managed policies, by the ids CloudFront documents. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

interface Behavior {
  PathPattern?: string;
  CachePolicyId: unknown;
  OriginRequestPolicyId?: unknown;
  ResponseHeadersPolicyId: { Ref: string };
  AllowedMethods?: string[];
  TargetOriginId: string;
  FunctionAssociations?: { EventType: string; FunctionARN: { 'Fn::GetAtt': string[] } }[];
}
interface DistributionConfig {
  HttpVersion: string;
  DefaultRootObject: string;
  DefaultCacheBehavior: Behavior;
  CacheBehaviors: Behavior[];
  CustomErrorResponses: unknown[];
  Origins: {
    Id: string;
    OriginAccessControlId?: unknown;
    S3OriginConfig?: unknown;
    CustomOriginConfig?: Record<string, unknown>;
    OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
  }[];
  WebACLId?: unknown;
}

let portal: SynthesizedPortal;
let config: DistributionConfig;
beforeAll(() => {
  portal = synthesizePortal();
  config = portal.resourcesOfType('AWS::CloudFront::Distribution')[0]?.[1].Properties?.DistributionConfig as DistributionConfig;
});
afterAll(() => portal?.cleanUp());

const behavior = (path: string) => config.CacheBehaviors.find((candidate) => candidate.PathPattern === path);
const policyOf = (reference: unknown) => portal.resources[(reference as { Ref: string }).Ref]?.Properties ?? {};
const headersOf = (candidate: Behavior | undefined) =>
  policyOf(candidate?.ResponseHeadersPolicyId).ResponseHeadersPolicyConfig as {
    SecurityHeadersConfig: Record<string, Record<string, unknown>>;
    CustomHeadersConfig?: { Items: { Header: string; Value: string }[] };
  };
const ttlOf = (candidate: Behavior | undefined) => (policyOf(candidate?.CachePolicyId).CachePolicyConfig as { DefaultTTL: number }).DefaultTTL;

describe('the site bucket', () => {
  it('and the log bucket block every kind of public access', () => {
    const blocks = portal.resourcesOfType('AWS::S3::Bucket').map(([, bucket]) => bucket.Properties?.PublicAccessBlockConfiguration);

    expect(blocks).toEqual([0, 1].map(() => ({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true })));
  });

  it('and the log bucket refuse requests without TLS', () => {
    const tlsOnly = portal
      .resourcesOfType('AWS::S3::BucketPolicy')
      .map(([, policy]) => JSON.stringify(policy.Properties?.PolicyDocument).includes('{"Bool":{"aws:SecureTransport":"false"}}'));

    expect(tlsOnly).toEqual([true, true]);
  });

  it('and the log bucket are encrypted at rest', () => {
    const algorithms = portal
      .resourcesOfType('AWS::S3::Bucket')
      .map(
        ([, bucket]) =>
          (bucket.Properties?.BucketEncryption as { ServerSideEncryptionConfiguration: { ServerSideEncryptionByDefault: { SSEAlgorithm: string } }[] })
            .ServerSideEncryptionConfiguration[0]?.ServerSideEncryptionByDefault.SSEAlgorithm,
      );

    expect(algorithms).toEqual(['AES256', 'AES256']);
  });

  it('is read by CloudFront through origin access control only', () => {
    const siteOrigin = config.Origins.find((origin) => origin.S3OriginConfig);

    expect(siteOrigin?.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Id'] });
  });

  it("lets the deployment clear the cache of the portal's distribution only", () => {
    const [distributionId] = portal.resourcesOfType('AWS::CloudFront::Distribution')[0] ?? [];

    const invalidation = portal
      .resourcesOfType('AWS::IAM::Policy')
      .flatMap(([, policy]) => (policy.Properties?.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement)
      .filter((statement) => JSON.stringify(statement.Action).includes('cloudfront:CreateInvalidation'))
      .map((statement) => JSON.stringify(statement.Resource).includes(`{"Ref":"${distributionId ?? ''}"}`));

    expect(invalidation).toEqual([true]);
  });

  it('gets site/dist at every deploy, and the cache is cleared afterwards', () => {
    portal.template.hasResourceProperties('Custom::CDKBucketDeployment', { DistributionPaths: ['/*'], DistributionId: Match.anyValue() });
  });
});

describe('the distribution', () => {
  it('speaks HTTP/2 and HTTP/3', () => {
    expect(config.HttpVersion).toBe('http2and3');
  });

  it('serves index.html for the root', () => {
    expect(config.DefaultRootObject).toBe('index.html');
  });

  it('serves index.html for directory-style addresses with a viewer-request function', () => {
    const association = config.DefaultCacheBehavior.FunctionAssociations?.[0];

    expect({ event: association?.EventType, type: portal.resources[association?.FunctionARN['Fn::GetAtt'][0] ?? '']?.Type }).toEqual({
      event: 'viewer-request',
      type: 'AWS::CloudFront::Function',
    });
  });

  it('answers a missing page (403 from S3) with the 404 page and status 404', () => {
    expect(config.CustomErrorResponses).toEqual([{ ErrorCode: 403, ResponseCode: 404, ResponsePagePath: NOT_FOUND_PAGE, ErrorCachingMinTTL: 10 }]);
  });

  it('caches hashed assets for a year', () => {
    expect(ttlOf(behavior(HASHED_ASSETS_PATH))).toBe(ONE_YEAR_SECONDS);
  });

  it('caches pages for five minutes', () => {
    expect(ttlOf(config.DefaultCacheBehavior)).toBe(300);
  });

  it('tells browsers that hashed assets never change', () => {
    const custom = headersOf(behavior(HASHED_ASSETS_PATH)).CustomHeadersConfig?.Items;

    expect(custom).toContainEqual(expect.objectContaining({ Header: 'cache-control', Value: `public, max-age=${String(ONE_YEAR_SECONDS)}, immutable` }));
  });
});

describe('the /api/* behaviour', () => {
  it('goes to the HTTP API over HTTPS', () => {
    const origin = config.Origins.find((candidate) => candidate.Id === behavior(API_PATH)?.TargetOriginId);

    expect(origin?.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
  });

  it('is never cached', () => {
    expect(behavior(API_PATH)?.CachePolicyId).toBe(CACHING_DISABLED);
  });

  it("forwards the headers the handlers read and the client's address, never the viewer's Host", () => {
    const policy = policyOf(behavior(API_PATH)?.OriginRequestPolicyId) as {
      OriginRequestPolicyConfig: { HeadersConfig: { HeaderBehavior: string; Headers: string[] } };
    };

    const headers = policy.OriginRequestPolicyConfig.HeadersConfig;

    expect(headers.HeaderBehavior).toBe('whitelist');
    expect(headers.Headers).toEqual([...API_ORIGIN_HEADERS]);
    expect(headers.Headers.map((header) => header.toLowerCase())).not.toContain('host');
  });

  it.each([
    ['the status page’s secret', STATUS_TOKEN_HEADER],
    ['where a post comes from (Origin)', 'origin'],
    ['where a post comes from (Sec-Fetch-Site)', 'sec-fetch-site'],
    ['the client’s address as CloudFront sets it', VIEWER_ADDRESS_HEADER],
  ])('forwards %s', (_what, header) => {
    const policy = policyOf(behavior(API_PATH)?.OriginRequestPolicyId) as { OriginRequestPolicyConfig: { HeadersConfig: { Headers: string[] } } };

    expect(policy.OriginRequestPolicyConfig.HeadersConfig.Headers.map((name) => name.toLowerCase())).toContain(header);
  });

  it('forwards one cookie, the receipt’s secret for a browser without JavaScript', () => {
    const policy = policyOf(behavior(API_PATH)?.OriginRequestPolicyId) as { OriginRequestPolicyConfig: { CookiesConfig: unknown } };

    expect(policy.OriginRequestPolicyConfig.CookiesConfig).toEqual({ CookieBehavior: 'whitelist', Cookies: [RECEIPT_COOKIE] });
  });

  it('adds the origin secret to every request it passes to the API, as a dynamic reference to Secrets Manager', () => {
    const origin = config.Origins.find((candidate) => candidate.Id === behavior(API_PATH)?.TargetOriginId);

    expect(origin?.OriginCustomHeaders).toEqual([
      {
        HeaderName: ORIGIN_VERIFY_HEADER,
        HeaderValue: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: portal.idOf(portal.stack.secrets.ORIGIN_VERIFY_SECRET) }, ':SecretString:::}}']] },
      },
    ]);
  });

  it('gives the site no origin secret, so S3 never sees it', () => {
    const origin = config.Origins.find((candidate) => candidate.Id === config.DefaultCacheBehavior.TargetOriginId);

    expect(origin?.OriginCustomHeaders).toBeUndefined();
  });

  it('allows every method, so the form can POST', () => {
    expect(behavior(API_PATH)?.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']);
  });
});

describe.each([
  ['pages', () => config.DefaultCacheBehavior],
  ['hashed assets', () => behavior(HASHED_ASSETS_PATH)],
  ['the API', () => behavior(API_PATH)],
])('the response headers for %s', (_name, behaviorOf) => {
  const security = () => headersOf(behaviorOf()).SecurityHeadersConfig;

  it('carry the Content-Security-Policy from security-headers.ts', () => {
    expect(security().ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: CONTENT_SECURITY_POLICY, Override: true });
  });

  it('carry HSTS as security-headers.ts has it', () => {
    const hsts = security().StrictTransportSecurity as { AccessControlMaxAgeSec: number; IncludeSubdomains: boolean; Preload: boolean };

    const header = [
      `max-age=${String(hsts.AccessControlMaxAgeSec)}`,
      ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts.Preload ? ['preload'] : []),
    ].join('; ');

    expect(header).toBe(SECURITY_HEADERS['strict-transport-security']);
  });

  it('carry x-content-type-options: nosniff', () => {
    expect(security().ContentTypeOptions).toEqual({ Override: true });
  });

  it('carry x-frame-options as security-headers.ts has it', () => {
    expect(security().FrameOptions?.FrameOption).toBe(SECURITY_HEADERS['x-frame-options']);
  });

  it('carry the referrer policy from security-headers.ts', () => {
    expect(security().ReferrerPolicy?.ReferrerPolicy).toBe(SECURITY_HEADERS['referrer-policy']);
  });
});

it('forbids framing in the policy itself, not only with x-frame-options', () => {
  expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
});

it("allows no inline scripts or styles ('unsafe-inline')", () => {
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
});
