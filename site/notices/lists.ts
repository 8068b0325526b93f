import { AFFECTABLE_SEVERITIES, type NoticePhase } from '../../functions/vocabulary/notice-terms.ts';
import type { PublishedNotice } from '../../functions/core/notices-document.ts';
import { escapeHtml } from '../../functions/core/html.ts';
import { affectedPagePath, noticePath } from '../../functions/core/notice-paths.ts';
import { SERVICE_IDS, type ServiceId } from '../../functions/core/service-ids.ts';

/** (Defined here, not in render.ts, so the two modules import one way.) What the renderer needs besides the notices: the services' names and the numbers to make links to call. */
export interface NoticeRenderContext {
  serviceNames: Readonly<Partial<Record<ServiceId, string>>>;
  /** Every phone number of content/contact.yaml, as written there: linked wherever a notice mentions one. */
  phoneNumbers: readonly string[];
  /** The desk's first number, for «ring Servicedesk» under the lists. */
  deskPhone: { number: string; href: string };
}

/**
 * The part of the notice renderer (render.ts) the report form needs: which notices a list holds at a moment, the
 * keys that tell the page script whether a drawn item is still right, and the form's one-line items. Apart from
 * render.ts because the form pages load it and have a budget for JavaScript (test/e2e/wizard-budget.test.ts): no
 * date formats, no words, no cards here.
 */

// ---------------------------------------------------------------------------------------------------------------
// Time and phase

/**
 * Where a notice is at `now` (functions/catalog/notice-schema.ts noticePhase, from the document's ISO times). Written
 * again here because that module builds zod schemas when loaded, which would ship zod to every page; a unit test
 * holds the two to the same answers.
 */
export function noticePhaseAt(notice: Pick<PublishedNotice, 'start' | 'expectedEnd' | 'resolved'>, now: Date): NoticePhase {
  const end = noticeEndOf(notice);
  if (end !== undefined && Date.parse(end) <= now.getTime()) return 'over';
  return now.getTime() < Date.parse(notice.start) ? 'upcoming' : 'ongoing';
}

/** When it ended or ends: resolved, or else expected. */
export function noticeEndOf(notice: Pick<PublishedNotice, 'expectedEnd' | 'resolved'>): string | undefined {
  return notice.resolved ?? notice.expectedEnd;
}

// ---------------------------------------------------------------------------------------------------------------
// Keys: what an element already on the page was drawn from

/**
 * A short fingerprint of what an item or page was drawn from (FNV-1a over its fields). The page script keeps an
 * element whose key matches what it would draw now, so the built HTML (with the build's soft hyphens, and whatever
 * else a page adds to its items) stays unless the notice itself changed.
 */
export function noticeKey(notice: PublishedNotice, style: NoticeStyle | 'page'): string {
  const fields: unknown[] = [style, notice.id, notice.title, notice.severity, notice.start, notice.expectedEnd ?? '', notice.resolved ?? ''];
  if (style !== 'line') fields.push(notice.services, notice.areas, notice.updates[0]?.at ?? '');
  if (style === 'page') fields.push(notice.updates, notice.html);
  const text = JSON.stringify(fields);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

// ---------------------------------------------------------------------------------------------------------------
// Lists

/**
 * The lists notices are shown in:
 * - `current`: going on now, and planned work that has not begun, hidden until it does (front page, a service's
 *   page, the report form);
 * - `ongoing` and `planned`: the two halves of the notices page;
 * - `archive`: over, the one that ended last first.
 */
export const NOTICE_LIST_KINDS = ['current', 'ongoing', 'planned', 'archive'] as const;
export type NoticeListKind = (typeof NOTICE_LIST_KINDS)[number];

/** A card (colour, severity, services, areas, times) or one line with a link (the report form). */
export const NOTICE_STYLES = ['card', 'line'] as const;
export type NoticeStyle = (typeof NOTICE_STYLES)[number];

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    (values as readonly unknown[]).includes(value);

/**
 * A list's spec from its element's attributes (noticeListAttributes), or undefined if they are not one. Checked by
 * hand rather than with zod: four attributes, and the report form's JavaScript budget.
 */
export function listSpecOf(attributes: {
  noticeList?: string | undefined;
  noticeStyle?: string | undefined;
  noticeService?: string | undefined;
  noticeHeading?: string | undefined;
}): NoticeListSpec | undefined {
  const { noticeList: kind, noticeStyle: style, noticeService: service, noticeHeading: heading } = attributes;
  if (!isOneOf(NOTICE_LIST_KINDS)(kind) || !isOneOf(NOTICE_STYLES)(style)) return undefined;
  if (service !== undefined && !isOneOf(SERVICE_IDS)(service)) return undefined;
  const headingLevel = heading === '2' ? 2 : heading === '3' ? 3 : undefined;
  if (heading !== undefined && headingLevel === undefined) return undefined;
  return { kind, style, service, headingLevel };
}

export interface NoticeListSpec {
  kind: NoticeListKind;
  style: NoticeStyle;
  /** Only the notices about this service. */
  service?: ServiceId | undefined;
  /** A card's heading level, under the list's own heading. */
  headingLevel?: 2 | 3 | undefined;
}

/** The notices a list holds at `now`, in its order. The document lists them newest start first. */
export function noticesInList(spec: NoticeListSpec, notices: readonly PublishedNotice[], now: Date): PublishedNotice[] {
  const wanted: Record<NoticeListKind, (phase: NoticePhase) => boolean> = {
    current: (phase) => phase !== 'over',
    ongoing: (phase) => phase === 'ongoing',
    planned: (phase) => phase === 'upcoming',
    archive: (phase) => phase === 'over',
  };
  const chosen = notices.filter(
    (notice) => (spec.service === undefined || notice.services.includes(spec.service)) && wanted[spec.kind](noticePhaseAt(notice, now)),
  );
  const byStart = (a: PublishedNotice, b: PublishedNotice) => Date.parse(b.start) - Date.parse(a.start) || a.id.localeCompare(b.id);
  if (spec.kind === 'planned') return chosen.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id));
  if (spec.kind === 'archive') return chosen.sort((a, b) => Date.parse(noticeEndOf(b) ?? b.start) - Date.parse(noticeEndOf(a) ?? a.start) || byStart(a, b));
  return chosen.sort(byStart);
}

