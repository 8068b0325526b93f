import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, type CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EDGE_REGION } from '../../infra/aws/edge-stack.ts';
import { GitHubDeployRole } from '../../infra/aws/github-deploy-role.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { createPortalStacks, createTinySite, synthesizePortal, TEST_REGION, type SynthesizedPortal } from './synth.ts';

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: unknown;
}
interface RoleProperties {
  AssumeRolePolicyDocument: { Statement: Statement[] };
  Policies: { PolicyName: string; PolicyDocument: { Statement: Statement[] } }[];
}

/** The repository and branch the project deploys from, as cdk.json says: the one place they are written. */
const configured = (
  JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'cdk.json'), 'utf8')) as { context: { githubDeploy: { repository: string; branch: string } } }
).context.githubDeploy;
const EXISTING_PROVIDER = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

// The portal as cdk.json configures it; the other settings on the construct alone, which synthesizes in a moment.
let portal: SynthesizedPortal;
beforeAll(() => {
  portal = synthesizePortal();
});
afterAll(() => portal?.cleanUp());

const deployRoleOf = (synthesized: SynthesizedPortal) => synthesized.stack.node.findChild('GitHubDeploy') as GitHubDeployRole;
const roleOf = (synthesized: SynthesizedPortal) =>
  synthesized.resources[synthesized.idOf(deployRoleOf(synthesized).role)]?.Properties as unknown as RoleProperties;

