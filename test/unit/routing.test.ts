import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../functions/catalog/load-catalog.ts';
import type { RoutingRules } from '../../functions/core/catalog-shape.ts';
import { PRIORITIES } from '../../functions/core/priority.ts';
import { deskTeam, escalationTable, escalationTeam, isDesk, majorIncidentTeam, teamRecipients } from '../../functions/core/routing.ts';
import { SERVICE_IDS } from '../../functions/core/service-ids.ts';
import { realCatalog } from './builders.ts';

const catalog = realCatalog();
/** The real teams and services with these copy rules instead of content/routing.yaml's. */
const withCopies = (copies: RoutingRules['copies']): Catalog => ({ ...catalog, routing: { ...catalog.routing, copies } });
const sentTo = (report: { serviceId: string; priority: (typeof PRIORITIES)[number] }, rules: Catalog = catalog) =>
  teamRecipients(report, rules).map((recipient) => [recipient.team.address, recipient.role]);

describe('routing from content/: every report to the desk', () => {
  it('escalates every service category to a product team with an address', () => {
    const table = escalationTable(catalog);

    expect(Object.keys(table).sort()).toEqual([...SERVICE_IDS].sort());
    for (const id of SERVICE_IDS) expect(table[id].address).toMatch(/^[^@\s]+@[^@\s]+$/);
  });

  it("names the service's product team as the one it escalates to, and none for a service that no longer exists", () => {
    expect(escalationTeam('iccs', catalog)?.address).toBe('team-kontrollrom@hdo.example');
    expect(escalationTeam('relocation', catalog)?.address).toBe('team-endring@hdo.example');
    expect(escalationTeam('no-longer-offered', catalog)).toBeUndefined();
  });

  it.each(SERVICE_IDS.flatMap((serviceId) => PRIORITIES.map((priority) => ({ serviceId, priority }))))(
    "sends $serviceId at $priority to the desk's queue first, as the owner",
    (report) => {
      expect(teamRecipients(report, catalog)[0]).toMatchObject({ team: { address: 'servicedesk@hdo.example' }, role: 'owner' });
    },
  );

  it.each([
    { serviceId: 'iccs', priority: 'P3', to: [['servicedesk@hdo.example', 'owner']] },
    {
      serviceId: 'iccs',
      priority: 'P1',
      to: [
        ['servicedesk@hdo.example', 'owner'],
        ['vakthavende@hdo.example', 'copy'],
      ],
    },
    { serviceId: 'relocation', priority: 'P4', to: [['servicedesk@hdo.example', 'owner']] },
    { serviceId: 'no-longer-offered', priority: 'P2', to: [['servicedesk@hdo.example', 'owner']] },
  ] as const)('with the rules in content/routing.yaml, sends $serviceId at $priority to $to', ({ serviceId, priority, to }) => {
    expect(sentTo({ serviceId, priority })).toEqual(to);
  });

  it('knows the desk, whose mail is never capped, from the incident manager, whose copies are', () => {
    expect(isDesk(deskTeam(catalog), catalog)).toBe(true);
    expect(isDesk(majorIncidentTeam(catalog), catalog)).toBe(false);
  });
});

describe('routing: copies are rules, per service and per priority', () => {
  const rules = withCopies({ byService: { radio: ['nodnett'], video: ['servicedesk'] }, byPriority: { P1: ['vakthavende', 'nodnett'] } });

  it('sends no copy without a rule: a product team gets no report by default', () => {
    expect(sentTo({ serviceId: 'radio', priority: 'P1' }, withCopies({ byService: {}, byPriority: {} }))).toEqual([['servicedesk@hdo.example', 'owner']]);
  });

  it("copies a service's reports to the teams its rule names", () => {
    expect(sentTo({ serviceId: 'radio', priority: 'P3' }, rules)).toEqual([
      ['servicedesk@hdo.example', 'owner'],
      ['team-nodnett@hdo.example', 'copy'],
    ]);
  });

  it('adds the copies of the priority after those of the service, each team once', () => {
    expect(sentTo({ serviceId: 'radio', priority: 'P1' }, rules)).toEqual([
      ['servicedesk@hdo.example', 'owner'],
      ['team-nodnett@hdo.example', 'copy'],
      ['vakthavende@hdo.example', 'copy'],
    ]);
  });

  it('sends the desk no copy of what it already owns', () => {
    expect(sentTo({ serviceId: 'video', priority: 'P3' }, rules)).toEqual([['servicedesk@hdo.example', 'owner']]);
  });

  it('applies only the priority rules to a service that no longer exists', () => {
    expect(sentTo({ serviceId: 'no-longer-offered', priority: 'P1' }, rules)).toEqual([
      ['servicedesk@hdo.example', 'owner'],
      ['vakthavende@hdo.example', 'copy'],
      ['team-nodnett@hdo.example', 'copy'],
    ]);
  });
});
