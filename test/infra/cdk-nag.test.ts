import { App, Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizePortal, type SynthesizedPortal } from './synth.ts';

let portal: SynthesizedPortal;
beforeAll(() => {
  portal = synthesizePortal();
});
afterAll(() => portal?.cleanUp());

// The production environment is checked in portal-production.test.ts, with its own synthesis.
describe('cdk-nag AwsSolutions', () => {
  it('finds nothing in the portal that is not acknowledged with a reason', () => {
    const findings = portal.unacknowledgedFindings();

    expect(findings).toEqual([]);
  });

  it('does report a finding nobody acknowledged, so the check above can fail', () => {
    const stack = new Stack(new App(), 'Probe');
    new Bucket(stack, 'UnloggedBucket');

    const rules = new AwsSolutionsChecks().validateScope(stack).violations.map((violation) => violation.ruleName);

    expect(rules).toContain('AwsSolutions-S1');
  });
});
