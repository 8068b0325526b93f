import { getCollection, getEntry } from 'astro:content';
import { isActive } from '../../../functions/catalog/notice-schema.ts';
import { SERVICE_IDS, type ServiceId } from '../../../functions/core/service-ids.ts';

/** The content the pages show: drafts are left out here, once, so no page can publish one. */
export async function publishedArticles() {
  const articles = await getCollection('articles', ({ data }) => !data.draft);
  return articles.sort((a, b) => a.data.title.localeCompare(b.data.title, 'nb'));
}

export async function servicesInOrder() {
  const services = await getCollection('services');
  return services.map((entry) => entry.data).sort((a, b) => SERVICE_IDS.indexOf(a.id) - SERVICE_IDS.indexOf(b.id));
}

export async function serviceNames(): Promise<Record<ServiceId, string>> {
  return Object.fromEntries((await servicesInOrder()).map((service) => [service.id, service.name])) as Record<ServiceId, string>;
}

/** Notices that have not ended when the site is built, newest first. The page script hides them when they end. */
export async function currentNotices(now = new Date()) {
  const notices = await getCollection('notices', ({ data }) => !data.draft && now < data.expectedEnd);
  return notices.sort((a, b) => b.data.start.getTime() - a.data.start.getTime()).map((entry) => ({ ...entry, active: isActive(entry.data, now) }));
}

export async function allNotices() {
  const notices = await getCollection('notices', ({ data }) => !data.draft);
  return notices.sort((a, b) => b.data.start.getTime() - a.data.start.getTime());
}

/** The team that gets what no routing rule covers (content/routing.yaml): the address for e-mail when the API fails. */
export async function fallbackTeamAddress(): Promise<string> {
  const routing = await getEntry('routing', 'desk');
  const team = routing ? await getEntry('teams', routing.data.fallbackTeam) : undefined;
  if (!team) throw new Error('content/routing.yaml: fallbackTeam peker på et team som mangler i content/teams.yaml');
  return team.data.address;
}

export async function contactData() {
  const entry = await getEntry('contact', 'desk');
  if (!entry) throw new Error('content/contact.yaml mangler');
  return entry.data;
}
