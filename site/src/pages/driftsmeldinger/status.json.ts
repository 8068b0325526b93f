import type { APIContext } from 'astro';
import { statusDocument } from '../../../../functions/catalog/status-document.ts';
import { feedEndpointInput } from '../../../notices/published.ts';

/** Each service's state and current notices, for integrations (functions/catalog/status-document.ts). */
export async function GET(context: APIContext) {
  const body = `${JSON.stringify(statusDocument(await feedEndpointInput(context.site)), null, 2)}\n`;
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
