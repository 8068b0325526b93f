import { z } from 'zod';
import { REQUEST_TYPES } from '../core/fixed-questions.ts';
import { QUESTION_TYPES, type Question, type ServicePage } from '../core/form-definition.ts';
import { SERVICE_IDS } from '../core/service-ids.ts';
import type { Service, Team } from '../core/catalog-shape.ts';
import { recordOf } from '../vocabulary/records.ts';
import { dateOnly } from './dates.ts';

/**
 * Schemas for the editor-owned data in `content/`. They are the single definition used by the Astro content
 * collections, the catalog loader in the Lambda functions, the form on the site and the test fixtures.
 * Every `describe()` text is the documentation an editor gets in CONTENT.md and in error messages.
 */

/**
 * For an object whose fields are fixed: a misspelt or old field name (such as `questions` where the service now has
 * `pages`) is named, with the fields that are allowed, instead of being silently ignored.
 */
export function onlyFields(otherwise: string) {
  return (issue: { code?: string | undefined; keys?: readonly string[] | undefined }) =>
    issue.code === 'unrecognized_keys'
      ? `ukjent felt ${(issue.keys ?? []).map((key) => `«${key}»`).join(', ')}: sjekk stavingen, eller se CONTENT.md`
      : otherwise;
}

/**
 * An object with one `value` for each key of a finite list (every priority, every case state), and no other key:
 * a missing key gets `expected`, by default «må ha» and the keys; an unknown one is named as `onlyFields` does.
 */
export function oneForEach<K extends string, S extends z.ZodType>(keys: readonly K[], value: S, expected = `må ha ${keys.join(', ')}`) {
  return z.strictObject(
    recordOf(keys, () => value),
    { error: onlyFields(expected) },
  );
}

export const nonEmptyText = z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' });

export const identifier = z
  .string({ error: 'må være en tekst' })
  .regex(/^[a-z][a-zA-Z0-9]*$/, { error: 'må starte med liten bokstav og bare inneholde bokstaver a–z og tall (for eksempel «operatorPosition»)' });

export const choiceOptionSchema = z.object({
  value: identifier.describe(
    'Fast nøkkel for valget, det showIf viser til: engelske ord uten mellomrom, for eksempel resolved. Bytt den aldri etter at skjemaet er i bruk.',
  ),
  label: z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }).describe('Teksten brukeren ser.'),
});

const conditionValue = z.string({ error: 'må være en verdi eller en liste med verdier' }).min(1, { error: 'kan ikke være tom' });

export const showIfSchema = z
  .object(
    {
      question: identifier.describe(
        'id-en til et choice-spørsmål som kommer før: lenger opp i samme tjeneste, eller et av de faste spørsmålene i content/form.yaml, som requestType (hva henvendelsen gjelder: fault, change, question eller order).',
      ),
      equals: z
        .union([conditionValue, z.array(conditionValue).min(1, { error: 'må ha minst én verdi' })], {
          error: 'må være en verdi eller en liste med verdier, for eksempel [ongoing, intermittent]',
        })
        .describe('Valget (value) som gjør at spørsmålet eller siden vises, eller en liste med slike valg, for eksempel [ongoing, intermittent].'),
    },
    { error: 'må ha question og equals, for eksempel { question: faultState, equals: resolved }' },
  )
  .strict();
export type ShowIf = z.infer<typeof showIfSchema>;

export const questionSchema = z
  .strictObject(
    {
      id: identifier.describe(
        'Fast nøkkel som svaret lagres under: engelske ord uten mellomrom, for eksempel operatorPosition, ikke brukt før i tjenesten. Bytt den aldri etter at skjemaet er i bruk.',
      ),
      label: z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }).describe('Spørsmålet slik brukeren leser det.'),
      hint: z.string().optional().describe('Hjelpetekst under spørsmålet.'),
      type: z
        .enum(QUESTION_TYPES, { error: `må være en av: ${QUESTION_TYPES.join(', ')}` })
        .describe(
          'Slags svar: text (én linje), textarea (flere linjer), choice (ett valg blant options), date (en dato), tel (et telefonnummer) eller email (en e-postadresse).',
        ),
      required: z.boolean({ error: 'må være true eller false' }).default(true).describe('false gjør spørsmålet valgfritt.'),
      maxLength: z
        .number({ error: 'må være et heltall fra 1 til 4000' })
        .int({ error: 'må være et heltall fra 1 til 4000' })
        .min(1, { error: 'må være et heltall fra 1 til 4000' })
        .max(4000, { error: 'må være et heltall fra 1 til 4000' })
        .optional()
        .describe('Høyeste antall tegn (standard 200 for text, 2000 for textarea).'),
      options: z
        .array(choiceOptionSchema)
        .min(2, { error: 'må ha minst to valg' })
        .optional()
        .describe('Valgene, minst to, hvert med value og label. Bare for type choice, og der må de stå.'),
      missingMessage: z.string().optional().describe('Feilmeldingen når et påkrevd svar mangler. Standard: «Svar på «spørsmålet».».'),
      showIf: showIfSchema
        .optional()
        .describe(
          'Still spørsmålet bare når et tidligere svar passer, for eksempel { question: faultState, equals: resolved }. Et spørsmål som ikke stilles, er aldri påkrevd, og et svar på det tas ikke med.',
        ),
      noticeDays: z
        .number({ error: 'må være et helt antall dager' })
        .int({ error: 'må være et helt antall dager' })
        .min(1, { error: 'må være minst 1' })
        .max(3650, { error: 'kan være høyst 3650' })
        .optional()
        .describe(
          'Bare for type date: vis et varsel når datoen er færre enn så mange dager fram i tid. Varselet stopper ikke innsendingen. Står alltid sammen med noticeWarning.',
        ),
      noticeWarning: z
        .string()
        .min(1, { error: 'kan ikke være tom' })
        .optional()
        .describe('Teksten i varselet, for eksempel om seks måneders varsel ved flytting av kontrollrom. Står alltid sammen med noticeDays.'),
    },
    { error: onlyFields('et spørsmål må ha id, label og type') },
  )
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
      ctx.addIssue({
        code: 'custom',
        path: [question.noticeDays === undefined ? 'noticeWarning' : 'noticeDays'],
        message: 'noticeDays og noticeWarning må stå sammen',
      });
    }
  });
