import type { PublishedNotice } from './notices-document.ts';
import { emailMarks, renderEmailBody, type RowSection } from './email-layout.ts';
import { formatOsloTime } from './oslo-time.ts';
import { noticePath } from './notice-paths.ts';
import type { OutgoingEmail } from './ports.ts';

/** A site that told it is affected by a notice (defined here, not in affected-sites.ts, so the two modules import one way). */
export interface AffectedSite {
  organisation: string;
  name: string;
  phone: string;
  email: string;
  /** ISO time the site said it was affected. */
  at: string;
}

/** What the subject starts with, for the desk's mail rules. */
export const AFFECTED_SITE_SUBJECT = '[Også rammet]';

/** The contact questions' labels, as the form asks them (content/form.yaml). */
export type ContactLabels = Record<'name' | 'phone' | 'email', string>;

export interface AffectedDeskMail {
  /** The desk's queue address and name (content/teams.yaml, the `desk` of content/routing.yaml). */
  address: string;
  name: string;
  serviceNames: Readonly<Record<string, string>>;
  /** The site's absolute address, for the link to the notice. */
  siteUrl: string;
}

/**
 * One incident with its sites: every e-mail lists all sites counted so far, newest told last, so the desk's
 * latest e-mail is the whole picture. Replies go to the site that was just added.
 */
export function renderAffectedSiteEmail(
  desk: AffectedDeskMail,
  notice: PublishedNotice,
  sites: readonly AffectedSite[],
  added: AffectedSite,
  labels: ContactLabels,
): OutgoingEmail {
  const services = notice.services.map((id) => desk.serviceNames[id] ?? id).join(', ');
  const link = new URL(noticePath(notice.id), desk.siteUrl).href;
  const sections: RowSection[] = sites.map((site, index) => ({
    title: `${index + 1}. ${site.organisation}`,
    rows: [
      { label: 'Meldt', value: formatOsloTime(site.at) },
      { label: labels.name, value: site.name },
      { label: labels.phone, value: site.phone, href: `tel:${site.phone.replace(/\s+/g, '')}` },
      { label: labels.email, value: site.email, href: `mailto:${site.email}` },
    ],
  }));
  const count = sites.length;
  const body = renderEmailBody({
    heading: `${added.organisation} er også rammet: ${notice.title}`,
    rows: [
      { label: 'Driftsmelding', value: link, href: link, linkText: notice.title },
      { label: 'Tjeneste', value: services },
      { label: 'Rammet', value: count === 1 ? '1 kontrollrom' : `${count} kontrollrom` },
    ],
    sections,
    paragraphs: [
      'Kontrollrommet sendte ikke egen melding, fordi driftsmeldingen beskriver feilen. Ta kontakt om dere trenger mer fra dem.',
      'Alle på listen får oppdateringene til driftsmeldingen på e-post.',
    ],
    footer: `Sendt fra Serviceportalen til ${desk.name}.`,
  });
  return {
    to: desk.address,
    replyTo: added.email,
    subject: `${AFFECTED_SITE_SUBJECT} ${notice.title} – ${count} kontrollrom`,
    ...body,
    ...emailMarks('affected-site', { notice: notice.id }),
  };
}
