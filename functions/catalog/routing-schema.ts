import { z } from 'zod';
import { PRIORITIES } from '../core/priority.ts';
import { SERVICE_IDS } from '../core/service-ids.ts';
import type { RoutingRules } from '../core/catalog-shape.ts';
import { onlyFields } from './schema.ts';

/**
 * `content/routing.yaml`: who gets a report. Every report goes to the desk's queue (`desk`); the product team a
 * service category escalates to is named in `content/services/<id>.yaml` (`team`); copies to product teams or the
 * incident manager are rules here, per priority and per service. Team keys refer to `content/teams.yaml`.
 */
const teamKey = z.string({ error: 'må være nøkkelen til et team i content/teams.yaml' }).min(1, { error: 'kan ikke være tom' });
const teamKeys = z
  .array(teamKey, { error: 'må være en liste med team, for eksempel [vakthavende]' })
  .describe(
    'Nøklene i content/teams.yaml til teamene som får kopi, for eksempel [nodnett, vakthavende]. Et team som får kopi etter flere regler, får én e-post.',
  );

/** A key that is no priority or service, named in Norwegian with the keys there are. */
function unknownKey(what: string, keys: readonly string[]) {
  return (issue: { code?: string | undefined; keys?: readonly string[] | undefined }) =>
    issue.code === 'unrecognized_keys' || issue.code === 'invalid_key'
      ? `${(issue.keys ?? []).map((key) => `«${key}»`).join(', ') || 'nøkkelen'} er ingen ${what}: må være en av ${keys.join(', ')}`
      : `må være en liste per ${what}, for eksempel ${keys[0]}: [vakthavende]`;
}

export const copiesSchema = z.strictObject(
  {
    byPriority: z
      .partialRecord(z.enum(PRIORITIES), teamKeys, { error: unknownKey('prioritet', PRIORITIES) })
      .default({})
      .describe('Team som får kopi av alle meldinger med en gitt prioritet, for eksempel P1: [vakthavende].'),
    byService: z
      .partialRecord(z.enum(SERVICE_IDS), teamKeys, { error: unknownKey('tjeneste', SERVICE_IDS) })
      .default({})
      .describe('Team som får kopi av alle meldinger om en tjeneste, for eksempel radio: [nodnett].'),
  },
  { error: onlyFields('copies må inneholde byPriority og/eller byService') },
);

export const routingSchema = z.strictObject(
  {
    desk: teamKey.describe(
      'Nøkkelen i content/teams.yaml til Servicedesk, som får alle meldinger, følger dem opp og eskalerer dem. Kvitteringen ber om svar hit.',
    ),
    copies: copiesSchema.default({ byPriority: {}, byService: {} }).describe('Team som får kopi i tillegg til Servicedesk. Uten regler får ingen kopi.'),
    majorIncident: z
      .object({
        team: teamKey.describe(
          'Nøkkelen i content/teams.yaml til teamet som varsles om en mulig storhendelse (alvorlig driftshendelse), for eksempel vakthavende.',
        ),
        threshold: z
          .number({ error: 'må være et heltall fra 2 til 1000' })
          .int()
          .min(2, { error: 'må være minst 2' })
          .max(1000, { error: 'kan være høyst 1000' })
          .describe('Så mange meldinger om samme tjeneste innenfor windowMinutes gir ett varsel.'),
        windowMinutes: z
          .number({ error: 'må være et heltall fra 1 til 1440' })
          .int()
          .min(1, { error: 'må være minst 1' })
          .max(1440, { error: 'kan være høyst 1440' })
          .describe('Hvor mange minutter meldingene i threshold må komme innenfor.'),
      })
      .describe('Når mange melder om samme tjeneste på kort tid, får hendelseslederen ett varsel per opphopning.'),
  },
  { error: onlyFields('filen må inneholde desk og majorIncident, og kan ha copies') },
);
// The core's RoutingRules (core/catalog-shape.ts) are exactly what this schema gives.
true satisfies z.infer<typeof routingSchema> extends RoutingRules ? true : false;
true satisfies RoutingRules extends z.infer<typeof routingSchema> ? true : false;

/** Every team key the rules name, with its path in the file, so each one is checked against content/teams.yaml. */
export function teamReferences(routing: RoutingRules): { path: (string | number)[]; team: string }[] {
  const listed = (group: 'byPriority' | 'byService') =>
    Object.entries(routing.copies[group]).flatMap(([key, teams]) => (teams ?? []).map((team, index) => ({ path: ['copies', group, key, index], team })));
  return [
    { path: ['desk'], team: routing.desk },
    ...listed('byPriority'),
    ...listed('byService'),
    { path: ['majorIncident', 'team'], team: routing.majorIncident.team },
  ];
}
