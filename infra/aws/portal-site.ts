import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as CloudFrontFunction,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  OriginSslPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { NOTICE_FEED_PATHS } from '../../functions/core/notice-paths.ts';
import { RECEIPT_COOKIE, STATUS_TOKEN_HEADER } from '../../functions/core/page-paths.ts';
import { WEBHOOK_SIGNATURE_HEADER } from '../../functions/core/webhook-signature.ts';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from '../../functions/http/origin-verify.ts';
import type { PortalConfig } from './config.ts';
import { scopeInvalidationToDistribution } from './deployment-invalidation.ts';
import { securityHeadersPolicy } from './site-headers.ts';

/** The calendar of planned work, as the deployments match files (core/notice-paths.ts NOTICE_FEED_PATHS.calendar). */
const CALENDAR_FILES = NOTICE_FEED_PATHS.calendar.slice(1);

/**
 * Request headers the API handlers read (see functions/http and functions/handlers): the status page's secret,
 * `Origin` and `Sec-Fetch-Site` so the API can refuse a post another site made a browser send, and the client's
 * address as CloudFront sets it (it overwrites whatever a client sent under that name), which the per-client
 * limit counts; and the signature a desk's case system sends with its events (core/webhook-signature.ts).
 */
export const API_ORIGIN_HEADERS = [
  'Content-Type',
  'Accept',
  'Idempotency-Key',
  'User-Agent',
  STATUS_TOKEN_HEADER,
  'Origin',
  'Sec-Fetch-Site',
  VIEWER_ADDRESS_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
] as const;
/** The only cookie the API reads: the receipt's secret for a browser without JavaScript (page-paths.ts). */
export const API_ORIGIN_COOKIES = [RECEIPT_COOKIE] as const;

/** Astro puts every bundled script, style and image here, with a content hash in the name. */
export const HASHED_ASSETS_PATH = '/_astro/*';
export const API_PATH = '/api/*';
export const NOT_FOUND_PAGE = '/404.html';
const ASSET_MAX_AGE = Duration.days(365);
const PAGE_MAX_AGE = Duration.minutes(5);
/** Access logs hold visitors' IP addresses: kept long enough to investigate an incident, then deleted. */
const ACCESS_LOG_DAYS = 90;

export interface PortalSiteProps {
  /** The built site (`npm run build`). */
  siteDir: string;
  api: IHttpApi;
  config: PortalConfig;
  /** CloudFront sends its value to the API in ORIGIN_VERIFY_HEADER, which the API requires. */
  originVerifySecret: ISecret;
  /** The WAF web ACL (scope CLOUDFRONT, in us-east-1) that sees every request before the distribution does. */
  webAclArn: string;
}

/** The static site in a private bucket behind CloudFront, with /api/* passed to the HTTP API on the same origin. */
export class PortalSite extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: PortalSiteProps) {
    super(scope, id);
    const { production, customDomain } = props.config;
    const removal = { removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY, autoDeleteObjects: !production };

