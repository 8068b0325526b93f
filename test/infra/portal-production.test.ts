import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizePortal, type SynthesizedPortal } from './synth.ts';

interface DistributionConfig {
  Aliases: string[];
  ViewerCertificate: { AcmCertificateArn: string; MinimumProtocolVersion: string; SslSupportMethod: string };
}

let portal: SynthesizedPortal;
beforeAll(() => {
  portal = synthesizePortal({ environment: 'prod' });
});
afterAll(() => portal?.cleanUp());

const customDomain = () => portal.stack.config.customDomain;
const distributionConfig = () => portal.resourcesOfType('AWS::CloudFront::Distribution')[0]?.[1].Properties?.DistributionConfig as DistributionConfig;

describe('the production environment', () => {
  it('keeps the reports table when the stack is deleted', () => {
    const [[, table] = []] = portal.resourcesOfType('AWS::DynamoDB::GlobalTable');

    expect({ deletion: table?.DeletionPolicy, replacement: table?.UpdateReplacePolicy }).toEqual({ deletion: 'Retain', replacement: 'Retain' });
  });

  it('protects the reports table from deletion', () => {
    portal.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] });
  });

  it('keeps the buckets when the stack is deleted', () => {
    const policies = portal.resourcesOfType('AWS::S3::Bucket').map(([, bucket]) => bucket.DeletionPolicy);

    expect(policies).toEqual(['Retain', 'Retain']);
  });

  it('keeps every secret when the stack is deleted: the kept reports’ status links are derived from one, the desk’s case system holds another', () => {
    const policies = portal.resourcesOfType('AWS::SecretsManager::Secret').map(([, secret]) => secret.DeletionPolicy);

    // Origin, status-link, action-link, webhook and subscription keys.
    expect(policies).toHaveLength(5);
    expect(new Set(policies)).toEqual(new Set(['Retain']));
  });

  it('serves the portal on its own domain', () => {
    expect(distributionConfig().Aliases).toEqual([customDomain()?.domainName]);
  });

  it('uses the us-east-1 certificate from cdk.json, with TLS 1.2 or newer', () => {
    expect(distributionConfig().ViewerCertificate).toEqual({
      AcmCertificateArn: customDomain()?.certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });

  it('links the e-mails to the portal on its own domain', () => {
    const siteUrl = portal.environmentOf('routeReport').SITE_URL;

    expect(siteUrl).toBe(`https://${customDomain()?.domainName ?? ''}`);
  });

  it('passes cdk-nag AwsSolutions with nothing left unacknowledged', () => {
    const findings = portal.unacknowledgedFindings();

    expect(findings).toEqual([]);
  });
});
