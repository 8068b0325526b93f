import { Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { PortalStacks } from './portal-app.ts';
import type { PortalStack } from './portal-stack.ts';
import { logicalIdOf } from './logical-id.ts';

/**
 * The cdk-nag (AwsSolutions) findings the portal accepts, each with the reason. Anything not listed here fails
 * `cdk synth`. Findings are acknowledged on the narrowest construct that has them.
 */
export function acknowledgeAcceptedFindings({ portal: stack }: PortalStacks): void {
  acknowledge(stack.api.api, {
    'AwsSolutions-APIG4':
      'Anyone in the health services must be able to report a fault without an account; the API is anonymous by design. ' +
      'It answers only requests that carry the origin secret CloudFront adds (so they passed the WAF and its rate rule); ' +
      'stage throttling, the per-client limit, the 64 KiB body limit in the handler and schema validation bound what a caller can do.',
  });

  acknowledge(stack.secrets.ORIGIN_VERIFY_SECRET, {
    'AwsSolutions-SMG4':
      'No automatic rotation: CloudFront (origin custom header) and the API functions (environment) get the value through CloudFormation dynamic references, ' +
      'resolved at deploy, so a rotation by Secrets Manager would leave both on the old value while the secret says another. ' +
      'It guards only that requests went through CloudFront; DEPLOY.md says how to change it by hand.',
  });
  acknowledge(stack.secrets.STATUS_TOKEN_KEY, {
    'AwsSolutions-SMG4':
      'Must not rotate: every status link given to a reporter is derived from this key, and rotating it would silently break them all ' +
      'for as long as the reports are kept. It is read only by the functions that derive links, through their environment (dynamic reference at deploy).',
  });

  acknowledge(stack.secrets.ACTION_LINK_KEY, {
    'AwsSolutions-SMG4':
      'No automatic rotation: the functions get the value through a dynamic reference resolved at deploy, so a rotation would leave them on the old key; ' +
      "a new key would also break every unused link in the desk's e-mails (they live 14 days). DEPLOY.md says how to replace it by hand.",
  });
  acknowledge(stack.secrets.WEBHOOK_SIGNING_KEY, {
    'AwsSolutions-SMG4':
      "No automatic rotation: the desk's case system holds a copy that Secrets Manager cannot update, and the function gets the value at deploy. " +
      'DEPLOY.md section 13 says how to replace it together with the desk; the signature header takes several v1 values for the switch.',
  });

  acknowledge(stack.secrets.SUBSCRIPTION_KEY, {
    'AwsSolutions-SMG4':
      'Must not rotate: the unsubscribe link in every notice e-mail already sent is signed with this key and never expires, and rotating it would ' +
      'break them all (RFC 8058 one-click included). The functions get the value through a dynamic reference resolved at deploy.',
  });
  const notificationsHandler = stack.node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
  if (!notificationsHandler) throw new Error('Fant ikke funksjonen som setter opp S3-varslingen for driftsmeldingene.');
  acknowledge(notificationsHandler, {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
      'aws-cdk-lib creates this role for the custom resource that puts the notices notification on the site bucket; it runs only during a deployment.',
  });

  acknowledge(stack.node.findChild('ReportStreamDeadLetters'), {
    'AwsSolutions-SQS3': 'This queue is itself the dead-letter destination of the stream event source; it is watched by an alarm.',
  });

  acknowledge(stack.caseEvents.streamDeadLetters, {
    'AwsSolutions-SQS3': "This queue is itself the dead-letter destination of the publisher's stream event source; it is watched by an alarm.",
  });
  if (stack.caseEvents.webhook) {
    acknowledge(stack.caseEvents.webhook.deadLetters, {
      'AwsSolutions-SQS3':
        "This queue is itself the dead-letter destination of the rule that sends case events to the desk's webhook; it is watched by an alarm.",
    });
    acknowledge(stack.caseEvents.webhook.key, {
      'AwsSolutions-SMG4':
        "No automatic rotation: the desk's webhook holds a copy that Secrets Manager cannot update, and the EventBridge connection gets the value at deploy. " +
        'DEPLOY.md says how to replace it together with the desk.',
    });
  }

  const distribution = stack.site.distribution;
  acknowledge(distribution, {
    'AwsSolutions-CFR1':
      'No geo restriction: health personnel abroad (on duty, at conferences) must still reach the help articles, and the site holds no patient data.',
  });
  if (!stack.config.customDomain) {
    acknowledge(distribution, {
      'AwsSolutions-CFR4':
        'Without customDomain CloudFront serves its default *.cloudfront.net certificate, where the minimum TLS version cannot be set. Production sets customDomain, which enforces TLSv1.2_2021.',
    });
  }

  acknowledgeBucketDeploymentHandler(stack);
}

/** The singleton Lambda that BucketDeployment adds to copy site/dist into the bucket at deploy time. */
function acknowledgeBucketDeploymentHandler(stack: PortalStack): void {
  const handler = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!handler) throw new Error('Fant ikke BucketDeployment-funksjonen som cdk-nag-unntakene gjelder.');
  const siteBucket = logicalIdOf(stack, stack.site.bucket);
  // The stack's region is explicit (app.ts), so aws-cdk-lib writes it, and the partition it implies, into this ARN.
  const assetBucket = `arn:${pseudo(stack.partition, 'AWS::Partition')}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${pseudo(stack.region, 'AWS::Region')}/*`;
  const copyReason =
    'Written by aws-cdk-lib for BucketDeployment: it reads the site asset from the CDK asset bucket and syncs it into the site bucket only. The wildcards are object keys and S3 action groups inside those two buckets.';
  acknowledge(handler, {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
      'BucketDeployment creates its own role with this policy; the function runs only during a deployment.',
    'AwsSolutions-L1': 'The runtime of the BucketDeployment handler is chosen by aws-cdk-lib and follows its releases.',
    'AwsSolutions-IAM5[Action::s3:GetBucket*]': copyReason,
    'AwsSolutions-IAM5[Action::s3:GetObject*]': copyReason,
    'AwsSolutions-IAM5[Action::s3:List*]': copyReason,
    'AwsSolutions-IAM5[Action::s3:Abort*]': copyReason,
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]': copyReason,
    [`AwsSolutions-IAM5[Resource::${assetBucket}]`]: copyReason,
    [`AwsSolutions-IAM5[Resource::<${siteBucket}.Arn>/*]`]: copyReason,
    'AwsSolutions-IAM5[Resource::*]':
      'Only in the policy as aws-cdk-lib writes it: scopeInvalidationToDistribution overrides that statement with the distribution ARN (asserted in test/infra).',
  });
}

/** How cdk-nag writes a pseudo parameter in a finding: the value where the stack knows it (its region, the partition), else `<AWS::…>`. */
function pseudo(value: string, name: string): string {
  return Token.isUnresolved(value) ? `<${name}>` : value;
}

function acknowledge(scope: IConstruct, reasons: Record<string, string>): void {
  for (const [id, reason] of Object.entries(reasons)) Validations.of(scope).acknowledge({ id, reason });
}
