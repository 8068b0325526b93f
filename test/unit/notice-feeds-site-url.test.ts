import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { checkedSiteUrl, siteUrlFromEnvironment } from '../../site/site-url.ts';

const cdkJson = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'cdk.json'), 'utf8')) as {
  context: { serviceportal: Record<string, { customDomain?: { domainName: string } }> };
};
const withDomain = Object.entries(cdkJson.context.serviceportal).find(([, settings]) => settings.customDomain)!;
const withoutDomain = Object.entries(cdkJson.context.serviceportal).find(([, settings]) => !settings.customDomain)!;
const never = () => {
  throw new Error('cdk.json should not be read');
};

describe('siteUrlFromEnvironment', () => {
  it('is the local portal without settings (npm start, npm run dev)', () => {
    expect(siteUrlFromEnvironment({}, never)).toBe('http://localhost:4321');
    expect(siteUrlFromEnvironment({ PORT: '4400' }, never)).toBe('http://localhost:4400');
  });

  it('is SITE_URL, without a trailing slash', () => {
    expect(siteUrlFromEnvironment({ SITE_URL: 'https://serviceportal.example.no/' }, never)).toBe('https://serviceportal.example.no');
  });

  it('is the environment’s custom domain in cdk.json', () => {
    const [environment, settings] = withDomain;

    expect(siteUrlFromEnvironment({ SERVICEPORTAL_ENVIRONMENT: environment })).toBe(`https://${settings.customDomain!.domainName}`);
  });

  it('asks for SITE_URL for an environment on its CloudFront name', () => {
    const [environment] = withoutDomain;

    expect(() => siteUrlFromEnvironment({ SERVICEPORTAL_ENVIRONMENT: environment })).toThrow(/ingen customDomain.*SITE_URL/);
    expect(siteUrlFromEnvironment({ SERVICEPORTAL_ENVIRONMENT: environment, SITE_URL: 'https://d111111abcdef8.cloudfront.net' })).toBe(
      'https://d111111abcdef8.cloudfront.net',
    );
  });

  it('refuses a SITE_URL that contradicts the environment’s domain', () => {
    const [environment] = withDomain;

    expect(() => siteUrlFromEnvironment({ SERVICEPORTAL_ENVIRONMENT: environment, SITE_URL: 'https://annet.example.no' })).toThrow(
      /er ikke adressen cdk.json gir/,
    );
  });

  it('names an environment cdk.json does not have', () => {
    expect(() => siteUrlFromEnvironment({ SERVICEPORTAL_ENVIRONMENT: 'finnesikke' })).toThrow(/finnesikke/);
  });
});

describe('checkedSiteUrl', () => {
  it.each([
    ['http://serviceportal.example.no', /https:\/\//],
    ['serviceportal.example.no', /full adresse/],
    ['https://serviceportal.example.no/portal/', /uten sti/],
    ['https://serviceportal.example.no/?a=1', /uten sti/],
  ])('refuses %s', (text, message) => {
    expect(() => checkedSiteUrl(text)).toThrow(message);
  });

  it.each(['http://localhost:4321', 'http://127.0.0.1:8080', 'https://serviceportal.example.no'])('accepts %s', (text) => {
    expect(checkedSiteUrl(text)).toBe(text);
  });
});
