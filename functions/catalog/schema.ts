import { z } from 'zod';
import { REQUEST_TYPE_CONDITION, REQUEST_TYPES } from '../core/request-details.ts';
import { SERVICE_IDS } from '../core/service-ids.ts';
import { dateOnly } from './dates.ts';

/**
 * Schemas for the editor-owned data in `content/`. They are the single definition used by the Astro content
 * collections, the catalog loader in the Lambda functions, the form on the site and the test fixtures.
 * Every `describe()` text is the documentation an editor gets in CONTENT.md and in error messages.
 */

export const QUESTION_TYPES = ['text', 'textarea', 'choice', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const identifier = z
  .string({ error: 'må være en tekst' })
  .regex(/^[a-z][a-zA-Z0-9]*$/, { error: 'må starte med liten bokstav og bare inneholde bokstaver a–z og tall (for eksempel «operatorPosition»)' });

export const choiceOptionSchema = z.object({
  value: identifier.describe('Verdien som lagres når svaret velges (engelsk, camelCase).'),
  label: z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }).describe('Teksten brukeren ser.'),
});


const conditionValue = z.string({ error: 'må være en verdi eller en liste med verdier' }).min(1, { error: 'kan ikke være tom' });

export const showIfSchema = z
  .object(
    {
      question: identifier.describe(`id-en til et spørsmål lenger opp i samme tjeneste, eller ${REQUEST_TYPE_CONDITION} (hva henvendelsen gjelder).`),
      equals: z.union([conditionValue, z.array(conditionValue).min(1, { error: 'må ha minst én verdi' })], { error: 'må være en verdi eller en liste med verdier, for eksempel [ongoing, intermittent]' }).describe('Svaret (value) som gjør at spørsmålet vises, eller en liste med slike svar.'),
    },
    { error: 'må ha question og equals, for eksempel { question: faultState, equals: resolved }' },
  )
  .strict();
export type ShowIf = z.infer<typeof showIfSchema>;

export const questionSchema = z
  .object({
    id: identifier.describe('Stabil nøkkel som svaret lagres under (engelsk, camelCase). Endres aldri etter publisering.'),
    label: z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }).describe('Spørsmålet slik brukeren leser det.'),
    hint: z.string().optional().describe('Hjelpetekst under spørsmålet.'),
    type: z
      .enum(QUESTION_TYPES, { error: `må være en av: ${QUESTION_TYPES.join(', ')}` })
      .describe('text = én linje, textarea = flere linjer, choice = ett valg blant options, date = en dato.'),
    required: z.boolean({ error: 'må være true eller false' }).default(true).describe('Om spørsmålet må besvares.'),
    maxLength: z.number({ error: 'må være et heltall fra 1 til 4000' }).int({ error: 'må være et heltall fra 1 til 4000' }).min(1, { error: 'må være et heltall fra 1 til 4000' }).max(4000, { error: 'må være et heltall fra 1 til 4000' }).optional().describe('Høyeste antall tegn (standard 200 for text, 2000 for textarea).'),
    options: z.array(choiceOptionSchema).min(2, { error: 'må ha minst to valg' }).optional().describe('Valgene for type choice.'),
    missingMessage: z.string().optional().describe('Feilmelding når et påkrevd svar mangler. Standard: «Svar på «<label>».».'),
    showIf: showIfSchema.optional().describe('Vis spørsmålet bare når et tidligere svar er et bestemt valg. Et skjult spørsmål er aldri påkrevd, og svaret tas ikke med.'),
    noticeDays: z.number({ error: 'må være et helt antall dager' }).int({ error: 'må være et helt antall dager' }).min(1, { error: 'må være minst 1' }).max(3650, { error: 'kan være høyst 3650' }).optional().describe('For type date: varsle (uten å stoppe innsendingen) når datoen er færre enn så mange dager fram i tid.'),
    noticeWarning: z.string().min(1, { error: 'kan ikke være tom' }).optional().describe('Teksten i varselet for noticeDays.'),
  })
  .superRefine((question, ctx) => {
    if (question.type === 'choice' && !question.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'mangler: et spørsmål av type choice må ha options' });
    }
    if (question.type !== 'choice' && question.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'brukes bare når type er choice' });
    }
    if (question.type !== 'date' && question.noticeDays !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['noticeDays'], message: 'brukes bare når type er date' });
    }
    if ((question.noticeDays === undefined) !== (question.noticeWarning === undefined)) {
      ctx.addIssue({ code: 'custom', path: [question.noticeDays === undefined ? 'noticeWarning' : 'noticeDays'], message: 'noticeDays og noticeWarning må stå sammen' });
    }
  });
export type Question = z.infer<typeof questionSchema>;

const REQUEST_TYPE_VALUES: readonly string[] = REQUEST_TYPES;

