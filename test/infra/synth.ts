import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, AssetStaging } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { PortalStack } from '../../infra/aws/portal-stack.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import type { HandlerName } from '../../infra/wiring.ts';

/** A CloudFormation resource as it appears in the synthesized template. */
export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

export interface SynthesizedPortal {
  stack: PortalStack;
  template: Template;
  resources: Record<string, TemplateResource>;
  logicalIdOf(handler: HandlerName): string;
  /** The function's environment; references to other resources are left as CloudFormation objects. */
  environmentOf(handler: HandlerName): Record<string, unknown>;
  /** The environment as the function sees it, with a stand-in where CloudFormation fills in a resource name. */
  runtimeEnvironmentOf(handler: HandlerName): Record<string, string>;
  /** Where synth staged the function's bundle: the directory that becomes /var/task. */
  bundleDirOf(handler: HandlerName): string;
  cleanUp(): void;
}

const cdkJson = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };

/** Creates the stack with the context `cdk synth` uses (cdk.json), plus any overrides. */
export function createPortalStack(contextOverrides: Record<string, unknown> = {}, outdir?: string): PortalStack {
  const app = new App({ outdir, context: { ...cdkJson.context, ...contextOverrides } });
  return new PortalStack(app, 'Serviceportal');
}

/** Synthesizes the stack, bundling both functions with esbuild, into a directory of its own. */
export function synthesizePortal(): SynthesizedPortal {
  const outdir = mkdtempSync(join(tmpdir(), 'serviceportal-cdk-'));
  const stack = createPortalStack({}, outdir);
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, TemplateResource>;
  const logicalIdOf = (handler: HandlerName) => stack.getLogicalId(stack.functions[handler].node.defaultChild as CfnFunction);
  const environmentOf = (handler: HandlerName) => {
    const environment = resources[logicalIdOf(handler)]?.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined;
    return environment?.Variables ?? {};
  };

  return {
    stack,
    template,
    resources,
    logicalIdOf,
    environmentOf,
    runtimeEnvironmentOf: (handler) =>
      Object.fromEntries(Object.entries(environmentOf(handler)).map(([name, value]) => [name, typeof value === 'string' ? value : `resolved-${name}`])),
    bundleDirOf(handler) {
      const staging = stack.functions[handler].node.findChild('Code').node.findChild('Stage') as AssetStaging;
      return staging.absoluteStagedPath;
    },
    cleanUp: () => rmSync(outdir, { recursive: true, force: true }),
  };
}
