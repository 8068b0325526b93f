import { PAGE_TEMPLATE_PATHS, SLOTS } from '../../functions/core/page-paths.ts';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { App, AssetStaging } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { PortalEdgeStack } from '../../infra/aws/edge-stack.ts';
import { acknowledgeAcceptedFindings } from '../../infra/aws/nag-acknowledgements.ts';
import { addPortal, type PortalStacks } from '../../infra/aws/portal-app.ts';
import { LAMBDA_TASK_ROOT } from '../../infra/aws/portal-function.ts';
import type { PortalStack } from '../../infra/aws/portal-stack.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import type { HandlerName } from '../../infra/wiring.ts';

/** A CloudFormation resource as it appears in the synthesized template. */
export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface SynthesizedPortal {
  stack: PortalStack;
  template: Template;
  resources: Record<string, TemplateResource>;
  /** The us-east-1 stack with the web ACL, and its template. */
  edge: PortalEdgeStack;
  edgeTemplate: Template;
  logicalIdOf(handler: HandlerName): string;
  /** The logical id of a construct's CloudFormation resource. */
  idOf(construct: { node: { defaultChild?: unknown } }): string;
  /** The resources of one type, by logical id. */
  resourcesOfType(type: string): [string, TemplateResource][];
  /** The function's environment; references to other resources are left as CloudFormation objects. */
  environmentOf(handler: HandlerName): Record<string, unknown>;
  /** The environment as the function sees it, with a stand-in where CloudFormation fills in a resource name. */
  runtimeEnvironmentOf(handler: HandlerName): Record<string, string>;
  /** Where synth staged the function's bundle: the directory that becomes /var/task. */
  bundleDirOf(handler: HandlerName): string;
  /** runtimeEnvironmentOf, with CATALOG_DIR and PAGES_DIR pointing into the staged bundle instead of under /var/task. */
  bundleEnvironmentOf(handler: HandlerName): Record<string, string>;
  /** cdk-nag's AwsSolutions findings that no acknowledgement covers, in both stacks, as `rule at path`. */
  unacknowledgedFindings(): string[];
  cleanUp(): void;
}

export interface SynthOptions {
  /** The cdk.json environment to synthesize. */
  environment?: string;
  /** Bundle the functions with esbuild; only the bundle tests need the output, so others skip it. */
  bundle?: boolean;
  /** Extra context, after cdk.json's. */
  context?: Record<string, unknown>;
  /**
   * Run CDK's built-in CloudFormation validation, as `cdk synth` does (cdk.json makes its errors fail the synth).
   * Off unless asked: it is the costliest part of a synth (its rules are compiled again for each new set of resource
   * types), and template-validation.test.ts runs it on both environments.
   */
  validate?: boolean;
}

/** What CloudFormation fills in where the value is a reference, shaped like the real value. */
const STAND_INS: Record<string, string> = {
  SITE_URL: 'https://d111111abcdef8.cloudfront.net',
  // Secrets Manager's generated values: 64 letters and digits (portal-secrets.ts).
  ORIGIN_VERIFY_SECRET: 'OriginVerifyStandIn'.padEnd(64, '0'),
  STATUS_TOKEN_KEY: 'StatusTokenKeyStandIn'.padEnd(64, '0'),
  ACTION_LINK_KEY: 'ActionLinkKeyStandIn'.padEnd(64, '0'),
  WEBHOOK_SIGNING_KEY: 'WebhookSigningKeyStandIn'.padEnd(64, '0'),
  SUBSCRIPTION_KEY: 'SubscriptionKeyStandIn'.padEnd(64, '0'),
  NOTICE_MAIL_QUEUE_URL: 'https://sqs.eu-north-1.amazonaws.com/000000000000/serviceportal-notice-mail',
};
/** The region the tests put the portal in; the edge stack is in us-east-1 whatever this is. */
export const TEST_REGION = 'eu-north-1';

/** cdk.json's context, as `cdk synth` reads it. */
const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

