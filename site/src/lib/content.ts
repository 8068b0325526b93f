import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { PublishedNotice } from '../../../functions/core/notices-document.ts';
import type { FormDefinition } from '../../../functions/core/form-definition.ts';
import { journeyFor } from '../../../functions/core/build-journey.ts';
import { deskPhone as deskPhoneOf } from '../../../functions/core/phone-ladder.ts';
import type { Journey } from '../../../functions/core/journey.ts';
import type { PriorityPolicy } from '../../../functions/core/priority.ts';
import { SERVICE_IDS, type ServiceId } from '../../../functions/core/service-ids.ts';
import { recordOf } from '../../../functions/vocabulary/records.ts';
import { CONTENT_DIR } from '../../content-dir.ts';
import { buildNoticesDocument } from '../../notices/document.ts';
import { noticeLineParts, noticePhaseAt, noticeRenderContext, noticesInList, type Attributes, type NoticeRenderContext } from '../../notices/render.ts';
import { words, type Language } from './i18n.ts';

type Article = CollectionEntry<'articles'>;

const titleOrder = new Intl.Collator('nb');

/**
 * A build reads the content once: many pages list every article, and reading and sorting 10,000 articles for each
 * of them cost seconds. The dev server reads again each time, so an edit shows at once.
 */
/**
 * The dev server (`astro dev` runs in development mode, `astro build` in production mode). Not DEV: that follows
 * NODE_ENV, which a build started by the tests inherits as `test`, and a build must never publish drafts.
 */
export const ON_DEV_SERVER = import.meta.env.MODE === 'development';

function oncePerBuild<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (ON_DEV_SERVER ? load() : (loaded ??= load()));
}

/**
 * The content the pages show: drafts are left out here, once, so no page can publish one. Sorted by title; the
 * array is shared between pages, so filter or copy it, never sort it in place.
 */
export const publishedArticles = oncePerBuild(async () => {
  const articles = await getCollection('articles', ({ data }) => !data.draft);
  return articles.sort((a, b) => titleOrder.compare(a.data.title, b.data.title));
});

/**
 * The articles that get a page of their own: the published ones, and on the dev server the drafts too, so an editor
 * sees what they are writing (the page marks it «Utkast»). Lists, search and related articles use
 * publishedArticles, so a draft is reached only by its address.
 */
export const articlePages = oncePerBuild(async () => {
  if (!ON_DEV_SERVER) return publishedArticles();
  const articles = await getCollection('articles');
  return articles.sort((a, b) => titleOrder.compare(a.data.title, b.data.title));
});

/** The related articles of each article, in title order, looked up by id rather than by scanning every article. */
export function relatedArticles(articles: readonly Article[]): (article: Article) => Article[] {
  const position = new Map(articles.map((article, index) => [article.id, index]));
  return (article) => {
    const found = new Set(article.data.related.flatMap((id) => position.get(id) ?? []));
    return [...found].sort((a, b) => a - b).flatMap((index) => articles[index] ?? []);
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
  const names = new Map((await servicesInOrder()).map((service) => [service.id, service.name]));
  // check:content has made sure every service has its file; the id stands in should one be missing all the same.
  return recordOf(SERVICE_IDS, (id) => names.get(id) ?? id);
});

/**
 * When the site is built: now, unless SERVICEPORTAL_BUILD_TIME says otherwise (the screenshot test builds the site
 * as of a fixed moment, so what it shows does not depend on the day it runs).
 */
const BUILD_TIME = process.env.SERVICEPORTAL_BUILD_TIME ? new Date(process.env.SERVICEPORTAL_BUILD_TIME) : new Date();

/** The moment the notice lists are drawn for: the build's (the page script redraws them by the reader's clock). */
export function noticesDrawnAt(): Date {
  return BUILD_TIME;
}

/**
 * The published notices (site/notices/document.ts), the one source of every notice the site shows: built once per
 * build, with drafts on the dev server only. The build writes it as /driftsmeldinger/meldinger.json too.
 */
export const noticesDocument = oncePerBuild(() =>
  buildNoticesDocument({ contentDir: CONTENT_DIR, publishedAt: ON_DEV_SERVER ? new Date() : noticesDrawnAt(), includeDrafts: ON_DEV_SERVER }),
);

/** What the notice renderer (site/notices/render.ts) needs from the catalog: services' names and phone numbers. */
export const noticeContext = oncePerBuild(async (): Promise<NoticeRenderContext> =>
  noticeRenderContext(await servicesInOrder(), await contactData(), await deskPhone()),
);

/** Attributes as Astro spreads them: no attribute for `false`, a bare one for `true`. */
export function astroAttributes(attributes: Attributes): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attributes).flatMap(([name, value]) => (value === undefined || value === false ? [] : [[name, value === true ? '' : value]])),
  );
}

export interface CurrentNotice {
  id: string;
  data: PublishedNotice;
  /** Going on when the site is built; planned work that has not begun is in the list, hidden until it does. */
  active: boolean;
  /** The report form's line for it (site/notices/render.ts noticeLineParts): its <li>'s attributes and contents. */
  line: { attributes: Record<string, string>; html: string };
}

/** Notices that have not ended when the site is built, newest first. The page script hides them when they end. */
export async function currentNotices(now = noticesDrawnAt()): Promise<CurrentNotice[]> {
  const { notices } = await noticesDocument();
  return noticesInList({ kind: 'current', style: 'line' }, notices, now).map((notice) => {
    const line = noticeLineParts(notice, now);
    return {
      id: notice.id,
      data: notice,
      active: noticePhaseAt(notice, now) === 'ongoing',
      line: { attributes: astroAttributes(line.attributes), html: line.html },
    };
  });
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
