import { SERVICE_IDS } from '../core/service-ids.ts';

/** The addresses of the site's own pages, apart from articles: what an internal link in content may point at. */
export const FIXED_ROUTES = [
  '/',
  '/artikler/',
  '/tjenester/',
  '/driftsmeldinger/',
  '/driftsmeldinger/rss.xml',
  '/kontakt/',
  '/sok/',
  '/meld-feil/',
  '/meld-feil/kvittering/',
  ...SERVICE_IDS.flatMap((id) => [`/tjenester/${id}/`, `/meld-feil/${id}/`]),
] as const;

export const articlePath = (slug: string) => `/artikler/${slug}/`;

/** `/kontakt#stigen` and `/kontakt/?a=1` are both the page `/kontakt/`. */
export function pagePath(href: string): string {
  const path = href.split(/[?#]/)[0] ?? '';
  if (path === '' || path.endsWith('/') || /\.[a-z0-9]+$/i.test(path)) return path;
  return `${path}/`;
}
