import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_CONTEXT_KEY, readPortalConfig } from '../infra/aws/config.ts';
import { readLocalSettings } from '../infra/local/settings.ts';
import { REPOSITORY_ROOT } from '../infra/repository.ts';

/**
 * The site's absolute address (astro.config.ts `site`): the feeds, the calendar and the status document link with
 * it, so a build for AWS must know the domain it will be served on. From one of, in this order:
 *
 * - `SITE_URL`: the address itself, the same variable (and meaning) as the functions' SITE_URL. For an environment
 *   on its `*.cloudfront.net` name, which is only known after its first deploy (the stack's `SiteUrl` output).
 * - `SERVICEPORTAL_ENVIRONMENT=<name>`: the environment's `customDomain.domainName` in cdk.json, the one place the
 *   domain is written; the environment must have one.
 * - neither: the local portal's address (`npm start`, `npm run dev`: http://localhost:4321, or PORT).
 *
 * Only the local address may be http.
 */
export function siteUrlFromEnvironment(env: NodeJS.ProcessEnv = process.env, readCdkJson: () => unknown = readRepositoryCdkJson): string {
  const environment = env.SERVICEPORTAL_ENVIRONMENT?.trim() || undefined;
  const configured = environment === undefined ? undefined : customDomainUrl(environment, readCdkJson);
  const given = env.SITE_URL?.trim() || undefined;
  if (given !== undefined) {
    const url = checkedSiteUrl(given);
    if (configured !== undefined && configured !== url) {
      throw new Error(
        `SITE_URL=${given} er ikke adressen cdk.json gir miljøet «${environment ?? ''}» (${configured}). Fjern SITE_URL, eller rett customDomain.`,
      );
    }
    return url;
  }
  if (environment !== undefined) {
    if (configured === undefined) {
      throw new Error(
        `Miljøet «${environment}» har ingen customDomain i cdk.json, så adressen er CloudFront-navnet: sett SITE_URL til utdataet SiteUrl fra stacken (https://dxxxxxxxxxxxx.cloudfront.net).`,
      );
    }
    return configured;
  }
  return checkedSiteUrl(readLocalSettings(env).siteUrl);
}

/** An absolute address at the root of its host: https, or http for this machine only. */
export function checkedSiteUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`SITE_URL=${text} er ikke en full adresse; skriv den som https://serviceportal.hdo.no`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new Error(`SITE_URL=${text} må begynne med https:// (bare localhost kan bruke http)`);
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw new Error(`SITE_URL=${text} skal være bare adressen til nettstedet, uten sti, spørring eller #, for eksempel https://serviceportal.hdo.no`);
  }
  return url.origin;
}

function customDomainUrl(environment: string, readCdkJson: () => unknown): string | undefined {
  const cdkJson = readCdkJson() as { context?: Record<string, unknown> } | undefined;
  const domain = readPortalConfig(cdkJson?.context?.[CONFIG_CONTEXT_KEY], environment).customDomain?.domainName;
  return domain === undefined ? undefined : `https://${domain}`;
}

function readRepositoryCdkJson(): unknown {
  return JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'cdk.json'), 'utf8'));
}
