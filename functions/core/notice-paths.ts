/**
 * The addresses of driftsmeldinger and their feeds, written once for the site, the publishing script, the
 * functions and the e-mails. A notice's address is its file name in content/notices, and never changes.
 */

export const NOTICES_PATH = '/driftsmeldinger/';
export const noticePath = (id: string) => `${NOTICES_PATH}${encodeURIComponent(id)}/`;
/** Notices that are over: still findable, searchable and linkable. */
export const NOTICE_ARCHIVE_PATH = '/driftsmeldinger/arkiv/';

/** What leaves the site for readers and machines: feeds, the calendar of planned work, and the status document. */
export const NOTICE_FEED_PATHS = {
  rss: '/driftsmeldinger/rss.xml',
  atom: '/driftsmeldinger/atom.xml',
  /** Planned work only, as iCalendar events. */
  calendar: '/driftsmeldinger/planlagt.ics',
  /** Current notices per service, for integrations (functions/catalog/status-document.ts). */
  status: '/driftsmeldinger/status.json',
} as const;

/**
 * Every notice as published, with its text as HTML: the pages read it to stay current between site builds,
 * and publishing it is what announces new notices and updates to subscribers.
 */
export const NOTICES_DOCUMENT_PATH = '/driftsmeldinger/meldinger.json';
/** The same as a key in the site's bucket. */
export const NOTICES_DOCUMENT_KEY = NOTICES_DOCUMENT_PATH.slice(1);

/** Subscribing by e-mail: the page with the form, and the pages a link in an e-mail opens. */
export const SUBSCRIBE_PATH = '/driftsmeldinger/abonner/';

/**
 * «Vi er også rammet»: a control room adds itself to a notice's count instead of sending a new report. The page
 * takes the notice in its query (`?melding=<id>`) and lists the current ones for a browser without JavaScript;
 * its form posts to the route, which answers a form post with the done page.
 */
export const AFFECTED_PAGE_PATH = '/meld-feil/ogsa-rammet/';
export const affectedPagePath = (noticeId: string) => `${AFFECTED_PAGE_PATH}?${new URLSearchParams({ melding: noticeId })}`;
export const AFFECTED_DONE_PATH = '/meld-feil/ogsa-rammet/registrert/';
export const AFFECTED_ROUTE = '/api/notices/affected';
/** The body's field that names the notice (beside `contact`, as a report's). */
export const AFFECTED_NOTICE_FIELD = 'notice';
/** What the page and the API say when no notice is chosen. */
export const AFFECTED_NOTICE_MISSING = 'Velg hvilken driftsmelding dere er rammet av.';
