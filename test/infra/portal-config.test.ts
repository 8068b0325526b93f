import { describe, expect, it } from 'vitest';
import { readPortalConfig } from '../../infra/aws/config.ts';
import { createPortalStack } from './synth.ts';

describe('configuration from cdk.json', () => {
  it.each([
    [{ retentionDays: -1 }, /serviceportal\.retentionDays: må være minst 1/],
    [{ referencePrefix: 'hdo' }, /serviceportal\.referencePrefix: må være 2–8 store bokstaver/],
    [{ mailFrom: 'servicedesk' }, /serviceportal\.mailFrom: må være en e-postadresse/],
    [{ retentionDay: 548 }, /serviceportal: ukjent innstilling: retentionDay/],
  ])('stops synth on %j, naming the setting', (settings, message) => {
    const synth = () => createPortalStack({ serviceportal: settings });

    expect(synth).toThrow(message);
  });
});

describe('reading the settings', () => {
  it('falls back to the defaults when cdk.json sets none', () => {
    const config = readPortalConfig(undefined);

    expect(config).toEqual({ mailFrom: 'serviceportal@hdo.example', referencePrefix: 'HDO', retentionDays: 548 });
  });

  it('accepts the object as JSON text, as `cdk synth -c` passes it', () => {
    const config = readPortalConfig('{"retentionDays":30}');

    expect(config.retentionDays).toBe(30);
  });
});
