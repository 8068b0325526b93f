import { z } from 'zod';
import { PRIORITIES } from '../core/priority.ts';

/**
 * `content/routing.yaml`: the desk's rules beyond "each service goes to its team" (that team is named in
 * `content/services/<id>.yaml`). Team keys refer to `content/teams.yaml`.
 */
const teamKey = z.string({ error: 'må være nøkkelen til et team i content/teams.yaml' }).min(1, { error: 'kan ikke være tom' });

export const routingSchema = z.object(
  {
    fallbackTeam: teamKey.describe('Teamet som får meldinger det ikke finnes noen regel for, og som kvitteringen ber om svar til.'),
    priorityCopies: z
      .partialRecord(z.enum(PRIORITIES, { error: `må være en av: ${PRIORITIES.join(', ')}` }), z.array(teamKey))
      .default({})
      .describe('Team som får kopi av alle meldinger med en gitt prioritet, for eksempel P1: [vakthavende].'),
    majorIncident: z
      .object({
        team: teamKey.describe('Teamet som varsles om en mulig storhendelse (alvorlig driftshendelse).'),
        threshold: z.number({ error: 'må være et heltall fra 2 til 1000' }).int().min(2, { error: 'må være minst 2' }).max(1000, { error: 'kan være høyst 1000' }).describe('Så mange meldinger om samme tjeneste …'),
        windowMinutes: z.number({ error: 'må være et heltall fra 1 til 1440' }).int().min(1, { error: 'må være minst 1' }).max(1440, { error: 'kan være høyst 1440' }).describe('… innenfor så mange minutter gir ett varsel.'),
      })
      .describe('Når mange melder om samme tjeneste på kort tid, får hendelseslederen ett varsel per opphopning.'),
  },
  { error: 'filen må inneholde fallbackTeam, priorityCopies og majorIncident' },
);
export type RoutingRules = z.infer<typeof routingSchema>;
