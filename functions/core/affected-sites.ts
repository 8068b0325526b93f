import * as z from 'zod/mini';
import { publishedNoticePhase, type PublishedNotice } from './notices-document.ts';
import { renderAffectedSiteEmail, type AffectedDeskMail, type AffectedSite } from './affected-site-email.ts';
export type { AffectedSite } from './affected-site-email.ts';
import { AFFECTABLE_SEVERITIES } from '../vocabulary/notice-terms.ts';
import { AFFECTED_FIELDS } from './affected-fields.ts';
import { AFFECTED_NOTICE_FIELD as NOTICE_FIELD, AFFECTED_NOTICE_MISSING } from './notice-paths.ts';
import { FIELD } from './fixed-questions.ts';
import { flatValues, questionByField, type Journey } from './journey.ts';
import type { Mailer } from './ports.ts';
import { answerSchema, firstErrorPerField, type FieldError } from './report-submission.ts';
import { SERVICE_IDS, type ServiceId } from './service-ids.ts';

/**
 * «Vi er også rammet»: when a live notice already describes the fault, a control room adds itself to that notice
 * instead of sending a full report. The desk gets one incident with its list of sites (one e-mail per new site,
 * each listing them all), and the reporter follows the notice's updates by e-mail.
 */

export interface AffectedSites {
  /** Adds the site unless the same organisation is already counted for the notice; then it stays as first told. */
  add(noticeId: string, site: AffectedSite): Promise<{ added: boolean }>;
  /** Every site counted for the notice, first told first. */
  list(noticeId: string): Promise<AffectedSite[]>;
}

/** The notices as published now: a notice published after the last deploy counts too. */
export interface PublishedNotices {
  find(id: string): Promise<PublishedNotice | undefined>;
}

/** Whoever follows a notice gets its updates by e-mail (the subscription's announcements). */
export interface NoticeFollowers {
  addFollower(noticeId: string, address: string, at: Date): Promise<void>;
}

export interface AffectedDependencies {
  notices: PublishedNotices;
  sites: AffectedSites;
  followers: NoticeFollowers;
  mailer: Mailer;
  journeys: Readonly<Record<ServiceId, Journey>>;
  /** The desk's queue (content/routing.yaml `desk`), the service names, and the site's address for links. */
  desk: AffectedDeskMail;
  now: () => Date;
}

export type AffectedOutcome =
  | { status: 'invalid'; errors: FieldError[] }
  | { status: 'unknown-notice' }
  | { status: 'not-a-fault'; notice: PublishedNotice }
  | { status: 'over'; notice: PublishedNotice }
  | { status: 'counted'; notice: PublishedNotice; count: number; added: boolean };

const NOTICE_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Organisations are told apart by their letters, not by case, spacing or composed characters. */
export const siteKeyOf = (organisation: string) => organisation.normalize('NFC').toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim();

/** The contact questions' schema, from the journey of the notice's first service (they are the same in all). */
function contactAnswersSchema(journey: Journey) {
  const shape: Record<string, ReturnType<typeof answerSchema>> = {};
  for (const field of AFFECTED_FIELDS) {
    const question = questionByField(journey, field);
    if (question) shape[field] = answerSchema({ ...question, required: true });
  }
  return z.object(shape);
}

/** `input` is the API's body, nested as a form post is (`contact.email` → `{ contact: { email } }`) or flat. */
export async function recordAffected(body: Readonly<Record<string, unknown>>, deps: AffectedDependencies): Promise<AffectedOutcome> {
  const input = flatValues(body);
  const noticeId = input[NOTICE_FIELD] ?? '';
  if (!NOTICE_ID.test(noticeId)) return { status: 'invalid', errors: [{ path: NOTICE_FIELD, message: AFFECTED_NOTICE_MISSING }] };
  const notice = await deps.notices.find(noticeId);
  if (!notice) return { status: 'unknown-notice' };
  if (!AFFECTABLE_SEVERITIES.has(notice.severity)) return { status: 'not-a-fault', notice };
  const now = deps.now();
  if (publishedNoticePhase(notice, now) !== 'ongoing') return { status: 'over', notice };

  // The contact questions are the same in every journey; a notice names at least one service (notice-schema.ts).
  const journey = deps.journeys[notice.services[0] ?? SERVICE_IDS[0]];
  const parsed = contactAnswersSchema(journey).safeParse(Object.fromEntries(AFFECTED_FIELDS.map((field) => [field, input[field] ?? ''])));
  if (!parsed.success) return { status: 'invalid', errors: firstErrorPerField(parsed.error.issues) };
  const answer = (field: (typeof AFFECTED_FIELDS)[number]) => String(parsed.data[field] ?? '');
  const site: AffectedSite = {
    organisation: answer(FIELD.organisation),
    name: answer(FIELD.name),
    phone: answer(FIELD.phone),
    email: answer(FIELD.email),
    at: now.toISOString(),
  };

  const { added } = await deps.sites.add(notice.id, site);
  // Following twice is following once; a colleague from a site already counted still gets the updates.
  await deps.followers.addFollower(notice.id, site.email, now);
  const sites = await deps.sites.list(notice.id);
  // The desk hears of each new site once; a site telling again changes nothing it has to act on.
  if (added) {
    const label = (field: string) => questionByField(journey, field)?.label ?? field;
    const labels = { name: label(FIELD.name), phone: label(FIELD.phone), email: label(FIELD.email) };
    await deps.mailer.send(renderAffectedSiteEmail(deps.desk, notice, sites, site, labels));
  }
  return { status: 'counted', notice, count: sites.length, added };
}
