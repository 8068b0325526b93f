import type { NoticeSeverity } from '../vocabulary/notice-terms.ts';
import { FORMAT_HEADER, renderEmailBody, type Row } from './email-layout.ts';
import { formatOsloTime } from './oslo-time.ts';
import { noticePath } from './notice-paths.ts';
import type { OutgoingEmail } from './ports.ts';
import type { ServiceId } from './service-ids.ts';
import { CONFIRMATION_HOURS, type SubscriptionChoice } from './subscription-tokens.ts';

/**
 * The e-mails of notice subscriptions: the confirmation link (double opt-in) and the notice itself. Each carries its
 * layout version in the X-Serviceportal-Format header (and its SES tags), as the portal's other e-mails do, so a
 * subscriber's mail rules can rely on it; the notice e-mail carries RFC 8058 one-click unsubscribe headers.
 */
export const SUBSCRIPTION_EMAIL_FORMAT = 'serviceportal.subscription-email.v1';
export const NOTICE_EMAIL_FORMAT = 'serviceportal.notice-email.v1';

/** The SES tag `kind` of each: both go to people outside the desk (adapters/ses-mailer.ts sends them with the receipts' configuration set). */
export const SUBSCRIPTION_EMAIL_KINDS = ['subscription-confirmation', 'notice'] as const;
export type SubscriptionEmailKind = (typeof SUBSCRIPTION_EMAIL_KINDS)[number];

const marks = (format: string, kind: SubscriptionEmailKind) => ({
  headers: { [FORMAT_HEADER]: format },
  tags: { 'schema-version': format.replace(/\W/g, '-'), kind },
});

const FOOTER = 'Serviceportalen for drift av Nødnett og kontrollrom i helsetjenesten. Haster det, ring Servicedesk.';

export function renderConfirmationEmail(options: {
  to: string;
  choice: SubscriptionChoice;
  link: string;
  issuedAt: Date;
  serviceNames: Readonly<Record<ServiceId, string>>;
}): OutgoingEmail {
  const expires = formatOsloTime(new Date(options.issuedAt.getTime() + CONFIRMATION_HOURS * 3600_000).toISOString());
  const services = options.choice.all ? 'Alle tjenester' : options.choice.services.map((id) => options.serviceNames[id] ?? id).join(', ');
  const body = renderEmailBody({
    heading: 'Bekreft abonnementet på driftsmeldinger',
    rows: [
      { label: 'Tjenester', value: services },
      { label: 'Bekreft her', value: options.link, href: options.link, linkText: 'Bekreft abonnementet' },
      { label: 'Lenken virker til', value: expires },
    ],
    paragraphs: [
      'Noen, trolig du, ba om å få driftsmeldinger fra Serviceportalen på e-post til denne adressen. Åpne lenken og trykk «Bekreft abonnement» for å starte abonnementet.',
      'Har du ikke bedt om dette, kan du se bort fra e-posten: ingenting er lagret, og du får ikke flere e-poster fra oss.',
    ],
    footer: FOOTER,
  });
  return { to: options.to, subject: 'Bekreft abonnement på driftsmeldinger', ...body, ...marks(SUBSCRIPTION_EMAIL_FORMAT, 'subscription-confirmation') };
}

/** What an announcement is about: a new notice, one of its updates, or that it is resolved. */
export type AnnouncementKind = 'new' | 'update' | 'resolved';

export const SUBJECT_MARKS: Record<AnnouncementKind, string> = { new: '[Driftsmelding]', update: '[Oppdatering]', resolved: '[Løst]' };

/** The severity in the words the notice pages use. */
export const SEVERITY_WORDS: Record<NoticeSeverity, string> = {
  planned: 'Planlagt arbeid',
  disruption: 'Driftsforstyrrelse',
  outage: 'Driftsavbrudd',
  information: 'Informasjon',
};

export interface NoticeEmailContent {
  kind: AnnouncementKind;
  noticeId: string;
  title: string;
  severity: NoticeSeverity;
  services: readonly ServiceId[];
  areas: readonly string[];
  start: string;
  expectedEnd?: string | undefined;
  resolved?: string | undefined;
  /** When the announced event happened (the update's time, the resolved time, the notice's start). */
  at: string;
  /** The update's text, or the notice's own text in plain words. */
  text: string;
}

/** The RFC 8058 value a one-click POST carries, and the header that says the link takes it. */
export const ONE_CLICK_BODY = 'List-Unsubscribe=One-Click';

export function renderNoticeEmail(options: {
  to: string;
  content: NoticeEmailContent;
  siteUrl: string;
  /** The full unsubscribe address (its token in the query). */
  unsubscribeUrl: string;
  serviceNames: Readonly<Partial<Record<ServiceId, string>>>;
  /** Why this address gets it: a subscription, or a follow of this one notice. */
  via: 'subscription' | 'follow';
}): OutgoingEmail {
  const { content } = options;
  const pageUrl = `${options.siteUrl}${noticePath(content.noticeId)}`;
  const rows: Row[] = [
    { label: 'Type', value: SEVERITY_WORDS[content.severity] },
    { label: 'Tjenester', value: content.services.map((id) => options.serviceNames[id] ?? id).join(', ') },
    ...(content.areas.length > 0 ? [{ label: 'Områder', value: content.areas.join(', ') }] : []),
    { label: 'Fra', value: formatOsloTime(content.start) },
    ...(content.resolved
      ? [{ label: 'Løst', value: formatOsloTime(content.resolved) }]
      : content.expectedEnd
        ? [{ label: 'Forventet ferdig', value: formatOsloTime(content.expectedEnd) }]
        : []),
    {
      label: content.kind === 'update' ? `Oppdatering ${formatOsloTime(content.at)}` : content.kind === 'resolved' ? 'Status' : 'Beskrivelse',
      value: content.text,
    },
    { label: 'Les mer', value: pageUrl, href: pageUrl, linkText: 'Driftsmeldingen i Serviceportalen' },
  ];
  const why =
    options.via === 'follow'
      ? 'Du får denne e-posten fordi du meldte at dere også er rammet av denne driftsmeldingen.'
      : 'Du får denne e-posten fordi du abonnerer på driftsmeldinger fra Serviceportalen.';
  const body = renderEmailBody({
    heading: content.title,
    rows,
    paragraphs: [why],
    list: [[{ text: 'Avslutt abonnementet', href: options.unsubscribeUrl }]],
    footer: FOOTER,
  });
  const text = body.text.replace('\n1. Avslutt abonnementet', `\nAvslutt abonnementet:\n  ${options.unsubscribeUrl}`);
  const { headers, tags } = marks(NOTICE_EMAIL_FORMAT, 'notice');
  return {
    to: options.to,
    subject: `${SUBJECT_MARKS[content.kind]} ${content.title}`,
    text,
    html: body.html,
    headers: { ...headers, 'List-Unsubscribe': `<${options.unsubscribeUrl}>`, 'List-Unsubscribe-Post': ONE_CLICK_BODY },
    tags,
  };
}
