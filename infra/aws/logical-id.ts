import { CfnResource, type Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The logical id `stack` gives a construct's own CloudFormation resource (cdk-nag's findings name resources by it). */
export function logicalIdOf(stack: Stack, construct: IConstruct): string {
  const resource = construct.node.defaultChild;
  if (!(resource instanceof CfnResource)) throw new Error(`${construct.node.path} har ingen egen CloudFormation-ressurs.`);
  return stack.getLogicalId(resource);
}
