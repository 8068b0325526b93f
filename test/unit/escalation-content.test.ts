import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { escalationContactFor } from '../../functions/core/case-event-email.ts';
import { PRIORITIES } from '../../functions/core/priority.ts';
import { contentProblemsWith } from '../support/content-problems.ts';
import { CONTENT_DIR } from './builders.ts';

/** content/escalation.yaml: one level per priority, each a team in teams.yaml or a role with its own address. */

const { problemsWith, removeCopies } = contentProblemsWith('escalation.yaml');
afterAll(removeCopies);

const levels = (p1: string) => `levels:\n  P1:\n${p1}\n  P2:\n    team: servicedesk\n  P3:\n    team: servicedesk\n  P4:\n    team: servicedesk\n`;

describe('content/escalation.yaml', () => {
  it('gives every priority a contact with a name and an address', () => {
    const catalog = loadCatalog(CONTENT_DIR);

    for (const priority of PRIORITIES) {
      const contact = escalationContactFor(catalog, priority);
      expect(contact.name.length).toBeGreaterThan(0);
      expect(contact.address).toMatch(/^[^@\s]+@[^@\s]+$/);
    }
    expect(catalog.escalation.levels.P1).toEqual({ team: 'vakthavende' });
  });

  it('takes a role with its own address', () => {
    expect(problemsWith(levels('    name: Leder for Servicedesk\n    address: leder@hdo.example'))).toEqual([]);
  });

  it('names, with the line, a team that is not in teams.yaml', () => {
    expect(problemsWith(levels('    team: ukjent'))).toEqual([
      {
        file: 'content/escalation.yaml',
        line: 3,
        field: 'levels.P1.team',
        message: expect.stringContaining('teamet «ukjent» finnes ikke i content/teams.yaml'),
      },
    ]);
  });

  it('refuses both a team and a role on one level, a name without an address, and a missing priority', () => {
    expect(problemsWith(levels('    team: servicedesk\n    name: Leder\n    address: leder@hdo.example'))).toEqual([
      expect.objectContaining({ file: 'content/escalation.yaml', message: 'bruk enten team, eller name og address, ikke begge' }),
    ]);
    expect(problemsWith(levels('    name: Leder'))).toEqual([
      expect.objectContaining({ file: 'content/escalation.yaml', message: 'name og address må stå sammen' }),
    ]);
    expect(problemsWith('levels:\n  P1:\n    team: vakthavende\n')).toEqual(
      ['P2', 'P3', 'P4'].map((priority) => expect.objectContaining({ file: 'content/escalation.yaml', field: `levels.${priority}` })),
    );
  });

  it('is required', () => {
    expect(problemsWith(undefined)).toEqual([{ file: 'content/escalation.yaml', line: 1, field: '', message: 'filen mangler' }]);
  });
});