/** Attribute values; `false` and `undefined` leave the attribute out, `true` writes it bare (as Astro does). */
export type Attributes = Record<string, string | boolean | undefined>;

export function attributesHtml(attributes: Attributes): string {
  return Object.entries(attributes)
    .flatMap(([name, value]) => (value === undefined || value === false ? [] : [value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`]))
    .join('');
}

/**
 * The reader's clock decides what an item of a list shows (src/scripts/notices.ts): from when (planned work in a
 * `current` list appears when it begins) and until when (it goes when it ends). The archive shows everything it has.
 */
export function clockAttributes(spec: NoticeListSpec, notice: PublishedNotice, now: Date): Attributes {
  if (spec.kind === 'archive') return {};
  return {
    'data-show-from': spec.kind === 'current' ? notice.start : undefined,
    'data-show-until': noticeEndOf(notice),
    hidden: spec.kind === 'current' && noticePhaseAt(notice, now) === 'upcoming',
  };
}

/** «Kjent driftsforstyrrelse, vi jobber med den:» before the link, in the words of what kind of notice it is. */
const LINE_LEAD: Record<PublishedNotice['severity'], string> = {
  outage: 'Kjent driftsforstyrrelse, vi jobber med den:',
  disruption: 'Kjent driftsforstyrrelse, vi jobber med den:',
  planned: 'Planlagt arbeid:',
  information: 'Informasjon:',
};

/**
 * One line of the report form's list, as its attributes and its contents: the form page writes its own <li> around
 * them (it may add to it), and a line drawn by the page script is `noticeLineHtml`.
 */
/** A fault not yet resolved: a control room hit by it can add itself («Vi er også rammet») instead of sending a report. */
export const takesAffectedSites = (notice: PublishedNotice) => AFFECTABLE_SEVERITIES.has(notice.severity) && notice.resolved === undefined;

function affectedLinkHtml(notice: PublishedNotice): string {
  return takesAffectedSites(notice) ? ` <a class="ds-link notice-affected" href="${escapeHtml(affectedPagePath(notice.id))}">Vi er også rammet</a>` : '';
}

export function noticeLineParts(
  notice: PublishedNotice,
  now: Date,
  spec: NoticeListSpec = { kind: 'current', style: 'line' },
): { attributes: Attributes; html: string } {
  return {
    attributes: { class: 'warning notice-line', 'data-notice': notice.id, 'data-notice-key': noticeKey(notice, 'line'), ...clockAttributes(spec, notice, now) },
    html: `${escapeHtml(LINE_LEAD[notice.severity])} <a class="ds-link" href="${escapeHtml(noticePath(notice.id))}">${escapeHtml(notice.title)}</a>${affectedLinkHtml(notice)}`,
  };
}

export function noticeLineHtml(notice: PublishedNotice, now: Date, spec: NoticeListSpec = { kind: 'current', style: 'line' }): string {
  const { attributes, html } = noticeLineParts(notice, now, spec);
  return `<li${attributesHtml(attributes)}>${html}</li>`;
}

/**
 * The attributes of a list's element, which the page script reads to draw it again: which notices, in which
 * style, and whether the whole list is hidden while it is empty (a service's page, the report form) or says so.
 */
export function noticeListAttributes(spec: NoticeListSpec, options: { hideEmpty?: boolean; context?: NoticeRenderContext; hidden?: boolean } = {}): Attributes {
  return {
    'data-notice-list': spec.kind,
    'data-notice-style': spec.style,
    'data-notice-service': spec.service,
    'data-notice-heading': spec.headingLevel === undefined ? undefined : String(spec.headingLevel),
    'data-notice-hide-empty': options.hideEmpty,
    'data-notice-context': options.context === undefined ? undefined : JSON.stringify(options.context),
    hidden: options.hidden,
  };
}

/** Whether a list shows anything at `now` (an upcoming notice in a `current` list does not, yet). */
export function listShowsAnything(spec: NoticeListSpec, notices: readonly PublishedNotice[], now: Date): boolean {
  return noticesInList(spec, notices, now).some((notice) => spec.kind !== 'current' || noticePhaseAt(notice, now) === 'ongoing');
}
