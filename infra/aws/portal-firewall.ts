import { join } from 'node:path';
import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { submitEnvSchema } from '../../functions/adapters/config.ts';
import { loadCatalog } from '../../functions/catalog/load-yaml-catalog.ts';
import { escapeHtml } from '../../functions/core/html.ts';
import { deskPhone } from '../../functions/core/phone-ladder.ts';
import { REPOSITORY_ROOT } from '../repository.ts';
import { CATALOG_DIR_NAME } from '../wiring.ts';
import { API_PATH } from './portal-site.ts';

/** Where the API is on the distribution: what the rate rule's scope-down statement matches. */
export const API_PATH_PREFIX = API_PATH.replace(/\*$/, '');

/** The rate rule's window (WAF allows 60, 120, 300 or 600 seconds). */
const RATE_WINDOW_SECONDS = 300;
/**
 * POSTs to /api one client address may make per window before WAF answers 429 itself: the API's own per-client
 * limit (RATE_LIMIT_PER_MINUTE, as the stack leaves it) over the window. So the edge refuses, before it costs a
 * Lambda call and a table write, only traffic the handler would refuse anyway, and a control room behind a shared
 * address is treated no worse than by the handler.
 */
export const API_POST_RATE_LIMIT = {
  limit: submitEnvSchema.shape.RATE_LIMIT_PER_MINUTE.parse(undefined) * (RATE_WINDOW_SECONDS / 60),
  windowSeconds: RATE_WINDOW_SECONDS,
};

/** AWS managed rule groups, in order of evaluation after the rate rule. */
export const MANAGED_RULE_GROUPS = [
  {
    name: 'AWSManagedRulesKnownBadInputsRuleSet',
    // Requests known to exploit software flaws (Log4j, Java deserialization, localhost Host headers).
    countOnly: [],
  },
  {
    name: 'AWSManagedRulesCommonRuleSet',
    countOnly: [
      // Blocks bodies over 8 KB; a report may be up to 64 KiB (MAX_BODY_BYTES), which the handler enforces itself.
      { rule: 'SizeRestrictions_BODY', reason: 'en melding kan være opptil 64 KiB' },
      // Blocks URLs with an IP address in a body: a fault report naming the address of the system that fails is normal.
      { rule: 'GenericRFI_BODY', reason: 'en feilmelding kan nevne adressen til systemet som feiler' },
    ],
  },
] as const satisfies readonly { name: string; countOnly: readonly { rule: string; reason: string }[] }[];

const TOO_MANY_BODY_KEY = 'for-mange-meldinger';

export interface PortalFirewallProps {
  /** Names the web ACL's metrics and log group, e.g. the stack name. */
  name: string;
}

/**
 * The web ACL in front of the distribution (scope CLOUDFRONT, so its stack must be in us-east-1): the rate rule on
 * POST /api per client address, then the AWS managed rule groups for known bad inputs and the common rule set.
 * Every rule has CloudWatch metrics and sampled requests; requests WAF blocked or counted are logged, and only those.
 */
export class PortalFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: PortalFirewallProps) {
    super(scope, id);
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${props.name}-${metricName}`,
    });

    const rateRule: CfnWebACL.RuleProperty = {
      name: 'ApiPostRate',
      priority: 0,
      action: {
        block: {
          customResponse: {
            responseCode: 429,
            customResponseBodyKey: TOO_MANY_BODY_KEY,
            responseHeaders: [
              { name: 'retry-after', value: String(API_POST_RATE_LIMIT.windowSeconds) },
              { name: 'cache-control', value: 'no-store' },
            ],
          },
        },
      },
      statement: {
        rateBasedStatement: {
          limit: API_POST_RATE_LIMIT.limit,
          evaluationWindowSec: API_POST_RATE_LIMIT.windowSeconds,
          // The address CloudFront saw, the same one it sets in CloudFront-Viewer-Address for the API.
          aggregateKeyType: 'IP',
          scopeDownStatement: {
            andStatement: {
              statements: [
                {
                  byteMatchStatement: {
                    fieldToMatch: { method: {} },
                    positionalConstraint: 'EXACTLY',
                    searchString: 'POST',
                    textTransformations: [{ priority: 0, type: 'NONE' }],
                  },
                },
                {
                  byteMatchStatement: {
                    fieldToMatch: { uriPath: {} },
                    positionalConstraint: 'STARTS_WITH',
                    searchString: API_PATH_PREFIX,
                    // CloudFront's path patterns are case-sensitive: only this spelling reaches the API.
                    textTransformations: [{ priority: 0, type: 'NONE' }],
                  },
                },
              ],
            },
          },
        },
      },
      visibilityConfig: visibility('api-post-rate'),
    };

    const managedRules = MANAGED_RULE_GROUPS.map((group, index): CfnWebACL.RuleProperty => ({
      name: group.name,
      priority: index + 1,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: group.name,
          ...(group.countOnly.length > 0 ? { ruleActionOverrides: group.countOnly.map(({ rule }) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
        },
      },
      visibilityConfig: visibility(group.name),
    }));

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Serviceportalen: grense for innsendinger per klient, og AWS sine regler mot kjente angrep',
      defaultAction: { allow: {} },
      rules: [rateRule, ...managedRules],
      customResponseBodies: { [TOO_MANY_BODY_KEY]: { contentType: 'TEXT_HTML', content: tooManyPage() } },
      visibilityConfig: visibility('webacl'),
    });

    // WAF writes only to a log group whose name starts with aws-waf-logs-, named by its ARN without the ':*'.
    const logGroupName = `aws-waf-logs-${props.name}`;
    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName,
      // As long as CloudFront's access logs: enough to investigate an incident; they hold clients' addresses.
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const logGroupArn = Stack.of(this).formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const logging = new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [logGroupArn],
      // The status link's token travels in the query string of older links: never into a log.
      redactedFields: [{ queryString: {} }],
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          {
            Behavior: 'KEEP',
            Requirement: 'MEETS_ANY',
            Conditions: ['BLOCK', 'COUNT', 'EXCLUDED_AS_COUNT'].map((action) => ({ ActionCondition: { Action: action } })),
          },
        ],
      },
    });
    logging.node.addDependency(logGroup);
  }
}

/** What a browser gets from the rate rule: a page in the site's language with the desk's number (content/contact.yaml). */
function tooManyPage(): string {
  const phone = deskPhone(loadCatalog(join(REPOSITORY_ROOT, CATALOG_DIR_NAME)).contact);
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>For mange meldinger – Serviceportal</title></head>
<body>
<main>
<h1>For mange meldinger på kort tid</h1>
<p>Det er sendt svært mange meldinger herfra de siste minuttene. Vent noen minutter, og send igjen.</p>
<p>Haster det, ring Servicedesk på <a href="${escapeHtml(phone.href)}">${escapeHtml(phone.number)}</a>.</p>
</main>
</body>
</html>`;
}