/** A condition must point back at an earlier question (never forward: the wizard asks in order) and at a value it can have. */
function checkConditions(questions: readonly Question[], ctx: z.RefinementCtx): void {
  questions.forEach((question, index) => {
    if (!question.showIf) return;
    const target = question.showIf.question;
    const values = Array.isArray(question.showIf.equals) ? question.showIf.equals : [question.showIf.equals];
    const earlier = questions.slice(0, index).find((candidate) => candidate.id === target);
    const allowed = target === REQUEST_TYPE_CONDITION ? REQUEST_TYPE_VALUES : earlier?.type === 'choice' ? (earlier.options ?? []).map((option) => option.value) : undefined;
    if (target !== REQUEST_TYPE_CONDITION && !earlier) {
      const known = questions.slice(0, index).map((candidate) => candidate.id);
      ctx.addIssue({ code: 'custom', path: [index, 'showIf', 'question'], message: `«${target}» er ikke et spørsmål lenger opp i samme tjeneste (kan være: ${[REQUEST_TYPE_CONDITION, ...known].join(', ')})` });
      return;
    }
    if (target !== REQUEST_TYPE_CONDITION && earlier?.type !== 'choice') {
      ctx.addIssue({ code: 'custom', path: [index, 'showIf', 'question'], message: `«${target}» må være et spørsmål av type choice` });
      return;
    }
    const unknown = values.filter((value) => !allowed?.includes(value));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', path: [index, 'showIf', 'equals'], message: `«${unknown.join('», «')}» er ikke et av valgene til «${target}» (${allowed?.join(', ')})` });
    }
  });
}

export const serviceSchema = z.object({
  id: z.enum(SERVICE_IDS, { error: `må være en av: ${SERVICE_IDS.join(', ')}` }).describe('Tjenestens faste nøkkel. Samme som filnavnet.'),
  name: z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }).describe('Tjenestens navn, slik brukerne kjenner den.'),
  shortName: z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }).max(12, { error: 'kan være høyst 12 tegn' }).describe('Kort navn til emnefeltet i e-post, for eksempel «ICCS».'),
  description: z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }).describe('Én eller to setninger om hva tjenesten dekker.'),
  team: identifier.describe('Nøkkelen til teamet i content/teams.yaml som får meldingene.'),
  questions: z.array(questionSchema).default([]).superRefine(checkConditions).describe('Spørsmålene i skjemaet for denne tjenesten, i rekkefølge.'),
  checkFirst: z.array(z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }), { error: 'må være en liste med korte punkter' }).default([]).describe('Det brukeren bør sjekke selv før hen melder feil, ett punkt per linje.'),
}, { error: 'filen må inneholde feltene id, name, shortName, description, team og questions' });
export type Service = z.infer<typeof serviceSchema>;

export const teamSchema = z.object({
  name: z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }).describe('Teamets navn.'),
  address: z.email({ error: 'må være en gyldig e-postadresse' }).describe('E-postadressen meldingene sendes til.'),
});
export type Team = z.infer<typeof teamSchema>;

export const teamsFileSchema = z.record(identifier, teamSchema, { error: 'filen må inneholde teamene, hvert med nøkkel, name og address' }).describe('Teamene som får meldinger, med nøkkel.');

export const ARTICLE_LANGUAGES = ['nb', 'en'] as const;
export const AUDIENCES = ['everyone', 'operators', 'technicians', 'managers'] as const;

const slug = z
  .string({ error: 'må være en tekst' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'må være filnavnet til en artikkel uten .md, med små bokstaver, tall og bindestrek (for eksempel «flytte-kontrollrom»)' });

export const articleSchema = z.object({
  title: z.string({ error: 'mangler: skriv en tittel' }).min(1, { error: 'kan ikke være tom' }).max(120, { error: 'kan være høyst 120 tegn' }).describe('Tittelen på artikkelen.'),
  summary: z.string({ error: 'mangler: skriv en ingress på én til to setninger' }).min(1, { error: 'kan ikke være tom' }).max(300, { error: 'kan være høyst 300 tegn' }).describe('Ingress: én til to setninger som vises i lister og søk.'),
  services: z.array(z.enum(SERVICE_IDS, { error: `må være en av: ${SERVICE_IDS.join(', ')}` }), { error: 'må være en liste, for eksempel [radio, iccs]' }).default([]).describe('Tjenestene artikkelen handler om.'),
  tags: z.array(z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }), { error: 'må være en liste, for eksempel [batteri, dekning]' }).default([]).describe('Stikkord som hjelper søket.'),
  audience: z.array(z.enum(AUDIENCES, { error: `må være en av: ${AUDIENCES.join(', ')}` }), { error: 'må være en liste, for eksempel [operators]' }).default(['everyone']).describe('Hvem artikkelen er skrevet for: everyone (alle), operators (operatører), technicians (teknikere), managers (ledere).'),
  updated: dateOnly.describe('Dato for siste faglige oppdatering, på formen 2026-11-22.'),
  language: z.enum(ARTICLE_LANGUAGES, { error: 'må være nb (bokmål) eller en (engelsk)' }).default('nb').describe('Språket artikkelen er skrevet på. Standard er nb.'),
  draft: z.boolean({ error: 'må være true eller false' }).default(false).describe('Utkast publiseres aldri.'),
  related: z.array(slug, { error: 'må være en liste med filnavn, for eksempel [flytte-kontrollrom]' }).default([]).describe('Andre artikler som er nyttige å lese, med filnavnet uten .md.'),
}, { error: 'øverst i filen må det stå title, summary og updated mellom to linjer med ---' });
export type ArticleData = z.infer<typeof articleSchema>;