/** A built site small enough to stage in milliseconds, so the tests need no `npm run build`. */
export function createTinySite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'serviceportal-site-'));
  mkdirSync(join(dir, '_astro'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Serviceportal</title>');
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>Fant ikke siden</title>');
  // The pages the API fills in, with their placeholders, which the submit and status bundles carry.
  for (const path of Object.values(PAGE_TEMPLATE_PATHS)) {
    const page = join(dir, ...path.split('/').filter(Boolean));
    mkdirSync(page, { recursive: true });
    writeFileSync(join(page, 'index.html'), `<!doctype html><title>Side</title><p>${Object.values(SLOTS).join(' ')}</p>`);
  }
  return dir;
}

/** Environment variables that name a folder inside the bundle. */
const BUNDLED_DIRS = ['CATALOG_DIR', 'PAGES_DIR'];

/** Creates both stacks with the context `cdk synth` uses (cdk.json), plus any overrides, as app.ts does. */
export function createPortalStacks(options: SynthOptions & { outdir?: string; siteDir?: string } = {}): PortalStacks {
  const context: Record<string, unknown> = { ...CDK_JSON_CONTEXT, ...options.context };
  if (options.environment) context.environment = options.environment;
  // CDK skips bundling for stacks that this list does not match.
  if (!options.bundle) context['aws:cdk:bundling-stacks'] = [];
  // Stack traces on every construct are the slowest part of a synth, and the tests never read them.
  const app = new App({
    outdir: options.outdir,
    context,
    stackTraces: false,
    treeMetadata: false,
    builtinCloudFormationValidation: options.validate ?? false,
  });
  return addPortal(app, 'Serviceportal', {
    environment: options.environment ?? 'test',
    region: TEST_REGION,
    ...(options.siteDir ? { siteDir: options.siteDir } : {}),
  });
}

/** The portal's stack alone (createPortalStacks). */
export function createPortalStack(options: SynthOptions & { outdir?: string; siteDir?: string } = {}): PortalStack {
  return createPortalStacks(options).portal;
}

/** Synthesizes the stack into a directory of its own. */
export function synthesizePortal(options: SynthOptions = {}): SynthesizedPortal {
  const outdir = mkdtempSync(join(tmpdir(), 'serviceportal-cdk-'));
  const siteDir = createTinySite();
  const stacks = createPortalStacks({ ...options, outdir, siteDir });
  const { portal: stack, edge } = stacks;
  acknowledgeAcceptedFindings(stacks);
  const template = Template.fromStack(stack);
  const edgeTemplate = Template.fromStack(edge);
  const resources = template.toJSON().Resources as Record<string, TemplateResource>;
  const idOf = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as CfnFunction);
  const logicalIdOf = (handler: HandlerName) => idOf(stack.functions[handler]);
  const environmentOf = (handler: HandlerName) => {
    const environment = resources[logicalIdOf(handler)]?.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined;
    return environment?.Variables ?? {};
  };
  const runtimeEnvironmentOf = (handler: HandlerName): Record<string, string> =>
    Object.fromEntries(
      Object.entries(environmentOf(handler)).map(([name, value]) => [name, typeof value === 'string' ? value : (STAND_INS[name] ?? `resolved-${name}`)]),
    );
  const bundleDirOf = (handler: HandlerName) => (stack.functions[handler].node.findChild('Code').node.findChild('Stage') as AssetStaging).absoluteStagedPath;

  return {
    stack,
    template,
    resources,
    edge,
    edgeTemplate,
    logicalIdOf,
    idOf,
    resourcesOfType: (type) => Object.entries(resources).filter(([, resource]) => resource.Type === type),
    environmentOf,
    runtimeEnvironmentOf,
    bundleDirOf,
    bundleEnvironmentOf(handler) {
      // What the bundle holds under /var/task (the catalog, the site's pages), at the place synth staged it.
      const inBundle = (dir: string) => join(bundleDirOf(handler), relative(LAMBDA_TASK_ROOT, dir));
      return Object.fromEntries(
        Object.entries(runtimeEnvironmentOf(handler)).map(([name, value]) => [name, BUNDLED_DIRS.includes(name) ? inBundle(value) : value]),
      );
    },
    unacknowledgedFindings: () =>
      [stack, edge].flatMap((scope) =>
        new AwsSolutionsChecks()
          .validateScope(scope)
          .violations.flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`)),
      ),
    cleanUp: () => {
      rmSync(outdir, { recursive: true, force: true });
      rmSync(siteDir, { recursive: true, force: true });
    },
  };
}
