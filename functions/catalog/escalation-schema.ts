import { z } from 'zod';
import type { EscalationContact, EscalationLevels } from '../core/catalog-shape.ts';
import { PRIORITIES } from '../core/priority.ts';
import { nonEmptyText as text, oneForEach, onlyFields } from './schema.ts';

/**
 * `content/escalation.yaml`: who is told when a reporter asks for escalation («Be om eskalering»), one level per
 * priority (hierarchical escalation, as in ITIL). Each level names a team in content/teams.yaml (`team`), or a
 * role with its own address (`name` and `address`). Which roles stand on each level is the desk's to write.
 */

const levelSchema = z
  .strictObject(
    {
      team: text.describe('Nøkkelen til et team i content/teams.yaml, for eksempel «vakthavende». Bruk enten team, eller name og address.').optional(),
      name: text.describe('Navnet på rollen som får beskjed, for eksempel «Leder for Servicedesk» (sammen med address).').optional(),
      address: z.email({ error: 'må være en e-postadresse' }).describe('E-postadressen til rollen (sammen med name).').optional(),
    },
    {
      error: (issue) =>
        issue.input === undefined ? 'nivået mangler: skriv team, eller name og address' : onlyFields('et nivå må ha team, eller name og address')(issue),
    },
  )
  .superRefine(({ team, name, address }, ctx) => {
    const named = name !== undefined || address !== undefined;
    if (team !== undefined && named) {
      ctx.addIssue({ code: 'custom', message: 'bruk enten team, eller name og address, ikke begge' });
    } else if (team === undefined && (name === undefined || address === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: name === undefined && address === undefined ? 'skriv team, eller name og address' : 'name og address må stå sammen',
      });
    }
  })
  .transform((level): EscalationContact => (level.team !== undefined ? { team: level.team } : { name: level.name ?? '', address: level.address ?? '' }));

export const escalationSchema = z.strictObject(
  {
    levels: oneForEach(PRIORITIES, levelSchema).describe('Hvem som får beskjed når den som meldte ber om eskalering, for hver prioritet.'),
  },
  { error: onlyFields('filen må inneholde levels') },
);

true satisfies z.output<typeof escalationSchema> extends EscalationLevels ? true : false;
true satisfies EscalationLevels extends z.output<typeof escalationSchema> ? true : false;

/** The team keys the file names, with where they stand, for the check against content/teams.yaml. */
export function escalationTeamReferences(escalation: EscalationLevels): { path: (string | number)[]; team: string }[] {
  return PRIORITIES.flatMap((priority) => {
    const level = escalation.levels[priority];
    return 'team' in level ? [{ path: ['levels', priority, 'team'], team: level.team }] : [];
  });
}
