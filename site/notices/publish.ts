import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkContent } from '../../functions/catalog/check-content.ts';
import { statusDocument } from '../../functions/catalog/status-document.ts';
import { ContentError } from '../../functions/catalog/problems.ts';
import type { NoticesDocument } from '../../functions/core/notices-document.ts';
import { NOTICE_ARCHIVE_PATH, NOTICE_FEED_PATHS, NOTICES_DOCUMENT_PATH, NOTICES_PATH, noticePath } from '../../functions/core/notice-paths.ts';
import { deskPhone } from '../../functions/core/phone-ladder.ts';
import { SERVICE_IDS, type ServiceId } from '../../functions/core/service-ids.ts';
import { hyphenatedNarrowText } from '../hyphenation.ts';
import { plannedCalendar } from './calendar.ts';
import { buildNoticesDocument } from './document.ts';
import { atomFeed, rssFeed } from './feeds.ts';
import { noticeArchivePage, noticesIndexPage } from './list-pages.ts';
import { noticePage, noticeRenderContext, type NoticePageParts } from './render.ts';
import { fillNoticeTemplate, NOTICE_TEMPLATE_PATHS, noticesDocumentJson, reservedNoticeIdProblem, type NoticeTemplateName } from './templates.ts';

/**
 * Publishing driftsmeldinger without building the site (scripts/publish-notices.ts): from content/notices, the
 * files that change when a notice does, written into a built site (site/dist): the notices document, every
 * notice's page, the notices page and the archive (the site's own template pages, filled by the site's renderer,
 * hyphenated as the build does), and the feeds. A page the build wrote and a page written here from the same
 * content are the same bytes.
 */

export interface PublishOptions {
  contentDir: string;
  /** The built site to write into. */
  outDir: string;
  /** The moment it is published: the document's time, and which notices are current, planned or over. */
  now: Date;
  /** The site's absolute address, for the feeds (site/site-url.ts). */
  siteUrl: string;
}

export interface PublishResult {
  /** Written because they are new or changed, as addresses on the site. */
  written: string[];
  /** Already as they should be. */
  unchanged: string[];
  /** Pages of notices that are no longer published (deleted, or made drafts again). */
  removed: string[];
  document: NoticesDocument;
}

/** The file an address is served from in a site built with `build.format: 'directory'`. */
function fileOf(outDir: string, path: string): string {
  return path.endsWith('/') ? join(outDir, path, 'index.html') : join(outDir, path);
}

function readTemplate(outDir: string, name: NoticeTemplateName): string {
  const file = fileOf(outDir, NOTICE_TEMPLATE_PATHS[name]);
  if (!existsSync(file))
    throw new Error(
      `Fant ikke malen ${NOTICE_TEMPLATE_PATHS[name]} i ${outDir}: bygg nettstedet først (npm run build), eller pek på det bygde nettstedet med --out.`,
    );
  return readFileSync(file, 'utf8');
}

/** Every problem that stops publishing: the notices' own, and the catalog's (services and contact data). */
function contentProblems(contentDir: string) {
  const report = checkContent(contentDir);
  // An article's problem stops the next build, not a notice: the desk must be able to publish an outage now.
  const problems = report.problems.filter((problem) => !problem.file.startsWith('content/articles/'));
  problems.push(...report.notices.flatMap((notice) => reservedNoticeIdProblem(notice.slug) ?? []));
  return { report, problems };
}

export async function publishNotices({ contentDir, outDir, now, siteUrl }: PublishOptions): Promise<PublishResult> {
  const { report, problems } = contentProblems(contentDir);
  if (problems.length > 0 || !report.catalog) throw new ContentError(problems);
  const catalog = report.catalog;
  const document = await buildNoticesDocument({ contentDir, publishedAt: now });

  const services = SERVICE_IDS.map((id) => catalog.services[id]);
  const context = noticeRenderContext(services, catalog.contact, deskPhone(catalog.contact));
  const serviceNames = Object.fromEntries(services.map((service) => [service.id, service.name])) as Record<ServiceId, string>;
  const templates = { notice: readTemplate(outDir, 'notice'), list: readTemplate(outDir, 'list') };
  const page = (template: string, parts: NoticePageParts) => hyphenatedNarrowText(fillNoticeTemplate(template, parts));

  const files = new Map<string, string>([[NOTICES_DOCUMENT_PATH, noticesDocumentJson(document)]]);
  for (const notice of document.notices) files.set(noticePath(notice.id), page(templates.notice, noticePage(notice, context)));
  files.set(NOTICES_PATH, page(templates.list, noticesIndexPage(document, context, now)));
  files.set(NOTICE_ARCHIVE_PATH, page(templates.list, noticeArchivePage(document, context, now)));
  // As the endpoints in src/pages/driftsmeldinger/ write them.
  const feedInput = { document, siteUrl, serviceNames, now };
  files.set(NOTICE_FEED_PATHS.rss, rssFeed(feedInput));
  files.set(NOTICE_FEED_PATHS.atom, atomFeed(feedInput));
  files.set(NOTICE_FEED_PATHS.calendar, plannedCalendar(feedInput));
  files.set(NOTICE_FEED_PATHS.status, `${JSON.stringify(statusDocument(feedInput), null, 2)}\n`);

  const written: string[] = [];
  const unchanged: string[] = [];
  for (const [path, text] of files) {
    const file = fileOf(outDir, path);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) {
      unchanged.push(path);
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    written.push(path);
  }

  // A notice's page that the document no longer has would stay up, and still be found by search.
  const removed: string[] = [];
  const noticesDir = join(outDir, NOTICES_PATH);
  for (const entry of readdirSync(noticesDir, { withFileTypes: true })) {
    const path = `${NOTICES_PATH}${entry.name}/`;
    const file = fileOf(outDir, path);
    if (!entry.isDirectory() || files.has(path) || !existsSync(file) || !readFileSync(file, 'utf8').includes('data-notice-page=')) continue;
    rmSync(join(noticesDir, entry.name), { recursive: true, force: true });
    removed.push(path);
  }
  return { written, unchanged, removed, document };
}
