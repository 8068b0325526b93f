import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitEnvSchema } from '../../functions/adapters/config.ts';
import { loadCatalog } from '../../functions/catalog/load-yaml-catalog.ts';
import { deskPhone } from '../../functions/core/phone-ladder.ts';
import { EDGE_REGION } from '../../infra/aws/edge-stack.ts';
import { API_POST_RATE_LIMIT, MANAGED_RULE_GROUPS } from '../../infra/aws/portal-firewall.ts';
import { API_PATH } from '../../infra/aws/portal-site.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { synthesizePortal, type SynthesizedPortal } from './synth.ts';

interface Rule {
  Name: string;
  Priority: number;
  Action?: Record<string, unknown>;
  OverrideAction?: Record<string, unknown>;
  Statement: Record<string, Record<string, unknown>>;
  VisibilityConfig: { CloudWatchMetricsEnabled: boolean; SampledRequestsEnabled: boolean; MetricName: string };
}
interface WebAcl {
  Scope: string;
  DefaultAction: Record<string, unknown>;
  Rules: Rule[];
  CustomResponseBodies: Record<string, { ContentType: string; Content: string }>;
  VisibilityConfig: Rule['VisibilityConfig'];
}

/** WAF's limit on a custom response body. */
const CUSTOM_BODY_MAX_BYTES = 4096;

let portal: SynthesizedPortal;
let webAclId: string;
let webAcl: WebAcl;
beforeAll(() => {
  portal = synthesizePortal();
  const [[id, resource] = []] = Object.entries(portal.edgeTemplate.findResources('AWS::WAFv2::WebACL'));
  webAclId = id ?? '';
  webAcl = resource?.Properties as WebAcl;
});
afterAll(() => portal?.cleanUp());

const ruleNamed = (name: string) => webAcl.Rules.find((rule) => rule.Name === name);
const rateRule = () => webAcl.Rules.find((rule) => 'RateBasedStatement' in rule.Statement);

describe('the edge stack', () => {
  it(`is in ${EDGE_REGION}, where CloudFront takes web ACLs from`, () => {
    expect(portal.edge.region).toBe(EDGE_REGION);
  });

  it('holds one web ACL for CloudFront, which lets through what no rule stops', () => {
    expect({ scope: webAcl.Scope, defaultAction: webAcl.DefaultAction }).toEqual({ scope: 'CLOUDFRONT', defaultAction: { Allow: {} } });
  });
});

describe('the distribution', () => {
  it('is associated with the web ACL, read from the edge stack’s output at deploy', () => {
    const [[, distribution] = []] = portal.resourcesOfType('AWS::CloudFront::Distribution');
    const webAclArnOutput = Object.entries(portal.edgeTemplate.findOutputs('*')).find(
      ([, output]) => JSON.stringify(output.Value) === JSON.stringify({ 'Fn::GetAtt': [webAclId, 'Arn'] }),
    )?.[0];

    const association = (distribution?.Properties?.DistributionConfig as { WebACLId: unknown }).WebACLId;

    expect(association).toEqual({ 'Fn::GetStackOutput': { StackName: portal.edge.stackName, Region: EDGE_REGION, OutputName: webAclArnOutput } });
  });
});

