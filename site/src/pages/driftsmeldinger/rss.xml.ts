import type { APIContext } from 'astro';
import { rssFeed } from '../../../notices/feeds.ts';
import { feedEndpointInput } from '../../../notices/published.ts';

/** Every published notice as RSS 2.0, the latest change first, each linking to its own page (site/notices/feeds.ts). */
export async function GET(context: APIContext) {
  const body = rssFeed(await feedEndpointInput(context.site));
  return new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
}