type QuestionSchemaOutput = z.infer<typeof questionSchema>;
// The content schema must give exactly what the core's journey reads.
true satisfies QuestionSchemaOutput extends Question ? true : false;

const servicePageSchema = z
  .strictObject(
    {
      title: z
        .string({ error: 'må være en tekst' })
        .min(1, { error: 'kan ikke være tom' })
        .optional()
        .describe(
          'Overskriften på en egen side: spørsmålet eller temaet, for eksempel «Terminalen og stedet». Siden kommer der servicePages står i content/form.yaml. En side har enten title eller join.',
        ),
      join: identifier
        .optional()
        .describe('I stedet for title: legg spørsmålene øverst på en av de faste sidene i content/form.yaml (sidens id), for eksempel impact.'),
      showIf: showIfSchema.optional().describe('Vis siden bare når et tidligere svar er et bestemt valg.'),
      questions: z
        .array(questionSchema, { error: 'må være en liste med spørsmål' })
        .min(1, { error: 'må ha minst ett spørsmål' })
        .describe('Spørsmålene på siden, i rekkefølge.'),
    },
    { error: onlyFields('en side må ha title (eller join) og questions') },
  )
  .superRefine((page, ctx) => {
    if ((page.title === undefined) === (page.join === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        message: 'en side må ha enten title (en egen side) eller join (spørsmålene legges på en fast side), ikke begge',
      });
    }
  });
true satisfies z.infer<typeof servicePageSchema> extends ServicePage ? true : false;

export const serviceSchema = z.strictObject(
  {
    id: z.enum(SERVICE_IDS, { error: `må være en av: ${SERVICE_IDS.join(', ')}` }).describe('Tjenestens faste nøkkel. Samme som filnavnet.'),
    name: z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }).describe('Tjenestens navn, slik brukerne kjenner den.'),
    shortName: z
      .string({ error: 'må være en tekst' })
      .min(1, { error: 'kan ikke være tom' })
      .max(12, { error: 'kan være høyst 12 tegn' })
      .describe('Kort navn til emnefeltet i e-post, for eksempel «ICCS».'),
    description: z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }).describe('Én eller to setninger om hva tjenesten dekker.'),
    team: identifier.describe(
      'Produktteamet Servicedesk eskalerer meldinger om tjenesten til: nøkkelen til et team i content/teams.yaml. Alle meldinger går først til Servicedesk (desk i content/routing.yaml).',
    ),
    requestTypes: z
      .array(z.enum(REQUEST_TYPES, { error: `må være en av: ${REQUEST_TYPES.join(', ')}` }), { error: 'må være en liste, for eksempel [change]' })
      .min(1, { error: 'må ha minst én' })
      .default([...REQUEST_TYPES])
      .describe(`Hva slags henvendelser tjenesten tar imot (${REQUEST_TYPES.join(', ')}). Med bare én spør ikke skjemaet. Standard: alle.`),
    pages: z
      .array(servicePageSchema, { error: 'må være en liste med sider' })
      .default([])
      .describe('Sidene med tjenestens egne spørsmål i skjemaet, i rekkefølge. Spørsmål på samme side besvares sammen.'),
    formLink: z
      .string({ error: 'må være en tekst' })
      .min(1, { error: 'kan ikke være tom' })
      .optional()
      .describe(
        'Teksten på lenken til skjemaet, når tjenesten ikke tar imot feil, for eksempel «Send et endringsønske». Standard: «Meld feil i denne tjenesten».',
      ),
    checkFirst: z
      .array(z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }), { error: 'må være en liste med korte punkter' })
      .default([])
      .describe('Punktene under «Sjekk dette først» på tjenestesiden: det brukeren bør sjekke selv før hen melder feil, ett punkt per linje.'),
  },
  { error: onlyFields('filen må inneholde feltene id, name, shortName, description, team og pages') },
);
// The core's Service (core/catalog-shape.ts) is exactly what this schema gives.
true satisfies z.infer<typeof serviceSchema> extends Service ? true : false;
true satisfies Service extends z.infer<typeof serviceSchema> ? true : false;

