import type { Construct } from 'constructs';
import { PortalEdgeStack } from './edge-stack.ts';
import { GitHubDeployRole } from './github-deploy-role.ts';
import { PortalStack } from './portal-stack.ts';

export interface PortalStacks {
  /** us-east-1: the web ACL. */
  edge: PortalEdgeStack;
  /** The portal's own region: everything else. */
  portal: PortalStack;
  /** In the portal's stack: what GitHub Actions deploys both stacks and the site with (DEPLOY.md section 16). */
  deployRole: GitHubDeployRole;
}

export interface AddPortalProps {
  /** Where the portal runs (the CLI's region, e.g. eu-north-1): explicit, because the web ACL is read across regions. */
  region: string;
  /** Names both stacks in their descriptions. */
  environment: string;
  /** The built site; `site/dist` unless a test passes a small one. */
  siteDir?: string;
}

/** One environment of the portal: the edge stack in us-east-1 and the portal's stack, which reads the web ACL from it. */
export function addPortal(scope: Construct, id: string, props: AddPortalProps): PortalStacks {
  const edge = new PortalEdgeStack(scope, `${id}-edge`, {
    description: `Serviceportal (${props.environment}): brannmur (AWS WAF) foran CloudFront; må ligge i us-east-1`,
  });
  const portal = new PortalStack(scope, id, {
    env: { region: props.region },
    description: `Serviceportal (${props.environment}): feilmelding og meldingsruting`,
    webAclArn: edge.firewall.webAcl.attrArn,
    ...(props.siteDir ? { siteDir: props.siteDir } : {}),
  });
  const deployRole = new GitHubDeployRole(portal, 'GitHubDeploy', {
    environment: props.environment,
    regions: [edge.region, portal.region],
    site: portal.site,
  });
  return { edge, portal, deployRole };
}
