import { z } from 'zod';
import { AFFECTED_SCOPES } from '../core/fixed-questions.ts';
import { PRIORITIES, URGENCIES, type PriorityPolicy } from '../core/priority.ts';
import { nonEmptyText as text, oneForEach, onlyFields } from './schema.ts';

/** `content/priority.yaml`: the desk's priority policy. Every level and every cell of the matrix must be there. */

const priority = z.enum(PRIORITIES, { error: `må være en av: ${PRIORITIES.join(', ')}` });

const levelSchema = z.strictObject(
  {
    name: text.describe('Navnet, for eksempel «Høy».'),
    meaning: text.describe('Hva prioriteten betyr, i én setning.'),
    example: text.describe('Et typisk eksempel, til tabellen i artikkelen.'),
    phone: z.boolean({ error: 'må være true eller false' }).describe('true: skal ringes inn. Skjemaet sender brukeren til telefonen før en skriftlig melding.'),
    response: text.describe('Hva som skjer nå, sant til alle døgnets tider: lov aldri «hele døgnet» for noe som bare behandles på hverdager.'),
    outsideHours: text.optional().describe('Legges til når skriftlige meldinger ikke behandles akkurat nå (utenfor åpningstiden til kanalen i handledBy).'),
  },
  { error: onlyFields('en prioritet må ha name, meaning, example, phone og response') },
);

const row = oneForEach(URGENCIES, priority, `må ha en prioritet for hver av ${URGENCIES.join(', ')}`).describe(
  'Én rad i matrisen: prioriteten for hver hast, for eksempel { immediate: P2, soon: P3, normal: P4 }.',
);

/** «Be om eskalering»: how long after a report is received, per level; only opening hours when `openingHours`. */
const escalationRule = z.strictObject(
  {
    hours: z
      .number({ error: 'må være et antall timer, for eksempel 4' })
      .positive({ error: 'må være flere enn 0 timer' })
      .max(24 * 30, { error: 'kan være høyst 720 timer (30 døgn)' })
      .describe(
        'Antall timer fra meldingen ble mottatt til den som meldte kan be om eskalering. Innen to virkedager med åpent kl. 08–16 er 16 timer i åpningstiden.',
      ),
    openingHours: z
      .boolean({ error: 'må være true eller false' })
      .default(false)
      .describe('true når bare timene i åpningstiden til kanalen i handledBy teller (som «innen fire timer i åpningstiden»).'),
  },
  { error: onlyFields('skriv for eksempel { hours: 4, openingHours: true }') },
);

const escalationSchema = z.strictObject(
  {
    explanation: text.describe('Hva som skjer når man ber om eskalering: hvem hos Servicedesk som får beskjed.'),
    after: oneForEach(PRIORITIES, escalationRule, `må ha en regel for hver av ${PRIORITIES.join(', ')}`).describe(
      'For hver prioritet: hvor lenge etter mottak den som meldte kan be om eskalering.',
    ),
  },
  { error: onlyFields('escalation må ha explanation og after') },
);

export const prioritySchema = z.strictObject(
  {
    label: text.describe('Hva forslaget kalles, for eksempel «Foreslått prioritet».'),
    settledTogether: text.describe('At Servicedesk avgjør prioriteten sammen med den som melder.'),
    responseLabel: text.describe('Overskriften foran det som skjer nå, for eksempel «Hva skjer nå».'),
    levels: oneForEach(PRIORITIES, levelSchema).describe('P1–P4 med navn, betydning, eksempel, om de skal ringes inn, og hva som skjer.'),
    urgency: oneForEach(URGENCIES, text).describe('Overskriftene på kolonnene i matrisen.'),
    matrix: oneForEach(AFFECTED_SCOPES, row, `må ha en rad for hver av ${AFFECTED_SCOPES.join(', ')}`).describe(
      'Prioriteten for hvert svar på «Hvor mange er rammet?» (rad: one, several, site, many) og hver hast (kolonne: immediate = pasientsikkerhet eller nødmeldetjeneste er berørt, soon = ingen midlertidig løsning, normal = dere kan jobbe rundt feilen).',
    ),
    afterUrgentCall: priority.describe('Prioriteten til en skriftlig melding etter en telefon om noe som haster, når skjemaet ikke har spurt om konsekvens.'),
    otherRequests: priority.describe('Prioriteten til endringsønsker, spørsmål og bestillinger som ikke haster.'),
    handledBy: z
      .string({ error: 'må være id-en til en kanal i content/contact.yaml' })
      .min(1)
      .describe('id-en til kanalen i content/contact.yaml som har åpningstidene for skriftlige meldinger, for eksempel portal.'),
    escalation: escalationSchema.optional().describe('«Be om eskalering»: når den som meldte kan be om det, for hver prioritet, og hva som skjer da.'),
  },
  {
    error: onlyFields(
      'filen må inneholde label, settledTogether, responseLabel, levels, urgency, matrix, afterUrgentCall, otherRequests og handledBy (og eventuelt escalation)',
    ),
  },
);

true satisfies z.infer<typeof prioritySchema> extends PriorityPolicy ? true : false;
