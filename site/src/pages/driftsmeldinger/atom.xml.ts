import type { APIContext } from 'astro';
import { atomFeed } from '../../../notices/feeds.ts';
import { feedEndpointInput } from '../../../notices/published.ts';

/** Every published notice as Atom 1.0 (site/notices/feeds.ts). */
export async function GET(context: APIContext) {
  const body = atomFeed(await feedEndpointInput(context.site));
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