/** Statements with their actions and resources sorted: CDK orders them its own way (@aws-cdk/aws-iam:minimizePolicies). */
const inAnyOrder = (statements: Statement[]) =>
  statements.map((statement) => {
    const sorted = (value: unknown) =>
      Array.isArray(value) ? [...(value as unknown[])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : value;
    return { ...statement, Action: sorted(statement.Action), Resource: sorted(statement.Resource) };
  });

/** The role in a stack of its own, with githubDeploy set to `settings` for the environment `test`. */
function roleAlone(settings: unknown): { template: Template; trust: Statement[] } {
  const stack = new Stack(new App({ context: { githubDeploy: settings } }), 'Alone', { env: { region: TEST_REGION } });
  const distribution = Distribution.fromDistributionAttributes(stack, 'Distribution', {
    distributionId: 'E2EXAMPLE',
    domainName: 'd111111abcdef8.cloudfront.net',
  });
  const deployRole = new GitHubDeployRole(stack, 'GitHubDeploy', {
    environment: 'test',
    regions: [TEST_REGION],
    site: { bucket: new Bucket(stack, 'Site'), distribution },
  });
  const template = Template.fromStack(stack);
  const role = template.toJSON().Resources[stack.getLogicalId(deployRole.role.node.defaultChild as CfnResource)] as { Properties: RoleProperties };
  return { template, trust: role.Properties.AssumeRolePolicyDocument.Statement };
}

describe('the GitHub Actions deploy role', () => {
  it('is trusted through GitHub’s OIDC provider, which the stack creates for the audience sts.amazonaws.com', () => {
    const providers = portal.resourcesOfType('AWS::IAM::OIDCProvider').map(([, provider]) => provider.Properties);

    expect(providers).toEqual([{ Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] }]);
  });

  it('may be assumed only by a workflow run on the repository and branch cdk.json names, with a token for STS', () => {
    const [[providerId] = []] = portal.resourcesOfType('AWS::IAM::OIDCProvider');

    expect(roleOf(portal).AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRoleWithWebIdentity',
        // An OIDC provider's Ref is its ARN.
        Principal: { Federated: { Ref: providerId } },
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': `repo:${configured.repository}:ref:refs/heads/${configured.branch}`,
          },
        },
      },
    ]);
  });

  it('follows the repository and branch in cdk.json: another pair there is the only one it trusts', () => {
    const [statement] = roleAlone({ repository: 'helse-drift/portal-innhold', branch: 'publisering' }).trust;

    expect(statement?.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': 'repo:helse-drift/portal-innhold:ref:refs/heads/publisering',
      },
    });
  });

  it('uses the account’s existing provider where cdk.json names one for the environment, and creates none', () => {
    const {
      template,
      trust: [statement],
    } = roleAlone({
      ...configured,
      oidcProviderArns: { test: EXISTING_PROVIDER, prod: 'arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com' },
    });

    template.resourceCountIs('AWS::IAM::OIDCProvider', 0);
    expect(statement?.Principal).toEqual({ Federated: EXISTING_PROVIDER });
  });

  it('may assume CDK’s bootstrap roles in both stacks’ regions, sync the site’s bucket, clear its distribution and read its own stack: nothing else', () => {
    const { bucket, distribution } = portal.stack.site;
    const bucketId = portal.stack.getLogicalId(bucket.node.defaultChild as CfnResource);
    const bootstrapRole = (name: string, region: string) => ({
      'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/cdk-hnb659fds-${name}-role-\${AWS::AccountId}-${region}`,
    });

    const policies = roleOf(portal).Policies;

    expect(policies.map((policy) => policy.PolicyName)).toEqual(['Deploy']);
    expect(inAnyOrder(policies[0]?.PolicyDocument.Statement ?? [])).toEqual(
      inAnyOrder([
        {
          Sid: 'CdkDeploy',
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Resource: [EDGE_REGION, TEST_REGION].flatMap((region) => ['deploy', 'file-publishing', 'lookup'].map((name) => bootstrapRole(name, region))),
        },
        { Sid: 'ReadStackOutputs', Effect: 'Allow', Action: 'cloudformation:DescribeStacks', Resource: { Ref: 'AWS::StackId' } },
        { Sid: 'SyncSiteList', Effect: 'Allow', Action: 's3:ListBucket', Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] } },
        {
          Sid: 'SyncSiteObjects',
          Effect: 'Allow',
          Action: ['s3:PutObject', 's3:DeleteObject'],
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] },
        },
        {
          Sid: 'ClearSiteCache',
          Effect: 'Allow',
          Action: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
          Resource: portal.stack.resolve(distribution.distributionArn) as unknown,
        },
      ]),
    );
  });

  it('has no other policy attached, and the stack makes no user or access key', () => {
    const roleId = portal.idOf(deployRoleOf(portal).role);
    const attached = portal.resourcesOfType('AWS::IAM::Policy').filter(([, policy]) => JSON.stringify(policy.Properties?.Roles).includes(`"${roleId}"`));

    expect(attached).toEqual([]);
    expect(roleOf(portal)).not.toHaveProperty('ManagedPolicyArns');
    expect([...portal.resourcesOfType('AWS::IAM::User'), ...portal.resourcesOfType('AWS::IAM::AccessKey')]).toEqual([]);
  });

  it('is an output, DeployRoleArn, which the workflow’s AWS_DEPLOY_ROLE_ARN variable is copied from', () => {
    const outputs = portal.template.findOutputs('DeployRoleArn');

    expect(outputs.DeployRoleArn?.Value).toEqual({ 'Fn::GetAtt': [portal.idOf(deployRoleOf(portal).role), 'Arn'] });
  });

  it('is assumed by the deploy workflow, which runs on pushes to the branch the role trusts', () => {
    const workflow = parse(readFileSync(join(REPOSITORY_ROOT, '.github', 'workflows', 'deploy.yml'), 'utf8')) as { on: { push: { branches: string[] } } };
    const text = readFileSync(join(REPOSITORY_ROOT, '.github', 'workflows', 'deploy.yml'), 'utf8');

    expect(workflow.on.push.branches).toEqual([configured.branch]);
    expect(text).toContain('role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}');
  });
});

describe('the deploy role’s settings in cdk.json', () => {
  const siteDirs: string[] = [];
  afterAll(() => {
    for (const dir of siteDirs) rmSync(dir, { recursive: true, force: true });
  });
  const synthWith = (githubDeploy: unknown) => () => {
    const siteDir = createTinySite();
    siteDirs.push(siteDir);
    createPortalStacks({ siteDir, context: { githubDeploy } });
  };

  it('stop the synth, in Norwegian, when the repository is not owner/name', () => {
    expect(synthWith({ repository: 'serviceportal', branch: 'main' })).toThrow(/githubDeploy\.repository: må være eier\/navn på GitHub/);
  });

  it('stop the synth when the branch is a pattern, which the trust policy would take literally', () => {
    expect(synthWith({ repository: 'hdo/serviceportal', branch: 'release/*' })).toThrow(/githubDeploy\.branch: må være navnet på én gren, uten \* eller \?/);
  });

  it('stop the synth when they are missing', () => {
    expect(synthWith(undefined)).toThrow(/githubDeploy: mangler: repository \(eier\/navn\) og branch/);
  });
});
