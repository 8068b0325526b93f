import type { Catalog, Team } from './catalog-shape.ts';
import type { DeskLink } from './action-links.ts';
import { journeyOfReport } from './build-journey.ts';
import type { OutgoingEmail } from './ports.ts';
import { handlingHours, writtenReportsHandled } from './priority.ts';
import { renderReceiptEmail } from './receipt-email.ts';
import { deskTeam, escalationTeam, teamRecipients } from './routing.ts';
import { isServiceId } from './service-ids.ts';
import type { StoredReport } from './stored-report.ts';
import { renderTeamEmail } from './team-email.ts';

/** What it takes to write a report's e-mails: the catalog, the time, and the links they carry. */
export interface DeliveryDependencies {
  catalog: Catalog;
  now: () => Date;
  /** Absolute link to the reporter's status page, secret included (derived from the reference: never stored). */
  statusUrlFor: (reference: string) => string;
  /**
   * The signed, single-use links the desk moves the report with from its e-mail (core/action-links.ts): registrer,
   * eskaler til the product team, venter på melder, løst.
   */
  deskLinksFor: (reference: string, escalateTo: readonly { key: string; name: string }[]) => DeskLink[];
}

export interface Delivery {
  key: string;
  /** `owner` and a copy to the desk are never capped; other copies (P1 → the incident manager) and receipts are. */
  role: 'owner' | 'copy' | 'receipt';
  team?: Team;
  email: OutgoingEmail;
}

/** Every e-mail a report causes: the desk's, the copies content/routing.yaml calls for, and the reporter's receipt. */
export function deliveriesFor(report: StoredReport, deps: DeliveryDependencies): Delivery[] {
  const { catalog } = deps;
  const service = isServiceId(report.serviceId) ? catalog.services[report.serviceId] : undefined;
  const journey = journeyOfReport(catalog, report.serviceId);
  const desk = deskTeam(catalog);
  const escalatesTo = escalationTeam(report.serviceId, catalog);
  // The desk can escalate to the service's product team, unless the desk keeps the category itself.
  const escalationKey = service?.team;
  const escalateTo = escalatesTo && escalationKey && escalatesTo.address !== desk.address ? [{ key: escalationKey, name: escalatesTo.name }] : [];
  const teams = teamRecipients(report, catalog).map((recipient): Delivery => ({
    key: recipient.key,
    role: recipient.role,
    team: recipient.team,
    email: renderTeamEmail(report, {
      service,
      journey,
      team: recipient.team,
      role: recipient.role,
      desk,
      escalatesTo,
      policy: catalog.priority,
      ...(recipient.role === 'owner' ? { actions: deps.deskLinksFor(report.reference, escalateTo) } : {}),
    }),
  }));
  const statusUrl = deps.statusUrlFor(report.reference);
  const receipt = renderReceiptEmail(report, {
    service,
    journey,
    policy: catalog.priority,
    handledNow: writtenReportsHandled(handlingHours(catalog.contact.channels, catalog.priority), deps.now()),
    desk,
    contact: catalog.contact,
    statusUrl,
  });
  return [...teams, { key: 'receipt', role: 'receipt', email: receipt }];
}
