import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { isActive, noticePhase } from '../../../functions/catalog/notice-schema.ts';
import type { FormDefinition } from '../../../functions/core/form-definition.ts';
import { journeyFor } from '../../../functions/core/build-journey.ts';
import { deskPhone as deskPhoneOf } from '../../../functions/core/phone-ladder.ts';
import type { Journey } from '../../../functions/core/journey.ts';
import type { PriorityPolicy } from '../../../functions/core/priority.ts';
import { SERVICE_IDS, type ServiceId } from '../../../functions/core/service-ids.ts';
import { words, type Language } from './i18n.ts';

type Article = CollectionEntry<'articles'>;

const titleOrder = new Intl.Collator('nb');

/**
 * A build reads the content once: many pages list every article, and reading and sorting 10,000 articles for each
 * of them cost seconds. The dev server reads again each time, so an edit shows at once.
 */
function oncePerBuild<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? load() : (loaded ??= load()));
}

/**
 * The content the pages show: drafts are left out here, once, so no page can publish one. Sorted by title; the
 * array is shared between pages, so filter or copy it, never sort it in place.
 */
export const publishedArticles = oncePerBuild(async () => {
  const articles = await getCollection('articles', ({ data }) => !data.draft);
  return articles.sort((a, b) => titleOrder.compare(a.data.title, b.data.title));
});

/** The related articles of each article, in title order, looked up by id rather than by scanning every article. */
export function relatedArticles(articles: readonly Article[]): (article: Article) => Article[] {
  const position = new Map(articles.map((article, index) => [article.id, index]));
  return (article) => {
    const found = new Set(article.data.related.flatMap((id) => position.get(id) ?? []));
    return [...found].sort((a, b) => a - b).map((index) => articles[index] as Article);
  };
}

export const servicesInOrder = oncePerBuild(async () => {
  const services = await getCollection('services');
  return services.map((entry) => entry.data).sort((a, b) => SERVICE_IDS.indexOf(a.id) - SERVICE_IDS.indexOf(b.id));
});

/**
 * The words of a link to a service's form: its own (formLink in its file) on a page in bokmål, else «Meld feil i
 * denne tjenesten», or, in a list of several services, «Meld feil i» and its name. On a page in another language a
 * service that takes no faults gets a neutral «Open the form».
 */
export const formLinkText = oncePerBuild(async () => {
  const services = new Map<string, { name: string; formLink?: string | undefined }>((await servicesInOrder()).map((service) => [service.id, service]));
  return (id: string, language: Language, listed = false): string => {
    const service = services.get(id);
    const t = words(language);
    if (service?.formLink) return language === 'nb' ? service.formLink : listed ? `${t.openForm}: ${service.name}` : t.openForm;
    return listed ? `${t.reportService} ${service?.name ?? id}` : t.reportThisService;
  };
});

/** Asked for by every article page. */
export const serviceNames = oncePerBuild(async (): Promise<Record<ServiceId, string>> => {
  return Object.fromEntries((await servicesInOrder()).map((service) => [service.id, service.name])) as Record<ServiceId, string>;
});

/**
 * When the site is built: now, unless SERVICEPORTAL_BUILD_TIME says otherwise (the screenshot test builds the site
 * as of a fixed moment, so what it shows does not depend on the day it runs).
 */
const BUILD_TIME = process.env.SERVICEPORTAL_BUILD_TIME ? new Date(process.env.SERVICEPORTAL_BUILD_TIME) : new Date();

/** Notices that have not ended when the site is built, newest first. The page script hides them when they end. */
export async function currentNotices(now = BUILD_TIME) {
  const notices = await getCollection('notices', ({ data }) => !data.draft && isActive(data, now) || noticePhase(data, now) === 'upcoming');
  return notices.sort((a, b) => b.data.start.getTime() - a.data.start.getTime()).map((entry) => ({ ...entry, active: isActive(entry.data, now) }));
}

export async function allNotices() {
  const notices = await getCollection('notices', ({ data }) => !data.draft);
  return notices.sort((a, b) => b.data.start.getTime() - a.data.start.getTime());
}

/** The desk, which gets every report (`desk` in content/routing.yaml): the address for e-mail when the API fails. */
export async function fallbackTeamAddress(): Promise<string> {
  const routing = await getEntry('routing', 'desk');
  const team = routing ? await getEntry('teams', routing.data.desk) : undefined;
  if (!team) throw new Error('content/routing.yaml: desk peker på et team som mangler i content/teams.yaml');
  return team.data.address;
}

export async function contactData() {
  const entry = await getEntry('contact', 'desk');
  if (!entry) throw new Error('content/contact.yaml mangler');
  return entry.data;
}

/** The fixed questions and pages of the form (content/form.yaml). */
export async function formDefinition(): Promise<FormDefinition> {
  const entry = await getEntry('form', 'desk');
  if (!entry) throw new Error('content/form.yaml mangler');
  return entry.data;
}

export async function priorityPolicy(): Promise<PriorityPolicy> {
  const entry = await getEntry('priority', 'desk');
  if (!entry) throw new Error('content/priority.yaml mangler');
  return entry.data;
}

/** Every service's journey, in the order the services are shown: the form's one description (functions/core/journey.ts). */
export const journeys = oncePerBuild(async (): Promise<Journey[]> => {
  const form = await formDefinition();
  return (await servicesInOrder()).map((service) => journeyFor(form, service));
});

/** The desk's first number, from the top of the fallback ladder in content/contact.yaml. */
export async function deskPhone(): Promise<{ number: string; href: string }> {
  return deskPhoneOf(await contactData());
}
