import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNoticesDocument, type NoticesDocument } from '../functions/core/notices-document.ts';
import { NOTICES_DOCUMENT_PATH, noticePath } from '../functions/core/notice-paths.ts';
import { CONFIRM_SUBSCRIPTION_ROUTE, SCOPE_VALUES, SUBSCRIBE_FIELDS, SUBSCRIBE_ROUTE, TOKEN_PARAMETER } from '../functions/core/subscription-paths.ts';
import { REPOSITORY_ROOT } from '../infra/repository.ts';
import { publishNotices } from '../site/notices/publish.ts';
import { siteUrlFromEnvironment } from '../site/site-url.ts';
import { sentEmails, startBenchPortal, type BenchPortal, type SentEmail } from './local-portal.ts';
import { measure, type Measurement } from './measure.ts';

/**
 * «Commit to visible» for driftsmeldinger: one notice gets a new dated update in a copy of content/, and
 * site/notices/publish.ts writes it into a copy of the built site, without a build.
 *
 * 1. publishNotices in this process (median of PUBLISH_RUNS) and `npm run publish:notices` as its own process (what
 *    the desk runs, Node's start included; median of CLI_RUNS), next to one full build of the site as
 *    `npm run build` makes it (astro build + Pagefind, into a temporary folder with an empty cache; never site/dist).
 * 2. On the local stack with the copy as the notices bucket and as the served site, and one confirmed subscriber of
 *    the notice's service: from the start of the publish until meldinger.json on the portal has the update, until the
 *    notice's own page has it, and until the subscriber's «[Oppdatering] …» e-mail is in the SES emulator. Once with
 *    the watcher as `npm start` runs it (the file is looked at every WATCH_INTERVAL_MS, the mailbox polled), once
 *    with `noticesSettled()` called as soon as the publish returns (the announcement at once, as an S3 notification
 *    would start it, then the queue drained; then the mailbox is read).
 *
 * The portal is polled every POLL_MS: a figure is at most that much late.
 */

export const PUBLISH_RUNS = 5;
export const CLI_RUNS = 3;
export const LOCAL_ROUNDS = 3;
export const POLL_MS = 10;
/** The local stack's own default (infra/local/notices-watch.ts), what `npm start` runs with. */
export const WATCH_INTERVAL_MS = 1000;
const SUBSCRIBER = 'vakt.bench@helse-test.no';
const UPDATE_SUBJECT = '[Oppdatering]';
const WAIT_LIMIT_MS = 180_000;

export interface SiteBuildFigures {
  astro: Measurement;
  pagefind: Measurement;
  /** astro build + Pagefind, one after the other, as `npm run build`. */
  seconds: number;
  files: number;
  htmlPages: number;
}

export interface LocalPublishRound {
  /** `watch`: the watcher finds the file on its own; `settled`: noticesSettled() right after the publish. */
  mode: 'watch' | 'settled';
  /** Every figure in ms from the start of the publish (the update written into the content copy). */
  publishMs: number;
  documentMs: number;
  pageMs: number;
  mailMs: number;
}