describe('the web ACL', () => {
  it.each(MANAGED_RULE_GROUPS.map((group) => group.name))('applies the AWS managed rule group %s', (name) => {
    expect(ruleNamed(name)).toMatchObject({
      OverrideAction: { None: {} },
      Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
    });
  });

  it('only counts, in the common rule set, the rules a legitimate report would trip: bodies over 8 KB, addresses in text', () => {
    const overrides = ruleNamed('AWSManagedRulesCommonRuleSet')?.Statement.ManagedRuleGroupStatement?.RuleActionOverrides;

    expect(overrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
      { Name: 'GenericRFI_BODY', ActionToUse: { Count: {} } },
    ]);
  });

  it('limits POSTs to the API per client address first, before the managed rules run', () => {
    const rule = rateRule();

    expect({ name: rule?.Name, priority: rule?.Priority, lowest: Math.min(...webAcl.Rules.map((candidate) => candidate.Priority)) }).toEqual({
      name: 'ApiPostRate',
      priority: 0,
      lowest: 0,
    });
    expect(rule?.Statement.RateBasedStatement).toMatchObject({
      AggregateKeyType: 'IP',
      Limit: API_POST_RATE_LIMIT.limit,
      EvaluationWindowSec: API_POST_RATE_LIMIT.windowSeconds,
    });
  });

  it('counts only POSTs whose path starts where the distribution sends requests to the API', () => {
    const scopeDown = (
      rateRule()?.Statement.RateBasedStatement?.ScopeDownStatement as { AndStatement: { Statements: { ByteMatchStatement: Record<string, unknown> }[] } }
    ).AndStatement.Statements.map((statement) => statement.ByteMatchStatement);

    expect(scopeDown).toMatchObject([
      { FieldToMatch: { Method: {} }, PositionalConstraint: 'EXACTLY', SearchString: 'POST' },
      { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH', SearchString: API_PATH.replace(/\*$/, '') },
    ]);
    expect(scopeDown.map((statement) => statement.SearchString)).toEqual(['POST', '/api/']);
  });

  it('refuses at the edge no sooner than the API’s own per-client limit would', () => {
    const perMinute = API_POST_RATE_LIMIT.limit / (API_POST_RATE_LIMIT.windowSeconds / 60);

    expect(perMinute).toBe(submitEnvSchema.shape.RATE_LIMIT_PER_MINUTE.parse(undefined));
  });

  it('answers a client over the limit with 429, when to try again, and a page that is never cached', () => {
    expect(rateRule()?.Action).toEqual({
      Block: {
        CustomResponse: {
          ResponseCode: 429,
          CustomResponseBodyKey: 'for-mange-meldinger',
          ResponseHeaders: [
            { Name: 'retry-after', Value: String(API_POST_RATE_LIMIT.windowSeconds) },
            { Name: 'cache-control', Value: 'no-store' },
          ],
        },
      },
    });
  });

  it('says so in Norwegian, with the desk’s number to call, within WAF’s 4 KB', () => {
    const body = webAcl.CustomResponseBodies['for-mange-meldinger'];
    const phone = deskPhone(loadCatalog(join(REPOSITORY_ROOT, 'content')).contact);

    expect(body?.ContentType).toBe('TEXT_HTML');
    expect(body?.Content).toContain('<html lang="nb">');
    expect(body?.Content).toContain(`<a href="${phone.href}">${phone.number}</a>`);
    expect(Buffer.byteLength(body?.Content ?? '', 'utf8')).toBeLessThanOrEqual(CUSTOM_BODY_MAX_BYTES);
  });

  it('publishes CloudWatch metrics and keeps sampled requests for itself and every rule', () => {
    const configs = [webAcl.VisibilityConfig, ...webAcl.Rules.map((rule) => rule.VisibilityConfig)];

    expect(configs.filter((config) => !config.CloudWatchMetricsEnabled || !config.SampledRequestsEnabled)).toEqual([]);
    expect(new Set(configs.map((config) => config.MetricName)).size).toBe(configs.length);
  });
});

describe('the web ACL’s log', () => {
  const logging = () => Object.values(portal.edgeTemplate.findResources('AWS::WAFv2::LoggingConfiguration'))[0]?.Properties ?? {};

  it('goes to a CloudWatch log group named as WAF requires, kept 90 days', () => {
    const [[, logGroup] = []] = Object.entries(portal.edgeTemplate.findResources('AWS::Logs::LogGroup'));
    const name = String(logGroup?.Properties?.LogGroupName);

    expect({ prefix: name.startsWith('aws-waf-logs-'), retention: logGroup?.Properties?.RetentionInDays }).toEqual({ prefix: true, retention: 90 });
    // WAF takes the log group's ARN without the ':*' CloudFormation's Arn attribute ends with.
    portal.edgeTemplate.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      ResourceArn: { 'Fn::GetAtt': [webAclId, 'Arn'] },
      LogDestinationConfigs: [{ 'Fn::Join': ['', [`arn:aws:logs:${EDGE_REGION}:`, { Ref: 'AWS::AccountId' }, `:log-group:${name}`]] }],
    });
  });

  it('keeps only requests a rule blocked or counted, with the query string redacted', () => {
    expect(logging()).toMatchObject({
      RedactedFields: [{ QueryString: {} }],
      LoggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          {
            Behavior: 'KEEP',
            Requirement: 'MEETS_ANY',
            Conditions: ['BLOCK', 'COUNT', 'EXCLUDED_AS_COUNT'].map((Action) => ({ ActionCondition: { Action } })),
          },
        ],
      },
    });
  });
});
