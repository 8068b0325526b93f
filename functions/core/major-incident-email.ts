import type { Service, Team } from './catalog-shape.ts';
import { emailMarks, renderEmailBody } from './email-layout.ts';
import { formatOsloTime } from './oslo-time.ts';
import type { OutgoingEmail } from './ports.ts';
import type { StoredReport } from './stored-report.ts';

/** What the alert's subject starts with, so the incident manager's mail rules (and the drill) can find it. */
export const MAJOR_INCIDENT_SUBJECT = '[Mulig storhendelse]';

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
    heading: `Mulig storhendelse: ${serviceName}`,
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
    subject: `${MAJOR_INCIDENT_SUBJECT}[${service?.shortName ?? 'Ukjent'}] ${count} meldinger på ${windowMinutes} min`,
    ...body,
    ...emailMarks('major-incident'),
  };
}
