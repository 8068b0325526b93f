import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPortalConfig } from '../../infra/aws/config.ts';
import { createPortalStack, createTinySite } from './synth.ts';

const valid = { mailFrom: 'portal@hdo.example', alarmEmail: 'drift@hdo.example', referencePrefix: 'HDO', retentionDays: 548 };
const withTest = (settings: Record<string, unknown>) => ({ serviceportal: { test: { ...valid, ...settings } } });

describe('configuration from cdk.json', () => {
  it.each([
    [{ retentionDays: -1 }, /serviceportal\.test\.retentionDays: må være minst 1/],
    [{ referencePrefix: 'hdo' }, /serviceportal\.test\.referencePrefix: må være 2–8 store bokstaver/],
    [{ mailFrom: 'servicedesk' }, /serviceportal\.test\.mailFrom: må være en e-postadresse/],
    [{ alarmEmail: undefined }, /serviceportal\.test\.alarmEmail: mangler/],
    [{ retentionDay: 548 }, /serviceportal\.test: ukjent innstilling: retentionDay/],
    [{ production: 'yes' }, /serviceportal\.test\.production: må være true eller false/],
    [{ mailDomain: 'annet.example' }, /serviceportal\.test\.mailFrom: avsenderadressen må høre til mailDomain/],
    [
      {
        customDomain: {
          domainName: 'portal.hdo.example',
          certificateArn: 'arn:aws:acm:eu-north-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
        },
      },
      /certificateArn: må være ARN-en til et ACM-sertifikat i us-east-1/,
    ],
  ])('stops synth on %j, naming the setting', (settings, message) => {
    const synth = () => createPortalStack({ context: withTest(settings) });

    expect(synth).toThrow(message);
  });

  it('stops synth on an environment cdk.json does not have, naming the ones it has', () => {
    const synth = () => createPortalStack({ environment: 'staging' });

    expect(synth).toThrow(/fant ikke miljøet «serviceportal\.staging» \(miljøer: test, prod\)/);
  });
});

describe('the built site', () => {
  const emptyDir = createTinySite();
  rmSync(join(emptyDir, 'index.html'));
  afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

  it('must exist, or synth says to run the build first', () => {
    const synth = () => createPortalStack({ siteDir: emptyDir });

    expect(synth).toThrow(/Kjør «npm run build» før «cdk synth»/);
  });
});

describe('reading the settings', () => {
  it('derives the SES domain from the sender address when mailDomain is left out', () => {
    const config = readPortalConfig({ test: valid });

    expect(config.mailDomain).toBe('hdo.example');
  });

  it('treats an environment as not production unless it says so', () => {
    const config = readPortalConfig({ test: valid });

    expect(config.production).toBe(false);
  });

  it('accepts the object as JSON text, as `cdk synth -c` passes it', () => {
    const config = readPortalConfig(JSON.stringify({ test: { ...valid, retentionDays: 30 } }));

    expect(config.retentionDays).toBe(30);
  });
});
