import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { PortalFirewall } from './portal-firewall.ts';

/** CloudFront takes web ACLs (and certificates) only from this region, wherever the rest of the portal is. */
export const EDGE_REGION = 'us-east-1';

/**
 * What CloudFront needs from us-east-1: the WAF web ACL. The portal's stack reads its ARN from this stack's outputs
 * at deploy (Fn::GetStackOutput across regions, since cdk.json sets weak cross-stack references), so it is deployed
 * first and needs no exports, custom resources or copying of ARNs by hand.
 */
export class PortalEdgeStack extends Stack {
  readonly firewall: PortalFirewall;

  constructor(scope: Construct, id: string, props: Omit<StackProps, 'env'> = {}) {
    super(scope, id, { ...props, env: { region: EDGE_REGION } });
    this.firewall = new PortalFirewall(this, 'Firewall', { name: this.stackName });
  }
}
