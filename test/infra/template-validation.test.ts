import { rmSync } from 'node:fs';
import { App, CfnResource } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { createPortalStacks, createTinySite, synthesizePortal } from './synth.ts';

// CDK checks every template against CloudFormation's resource schemas and rules when it synthesizes, and cdk.json
// makes what it finds an error that stops `cdk synth` and `cdk deploy`. The other infrastructure tests synthesize
// without it (the costliest part of a synth); here it runs on both environments as they deploy.

describe("CDK's CloudFormation validation", () => {
  it.each(['test', 'prod'])('passes both stacks of the %s environment', (environment) => {
    const synth = () => synthesizePortal({ environment, validate: true }).cleanUp();

    expect(synth).not.toThrow();
  });

  it('stops a synth whose template CloudFormation would refuse, so the check above can fail', () => {
    const siteDir = createTinySite();
    const { portal } = createPortalStacks({ siteDir, validate: true });
    new CfnResource(portal, 'PlantedBucket', { type: 'AWS::S3::Bucket', properties: { NoSuchProperty: true } });

    try {
      expect(() => App.of(portal)?.synth()).toThrow(/NoSuchProperty/);
    } finally {
      rmSync(siteDir, { recursive: true, force: true });
    }
  });
});
