import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { NOTICES_DOCUMENT_FORMAT, noticesDocumentSchema, type NoticesDocument, type PublishedNotice } from '../../functions/core/notices-document.ts';
import { SERVICE_IDS, type ServiceId } from '../../functions/core/service-ids.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';

/** The address the feeds are built for in these tests: a production domain, not localhost. */
export const SITE = 'https://serviceportal.example.no';
/** When the fixture document is published, and the moment the calendar and the status are computed for. */
export const PUBLISHED_AT = '2026-11-25T12:00:00.000Z';
export const NOW = new Date(PUBLISHED_AT);

/** The services' names from the catalog, in the site's order, as the site passes them. */
export const SERVICE_NAMES: Record<ServiceId, string> = (() => {
  const catalog = loadCatalog(CONTENT_DIR);
  return Object.fromEntries(SERVICE_IDS.map((id) => [id, catalog.services[id].name])) as Record<ServiceId, string>;
})();

export function notice(fields: Partial<PublishedNotice> & Pick<PublishedNotice, 'id'>): PublishedNotice {
  return {
    title: `Melding ${fields.id}`,
    severity: 'information',
    services: ['radio'],
    areas: [],
    start: '2026-11-20T08:00:00.000Z',
    updates: [],
    html: '<p>Tekst.</p>',
    ...fields,
  };
}

export function documentOf(notices: PublishedNotice[], publishedAt = PUBLISHED_AT): NoticesDocument {
  return noticesDocumentSchema.parse({ format: NOTICES_DOCUMENT_FORMAT, publishedAt, notices });
}

/**
 * One of each kind at PUBLISHED_AT: an outage going on with two updates, planned work ahead, planned work done
 * (resolved early), planned work long over, a disruption over, and information going on.
 */
export const FIXTURE = documentOf([
  notice({
    id: 'utfall-iccs-oslo',
    title: 'Utfall i kontrollromsløsningen: «Oslo» & Akershus <AMK>',
    severity: 'outage',
    services: ['iccs', 'telephony'],
    areas: ['Oslo', 'Akershus'],
    start: '2026-11-24T07:00:00.000Z',
    expectedEnd: '2026-11-26T15:00:00.000Z',
    updates: [
      { at: '2026-11-25T09:15:00.000Z', text: 'Leverandøren bytter en svitsj; ny status kl. 14.' },
      { at: '2026-11-24T08:00:00.000Z', text: 'Feilen er bekreftet.' },
    ],
    html: '<p>Bruk <a href="/meld-feil/iccs/" class="ds-link">skjemaet</a> &amp; ring om det haster.</p>',
  }),
  notice({
    id: 'vedlikehold-lydlogg',
    title: 'Planlagt vedlikehold av lydloggen',
    severity: 'planned',
    services: ['audio-log'],
    start: '2026-12-08T21:00:00.000Z',
    expectedEnd: '2026-12-09T01:00:00.000Z',
    html: '<p>Lydloggen oppgraderes natt til 9. desember.\nOpptak går som vanlig.</p>',
  }),
  notice({
    id: 'oppgradering-video',
    title: 'Oppgradering av videoløsningen',
    severity: 'planned',
    services: ['video'],
    areas: ['Vestland'],
    start: '2026-10-01T20:00:00.000Z',
    expectedEnd: '2026-10-02T02:00:00.000Z',
    resolved: '2026-10-01T23:30:00.000Z',
    updates: [{ at: '2026-10-01T23:30:00.000Z', text: 'Ferdig før tiden.' }],
  }),
  notice({
    id: 'gammelt-vedlikehold',
    title: 'Vedlikehold for lenge siden',
    severity: 'planned',
    services: ['radio'],
    start: '2026-08-01T20:00:00.000Z',
    expectedEnd: '2026-08-02T02:00:00.000Z',
  }),
  notice({
    id: 'forstyrrelse-over',
    title: 'Forstyrrelse som er over',
    severity: 'disruption',
    services: ['iccs'],
    start: '2026-11-10T08:00:00.000Z',
    resolved: '2026-11-10T12:00:00.000Z',
  }),
  notice({
    id: 'informasjon-statistikk',
    title: 'Forsinkede tall',
    severity: 'information',
    services: ['statistics'],
    start: '2026-11-23T07:00:00.000Z',
  }),
]);
