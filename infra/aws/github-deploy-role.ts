import { CfnOutput, DefaultStackSynthesizer, Fn, Stack, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { OidcProviderNative, PolicyDocument, PolicyStatement, Role, WebIdentityPrincipal, type IOidcProvider } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { GITHUB_DEPLOY_CONTEXT_KEY, GITHUB_OIDC_ISSUER, githubSubject, readGitHubDeployConfig, STS_AUDIENCE } from './github-deploy-config.ts';
import { logicalIdOf } from './logical-id.ts';

/** The name of the stack output the workflow's AWS_DEPLOY_ROLE_ARN variable is copied from. */
export const DEPLOY_ROLE_OUTPUT = 'DeployRoleArn';

/**
 * The bootstrap roles `cdk deploy` works through: it assumes them and they do the work (CloudFormation, the asset
 * buckets). The image-publishing role is left out: the app has no container images.
 */
const BOOTSTRAP_ROLE_ARNS = [
  DefaultStackSynthesizer.DEFAULT_DEPLOY_ROLE_ARN,
  DefaultStackSynthesizer.DEFAULT_FILE_ASSET_PUBLISHING_ROLE_ARN,
  DefaultStackSynthesizer.DEFAULT_LOOKUP_ROLE_ARN,
];

export interface GitHubDeployRoleProps {
  /** The environment the role deploys (cdk.json `serviceportal.<name>`): picks an imported OIDC provider, names the role. */
  environment: string;
  /** The regions of every stack in the app: `cdk deploy --all` assumes the bootstrap roles of each. */
  regions: string[];
  /** The content fast path writes the built site into the bucket and clears the distribution's copy. */
  site: { bucket: IBucket; distribution: IDistribution };
}

/**
 * The role GitHub Actions assumes by OIDC to deploy this environment, with no stored keys: only a workflow run on
 * the repository and branch in cdk.json (`githubDeploy`) gets it. It may do what the deploy workflow does and
 * nothing more: assume CDK's bootstrap roles for `cdk deploy`, and for a content-only change write the site's
 * bucket, clear the distribution and read this stack's outputs (which bucket, which distribution).
 */
export class GitHubDeployRole extends Construct {
  readonly role: Role;
  readonly provider: IOidcProvider;

  constructor(scope: Construct, id: string, props: GitHubDeployRoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const config = readGitHubDeployConfig(this.node.tryGetContext(GITHUB_DEPLOY_CONTEXT_KEY), props.environment);
    this.provider = config.oidcProviderArn
      ? OidcProviderNative.fromOidcProviderArn(this, 'Provider', config.oidcProviderArn)
      : new OidcProviderNative(this, 'Provider', { url: `https://${GITHUB_OIDC_ISSUER}`, clientIds: [STS_AUDIENCE] });

    const { bucket, distribution } = props.site;
    const qualifier = stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const bootstrapRoles = props.regions.flatMap((region) =>
      BOOTSTRAP_ROLE_ARNS.map((template) => Fn.sub(template.replaceAll('${Qualifier}', qualifier).replaceAll('${AWS::Region}', region))),
    );
    // Inline, so the role and what it may do are created and deleted together, in one resource.
    const permissions = new PolicyDocument({
      statements: [
        new PolicyStatement({ sid: 'CdkDeploy', actions: ['sts:AssumeRole'], resources: bootstrapRoles }),
        new PolicyStatement({ sid: 'ReadStackOutputs', actions: ['cloudformation:DescribeStacks'], resources: [stack.stackId] }),
        new PolicyStatement({ sid: 'SyncSiteList', actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
        new PolicyStatement({ sid: 'SyncSiteObjects', actions: ['s3:PutObject', 's3:DeleteObject'], resources: [bucket.arnForObjects('*')] }),
        new PolicyStatement({
          sid: 'ClearSiteCache',
          actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
          resources: [distribution.distributionArn],
        }),
      ],
    });
    this.role = new Role(this, 'Role', {
      description: `Serviceportal (${props.environment}): GitHub Actions publiserer fra ${config.repository}, grenen ${config.branch}`,
      assumedBy: new WebIdentityPrincipal(this.provider.oidcProviderArn, {
        StringEquals: { [`${GITHUB_OIDC_ISSUER}:aud`]: STS_AUDIENCE, [`${GITHUB_OIDC_ISSUER}:sub`]: githubSubject(config) },
      }),
      inlinePolicies: { Deploy: permissions },
    });

    const bucketId = logicalIdOf(stack, bucket);
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
      reason:
        'The content fast path syncs the built site into its bucket: any page may be added, changed or removed, so the keys are every object in that one bucket. ' +
        'Only PutObject and DeleteObject, on the site bucket alone.',
    });

    new CfnOutput(this, 'RoleArn', {
      value: this.role.roleArn,
      description: 'Rollen GitHub Actions publiserer med: verdien til variabelen AWS_DEPLOY_ROLE_ARN i repoet',
    }).overrideLogicalId(DEPLOY_ROLE_OUTPUT);
  }
}
