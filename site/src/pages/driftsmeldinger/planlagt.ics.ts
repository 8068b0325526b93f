import type { APIContext } from 'astro';
import { plannedCalendar } from '../../../notices/calendar.ts';
import { feedEndpointInput } from '../../../notices/published.ts';

/** Planned work as an iCalendar a control room subscribes to (site/notices/calendar.ts). */
export async function GET(context: APIContext) {
  const body = plannedCalendar(await feedEndpointInput(context.site));
  return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
}
