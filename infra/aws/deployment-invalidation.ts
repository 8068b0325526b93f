import { Lazy, Stack } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import type { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';
import { isJsonObject } from '../../functions/vocabulary/json-guards.ts';

interface Statement {
  Action?: string | string[];
  Resource?: unknown;
}

/**
 * BucketDeployment allows its invalidation on every distribution ("*"), although CloudFront accepts the
 * distribution's ARN. This narrows that statement to the portal's distribution; the other statements are kept.
 */
export function scopeInvalidationToDistribution(deployment: BucketDeployment, distribution: IDistribution): void {
  const policy = deployment.handlerRole.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
  if (!(policy instanceof CfnPolicy)) throw new Error('Fant ikke rettighetene til BucketDeployment; sjekk aws-cdk-lib-versjonen.');
  policy.addPropertyOverride(
    'PolicyDocument.Statement',
    Lazy.any({
      produce: () => {
        const document: unknown = Stack.of(policy).resolve(policy.policyDocument);
        const statements: unknown[] = isJsonObject(document) && Array.isArray(document.Statement) ? document.Statement : [];
        return statements.map((statement) => (isInvalidation(statement) ? { ...statement, Resource: distribution.distributionArn } : statement));
      },
    }),
  );
}

function isInvalidation(statement: unknown): statement is Statement {
  if (!isJsonObject(statement)) return false;
  const actions: unknown[] = [statement.Action ?? []].flat();
  return statement.Resource === '*' && actions.length > 0 && actions.every((action) => typeof action === 'string' && action.startsWith('cloudfront:'));
}