    const logBucket = new Bucket(this, 'AccessLogs', {
      ...removal,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront's standard logs are delivered with an ACL, which needs object-writer ownership.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(ACCESS_LOG_DAYS) }],
    });
    this.bucket = new Bucket(this, 'Content', {
      ...removal,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3/',
    });

    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', props.api.apiEndpoint)), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // The API's default execute-api address is public: this header is how it tells a request that came through
      // CloudFront (its WAF, its rate rule, the client address it sets) from one that went around it. CloudFormation
      // puts the value in at deploy (a dynamic reference); it never appears in the template.
      customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originVerifySecret.secretValue.unsafeUnwrap() },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Serviceportalen',
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Europe and North America: the users are in Norway.
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(customDomain
        ? {
            domainNames: [customDomain.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', customDomain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: this.cachePolicy('PageCache', PAGE_MAX_AGE, 'Sider: kort tid, så en ny versjon vises snart'),
        responseHeadersPolicy: securityHeadersPolicy(this, 'PageHeaders', { comment: 'Sider: sikkerhetshoder', cacheControl: 'no-cache' }),
        functionAssociations: [{ function: this.directoryIndexFunction(), eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [HASHED_ASSETS_PATH]: {
          origin: siteOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: this.cachePolicy('AssetCache', ASSET_MAX_AGE, 'Filer med innholdshash i navnet: endres aldri'),
          responseHeadersPolicy: securityHeadersPolicy(this, 'AssetHeaders', {
            comment: 'Filer med innholdshash: sikkerhetshoder og lang mellomlagring',
            cacheControl: `public, max-age=${String(ASSET_MAX_AGE.toSeconds())}, immutable`,
          }),
        },
        [API_PATH]: {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: this.apiOriginRequestPolicy(),
          responseHeadersPolicy: securityHeadersPolicy(this, 'ApiHeaders', { comment: 'API: sikkerhetshoder' }),
        },
      },
      // With origin access control and no s3:ListBucket, S3 answers 403 for a missing page. 404 is left alone:
      // it would replace the API's own 404 answers, which are JSON for the form's script.
      errorResponses: [{ httpStatus: 403, responseHttpStatus: 404, responsePagePath: NOT_FOUND_PAGE, ttl: Duration.seconds(10) }],
    });

    const logGroup = new LogGroup(this, 'DeploymentLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(props.siteDir)],
      destinationBucket: this.bucket,
      // The deployment guesses types from Python's list, which has no .ics: the calendar goes up on its own, below,
      // and is also kept out of this one's pruning.
      exclude: [CALENDAR_FILES],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
      logGroup,
    });
    scopeInvalidationToDistribution(deployment, this.distribution);
    const calendar = new BucketDeployment(this, 'CalendarDeployment', {
      sources: [Source.asset(props.siteDir)],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: [CALENDAR_FILES],
      contentType: 'text/calendar; charset=utf-8',
      prune: false,
      distribution: this.distribution,
      distributionPaths: [`/${CALENDAR_FILES}`],
      memoryLimit: 512,
      logGroup,
    });
    scopeInvalidationToDistribution(calendar, this.distribution);
  }

  private cachePolicy(id: string, maxAge: Duration, comment: string): CachePolicy {
    return new CachePolicy(this, id, {
      comment,
      defaultTtl: maxAge,
      maxTtl: maxAge,
      minTtl: Duration.seconds(0),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
  }

  /**
   * What the API sees of a request: the headers the handlers read, and CloudFront-Viewer-Address, since behind
   * CloudFront the source address is an edge server and the rate limit must count the real client. The viewer's
   * Host is left out: API Gateway routes on its own host name. The origin-verify header is the origin's own, not
   * the viewer's: CloudFront adds it to every request after this policy.
   */
  private apiOriginRequestPolicy(): OriginRequestPolicy {
    return new OriginRequestPolicy(this, 'ApiOriginRequests', {
      comment: 'API: hodene og informasjonskapselen handlerne leser, og klientens adresse',
      headerBehavior: OriginRequestHeaderBehavior.allowList(...API_ORIGIN_HEADERS),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      cookieBehavior: OriginRequestCookieBehavior.allowList(...API_ORIGIN_COOKIES),
    });
  }

  private directoryIndexFunction(): CloudFrontFunction {
    return new CloudFrontFunction(this, 'DirectoryIndex', {
      comment: 'Serverer index.html for adresser som slutter på en mappe',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromFile({ filePath: join(import.meta.dirname, 'directory-index.js') }),
    });
  }
}

/** Checked before anything is bundled, so a missing build fails synth at once, with the fix in the message. */
export function assertSiteBuilt(siteDir: string): void {
  if (existsSync(join(siteDir, 'index.html'))) return;
  throw new Error(`Fant ikke det bygde nettstedet: ${join(siteDir, 'index.html')} mangler. Kjør «npm run build» før «cdk synth» eller «cdk deploy».`);
}