export interface NoticePublishFigures {
  noticeId: string;
  service: string;
  /** publishNotices in this process, one new update per run, ms. */
  publishMs: number[];
  publishMedianMs: number;
  /** `node scripts/publish-notices.ts` as its own process, one new update per run, ms. */
  cliMs: number[];
  cliMedianMs: number;
  /** Of the last in-process run: addresses written, and how many were unchanged or removed. */
  written: string[];
  unchanged: number;
  removed: number;
  siteBuild: SiteBuildFigures;
  local: { watchIntervalMs: number; pollMs: number; rounds: LocalPublishRound[] };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every POLL_MS until it holds, and gives the moment (performance.now()) it was first seen to. */
async function waitFor(what: string, check: () => Promise<boolean>): Promise<number> {
  const deadline = performance.now() + WAIT_LIMIT_MS;
  for (;;) {
    if (await check().catch(() => false)) return performance.now();
    if (performance.now() > deadline) throw new Error(`Ventet i ${WAIT_LIMIT_MS / 1000} s uten at ${what}.`);
    await sleep(POLL_MS);
  }
}

const copyOf = (source: string, work: string, name: string) => {
  const dir = join(work, name);
  cpSync(source, dir, { recursive: true });
  return dir;
};

/** The notice to update: the first one in the built site that is under way (started, not resolved). */
function currentNotice(siteDir: string, contentDir: string, now: Date): { id: string; service: string; file: string } {
  const parsed = parseNoticesDocument(JSON.parse(readFileSync(join(siteDir, ...NOTICES_DOCUMENT_PATH.split('/').filter(Boolean)), 'utf8')));
  if (!parsed.ok) throw new Error(`${NOTICES_DOCUMENT_PATH} i ${siteDir} er ikke gyldig: bygg nettstedet på nytt.`);
  const document: NoticesDocument = parsed.document;
  for (const notice of document.notices) {
    const file = join(contentDir, 'notices', `${notice.id}.md`);
    if (!notice.resolved && Date.parse(notice.start) <= now.getTime() && notice.services[0] && existsSync(file))
      return { id: notice.id, service: notice.services[0], file };
  }
  throw new Error(`Ingen pågående driftsmelding i ${NOTICES_DOCUMENT_PATH} å gi en oppdatering: målingen trenger én.`);
}

/**
 * Gives the notice in the content copy a new update, dated now, as an editor writes it (under `updates:`). The text
 * carries `token`, digits only, so it is found on the page however the words around it are hyphenated.
 */
function addUpdate(contentCopy: string, noticeId: string, token: string): void {
  const file = join(contentCopy, 'notices', `${noticeId}.md`);
  const source = readFileSync(file, 'utf8');
  const entry = `  - at: ${new Date().toISOString()}\n    text: ${JSON.stringify(`Status uendret, neste melding kommer når feilen er rettet (måling ${token}).`)}\n`;
  const updated = /^updates:[ \t]*\n/m.test(source)
    ? source.replace(/^updates:[ \t]*\n/m, (line) => `${line}${entry}`)
    : source.replace(/\n---\n/, `\nupdates:\n${entry}---\n`);
  if (updated === source) throw new Error(`Fant ikke front matter i ${file}.`);
  writeFileSync(file, updated);
}

let tokens = 0;
const newToken = () => `${Date.now()}${++tokens}`;

/** One full build of the site, as `npm run build`, into a temporary folder with its own empty cache. */
export function measureSiteBuild(contentDir: string): SiteBuildFigures {
  const work = mkdtempSync(join(tmpdir(), 'serviceportal-bench-sitebuild-'));
  const out = join(work, 'dist');
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    SERVICEPORTAL_CONTENT_DIR: contentDir,
    SERVICEPORTAL_CACHE_DIR: join(work, 'cache'),
    PATH: `${join(REPOSITORY_ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
  };
  try {
    const astro = measure(`astro build --root site --outDir ${out} --silent`, { cwd: REPOSITORY_ROOT, env });
    const pagefind = measure(`pagefind --site ${out} --output-subdir pagefind --silent`, { cwd: REPOSITORY_ROOT, env });
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    return {
      astro,
      pagefind,
      seconds: astro.seconds + pagefind.seconds,
      files: files.length,
      htmlPages: files.filter((entry) => entry.name.endsWith('.html')).length,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function subscribe(portal: BenchPortal, service: string): Promise<void> {
  const form = (fields: [string, string][]) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const asked = await fetch(
    `${portal.url}${SUBSCRIBE_ROUTE}`,
    form([
      [SUBSCRIBE_FIELDS.email, SUBSCRIBER],
      [SUBSCRIBE_FIELDS.scope, SCOPE_VALUES.chosen],
      [SUBSCRIBE_FIELDS.services, service],
    ]),
  );
  if (asked.status !== 202) throw new Error(`Abonnementet ble ikke bestilt: ${asked.status} ${await asked.text()}`);
  const confirmation = (await sentEmails(portal.stack)).find((email) => email.destination.to.includes(SUBSCRIBER));
  const link = /Bekreft her:\n\s+(\S+)/.exec(confirmation?.body?.text ?? '')?.[1];
  if (!link) throw new Error('Fant ingen bekreftelseslenke i e-posten til abonnenten.');
  const confirmed = await fetch(`${portal.url}${CONFIRM_SUBSCRIPTION_ROUTE}`, form([[TOKEN_PARAMETER, new URL(link).searchParams.get(TOKEN_PARAMETER) ?? '']]));
  if (confirmed.status !== 200) throw new Error(`Abonnementet ble ikke bekreftet: ${confirmed.status}`);
}

const updateMails = async (portal: BenchPortal): Promise<SentEmail[]> =>
  (await sentEmails(portal.stack)).filter((email) => email.destination.to.includes(SUBSCRIBER) && email.subject.startsWith(UPDATE_SUBJECT));

async function localRound(
  portal: BenchPortal,
  bucket: string,
  mode: LocalPublishRound['mode'],
  contentCopy: string,
  notice: { id: string },
  siteUrl: string,
): Promise<LocalPublishRound> {
  const token = newToken();
  const before = (await updateMails(portal)).length;
  const mailHasIt = async () => (await updateMails(portal)).some((email) => email.body?.text?.includes(token) ?? false);

  const started = performance.now();
  addUpdate(contentCopy, notice.id, token);
  const document = waitFor('meldinger.json på portalen fikk oppdateringen', async () => {
    const parsed = parseNoticesDocument(await (await fetch(`${portal.url}${NOTICES_DOCUMENT_PATH}`)).json());
    return (
      parsed.ok && (parsed.document.notices.find((candidate) => candidate.id === notice.id)?.updates.some((update) => update.text.includes(token)) ?? false)
    );
  });
  const page = waitFor('meldingens side fikk oppdateringen', async () => (await (await fetch(`${portal.url}${noticePath(notice.id)}`)).text()).includes(token));
  const watchedMail = mode === 'watch' ? waitFor('e-posten kom fram', mailHasIt) : undefined;

  const result = await publishNotices({ contentDir: contentCopy, outDir: bucket, now: new Date(), siteUrl });
  const published = performance.now();
  if (!result.written.includes(noticePath(notice.id))) throw new Error(`publishNotices skrev ikke ${noticePath(notice.id)}.`);
  let mailAt: number;
  if (watchedMail) {
    mailAt = await watchedMail;
  } else {
    await portal.stack.noticesSettled();
    if (!(await mailHasIt())) throw new Error('noticesSettled() kom tilbake uten e-posten om oppdateringen i SES-emulatoren.');
    mailAt = performance.now();
  }
  const [documentAt, pageAt] = await Promise.all([document, page]);
  // Quiet before the next round, and exactly one e-mail for the update.
  await portal.stack.noticesSettled();
  const after = (await updateMails(portal)).length;
  if (after !== before + 1) throw new Error(`Abonnenten fikk ${after - before} e-poster om én oppdatering, ikke 1.`);
  return { mode, publishMs: published - started, documentMs: documentAt - started, pageMs: pageAt - started, mailMs: mailAt - started };
}

/** Everything above, on copies of `siteDir` (a built site) and `contentDir`; nothing in either is changed. */
export async function measureNoticePublishing(options: { siteDir: string; contentDir: string; log(message: string): void }): Promise<NoticePublishFigures> {
  const { log } = options;
  const siteUrl = siteUrlFromEnvironment();
  const notice = currentNotice(options.siteDir, options.contentDir, new Date());
  const work = mkdtempSync(join(tmpdir(), 'serviceportal-bench-notices-'));
  try {
    log(`Driftsmeldinger: publishNotices × ${PUBLISH_RUNS} og publish:notices × ${CLI_RUNS}, ny oppdatering i «${notice.id}» hver gang …`);
    const out = copyOf(options.siteDir, work, 'site');
    const content = copyOf(options.contentDir, work, 'content');
    const publishMs: number[] = [];
    let last: Awaited<ReturnType<typeof publishNotices>> | undefined;
    for (let run = 0; run < PUBLISH_RUNS; run++) {
      addUpdate(content, notice.id, newToken());
      const started = performance.now();
      last = await publishNotices({ contentDir: content, outDir: out, now: new Date(), siteUrl });
      publishMs.push(performance.now() - started);
      if (!last.written.includes(noticePath(notice.id))) throw new Error(`publishNotices skrev ikke ${noticePath(notice.id)}.`);
    }
    const cliMs: number[] = [];
    for (let run = 0; run < CLI_RUNS; run++) {
      const token = newToken();
      addUpdate(content, notice.id, token);
      const started = performance.now();
      execFileSync(process.execPath, [join(REPOSITORY_ROOT, 'scripts', 'publish-notices.ts'), '--out', out, '--content', content, '--site', siteUrl], {
        cwd: REPOSITORY_ROOT,
        encoding: 'utf8',
      });
      cliMs.push(performance.now() - started);
      if (!readFileSync(join(out, ...noticePath(notice.id).split('/').filter(Boolean), 'index.html'), 'utf8').includes(token))
        throw new Error('publish:notices skrev ikke oppdateringen.');
    }

    log('Driftsmeldinger: én full bygging av nettstedet (astro build + pagefind) i en midlertidig mappe …');
    const siteBuild = measureSiteBuild(options.contentDir);

    log(`Driftsmeldinger: lokal stakk, én abonnent på «${notice.service}», ${LOCAL_ROUNDS} + ${LOCAL_ROUNDS} publiseringer …`);
    const bucket = copyOf(options.siteDir, work, 'bucket');
    const localContent = copyOf(options.contentDir, work, 'content-local');
    const portal = await startBenchPortal({ siteDir: bucket, noticesBucketDir: bucket, noticesWatchIntervalMs: WATCH_INTERVAL_MS });
    const rounds: LocalPublishRound[] = [];
    try {
      // What the copy has already is announced first (as on start), so the rounds time their own update only.
      await portal.stack.noticesSettled();
      await subscribe(portal, notice.service);
      for (const mode of ['watch', 'settled'] as const) {
        for (let round = 0; round < LOCAL_ROUNDS; round++) rounds.push(await localRound(portal, bucket, mode, localContent, notice, siteUrl));
      }
    } finally {
      await portal.stop();
    }

    return {
      noticeId: notice.id,
      service: notice.service,
      publishMs,
      publishMedianMs: median(publishMs),
      cliMs,
      cliMedianMs: median(cliMs),
      written: last?.written ?? [],
      unchanged: last?.unchanged.length ?? 0,
      removed: last?.removed.length ?? 0,
      siteBuild,
      local: { watchIntervalMs: WATCH_INTERVAL_MS, pollMs: POLL_MS, rounds },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
