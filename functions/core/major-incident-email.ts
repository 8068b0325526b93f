import type { Service, Team } from '../catalog/schema.ts';
import { EMAIL_FORMAT_VERSION, formatOsloTime, renderEmailBody } from './email-layout.ts';
import type { OutgoingEmail } from './ports.ts';
import type { StoredReport } from './stored-report.ts';

/** One alert per cluster: many reports about one service in a short time may be one underlying incident. */
export function renderMajorIncidentEmail(options: {
  report: StoredReport;
  service: Service | undefined;
  team: Team;
  count: number;
  windowMinutes: number;
}): OutgoingEmail {
  const { report, service, team, count, windowMinutes } = options;
  const serviceName = service?.name ?? report.serviceId;
  const body = renderEmailBody({
    heading: `Mulig storulykke: ${serviceName}`,
    rows: [
      { label: 'Tjeneste', value: serviceName },
      { label: 'Antall meldinger', value: `${count} de siste ${windowMinutes} minuttene` },
      { label: 'Siste melding', value: `${report.reference}, mottatt ${formatOsloTime(report.receivedAt)}` },
    ],
    paragraphs: [
      'Vurder om meldingene gjelder samme underliggende hendelse, og om det skal sendes driftsmelding.',
      'Du får ikke flere varsler for denne opphopningen så lenge nye meldinger kommer inn innenfor tidsvinduet.',
    ],
    footer: `Sendt fra Serviceportalen til ${team.name}.`,
  });
  return {
    to: team.address,
    subject: `[Mulig storulykke][${service?.shortName ?? 'Ukjent'}] ${count} meldinger på ${windowMinutes} min`,
    ...body,
    tags: { 'schema-version': EMAIL_FORMAT_VERSION.replace(/\W/g, '-'), kind: 'major-incident' },
  };
}
