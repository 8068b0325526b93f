import type { NoticesDocument } from '../../functions/core/notices-document.ts';
import type { ServiceId } from '../../functions/core/service-ids.ts';
import { noticesDocument, noticesDrawnAt, serviceNames } from '../src/lib/content.ts';

export interface FeedEndpointInput {
  document: NoticesDocument;
  siteUrl: URL;
  serviceNames: Record<ServiceId, string>;
  now: Date;
}

/**
 * What the feed endpoints (src/pages/driftsmeldinger/*.ts) write from: the build's one notices document
 * (site/src/lib/content.ts), the site's absolute address (astro.config.ts `site`) and the services' names.
 */
export async function feedEndpointInput(site: URL | undefined): Promise<FeedEndpointInput> {
  if (!site) throw new Error('astro.config.ts har ingen site: feedene trenger nettstedets fulle adresse (SITE_URL).');
  return { document: await noticesDocument(), siteUrl: site, serviceNames: await serviceNames(), now: noticesDrawnAt() };
}