export const teamSchema = z
  .strictObject(
    {
      name: z
        .string({ error: 'må være en tekst' })
        .min(1, { error: 'kan ikke være tom' })
        .describe('Teamets navn, slik det står i e-postene, for eksempel «Team video».'),
      address: z
        .email({ error: 'må være en gyldig e-postadresse' })
        .describe('E-postadressen meldingene og kopiene sendes til: en funksjonsadresse, ikke en person.'),
      takesAttachments: z
        .boolean({ error: 'må være true eller false' })
        .optional()
        .describe('true når adressen tar imot vedlegg. Kvitteringen ber bare om svar med vedlegg når Servicedesk sin adresse gjør det. Standard: false.'),
    },
    { error: onlyFields('et team må ha name og address, og kan ha takesAttachments') },
  )
  .describe('Ett team. Nøkkelen (for eksempel servicedesk eller vakthavende) er det de andre filene kaller teamet: bytter du den, bytt den der også.');
true satisfies z.infer<typeof teamSchema> extends Team ? true : false;
true satisfies Team extends z.infer<typeof teamSchema> ? true : false;

export const teamsFileSchema = z
  .record(identifier, teamSchema, { error: 'filen må inneholde teamene, hvert med nøkkel, name og address' })
  .describe('Servicedesk, produktteamene og hendelseslederen, med nøkkel.');

export const ARTICLE_LANGUAGES = ['nb', 'en'] as const;
export const AUDIENCES = ['everyone', 'operators', 'technicians', 'managers'] as const;

const slug = z.string({ error: 'må være en tekst' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  error: 'må være filnavnet til en artikkel uten .md, med små bokstaver, tall og bindestrek (for eksempel «flytte-kontrollrom»)',
});

export const articleSchema = z.object(
  {
    title: z
      .string({ error: 'mangler: skriv en tittel' })
      .min(1, { error: 'kan ikke være tom' })
      .max(120, { error: 'kan være høyst 120 tegn' })
      .describe('Tittelen på artikkelen, øverst på siden, i lister og i søketreff.'),
    summary: z
      .string({ error: 'mangler: skriv en ingress på én til to setninger' })
      .min(1, { error: 'kan ikke være tom' })
      .max(300, { error: 'kan være høyst 300 tegn' })
      .describe('Ingress på én til to setninger. Vises under tittelen, i lister og i søketreff.'),
    services: z
      .array(z.enum(SERVICE_IDS, { error: `må være en av: ${SERVICE_IDS.join(', ')}` }), { error: 'må være en liste, for eksempel [radio, iccs]' })
      .default([])
      .describe('Tjenestene artikkelen handler om, for eksempel [radio, iccs]. Artikkelen vises da på tjenestesiden, med en lenke til skjemaet for tjenesten.'),
    tags: z
      .array(z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' }), { error: 'må være en liste, for eksempel [batteri, dekning]' })
      .default([])
      .describe('Stikkord som hjelper søket, for eksempel [batteri, dekning].'),
    audience: z
      .array(z.enum(AUDIENCES, { error: `må være en av: ${AUDIENCES.join(', ')}` }), { error: 'må være en liste, for eksempel [operators]' })
      .default(['everyone'])
      .describe('Hvem artikkelen er skrevet for: everyone (alle), operators (operatører), technicians (teknikere), managers (ledere).'),
    updated: dateOnly.describe('Dato for siste faglige oppdatering, på formen 2026-11-22.'),
    language: z
      .enum(ARTICLE_LANGUAGES, { error: 'må være nb (bokmål) eller en (engelsk)' })
      .default('nb')
      .describe('Språket artikkelen er skrevet på: nb (bokmål) eller en (engelsk). På en engelsk artikkel er også menyene engelske.'),
    draft: z
      .boolean({ error: 'må være true eller false' })
      .default(false)
      .describe(
        'true: utkast. Med npm run dev har det sin side, merket «Utkast»; på nettstedet kommer det aldri, og ingen publisert side kan lenke til det. Fjern linjen for å publisere.',
      ),
    related: z
      .array(slug, { error: 'må være en liste med filnavn, for eksempel [flytte-kontrollrom]' })
      .default([])
      .describe('Andre artikler under «Les også», med filnavnet uten .md, for eksempel [lydlogg].'),
  },
  { error: 'øverst i filen må det stå title, summary og updated mellom to linjer med ---' },
);
export type ArticleData = z.infer<typeof articleSchema>;
