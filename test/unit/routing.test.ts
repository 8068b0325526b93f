import { describe, expect, it } from 'vitest';
import { fallbackTeam, isDesk, majorIncidentTeam, routingTable, teamRecipients } from '../../functions/core/routing.ts';
import { SERVICE_IDS } from '../../functions/core/service-ids.ts';
import { realCatalog } from './builders.ts';

describe('routing from content/', () => {
  const catalog = realCatalog();

  it('routes every service category to a team with an address', () => {
    const table = routingTable(catalog);

    expect(Object.keys(table).sort()).toEqual([...SERVICE_IDS].sort());
    for (const id of SERVICE_IDS) expect(table[id].address).toMatch(/^[^@\s]+@[^@\s]+$/);
  });

  it.each([
    { serviceId: 'iccs', priority: 'P3', to: ['team-kontrollrom@hdo.example'] },
    { serviceId: 'iccs', priority: 'P1', to: ['team-kontrollrom@hdo.example', 'vakthavende@hdo.example'] },
    { serviceId: 'relocation', priority: 'P4', to: ['team-endring@hdo.example'] },
    { serviceId: 'no-longer-offered', priority: 'P2', to: ['servicedesk@hdo.example'] },
  ] as const)('sends $serviceId at $priority to $to', ({ serviceId, priority, to }) => {
    expect(teamRecipients({ serviceId, priority }, catalog).map((recipient) => recipient.team.address)).toEqual(to);
  });

  it("names the owning team and the priority's copies apart, so only copies are ever capped", () => {
    expect(teamRecipients({ serviceId: 'iccs', priority: 'P1' }, catalog).map((recipient) => [recipient.team.address, recipient.role])).toEqual([
      ['team-kontrollrom@hdo.example', 'owner'],
      ['vakthavende@hdo.example', 'copy'],
    ]);
  });

  it('knows the desk, whose mail is never capped, from the incident manager, whose copies are', () => {
    expect(isDesk(fallbackTeam(catalog), catalog)).toBe(true);
    expect(isDesk(majorIncidentTeam(catalog), catalog)).toBe(false);
  });
});
