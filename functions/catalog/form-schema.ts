import { z } from 'zod';
import { FIXED_QUESTION_IDS, FIXED_QUESTIONS, isFixedQuestionId, type FixedQuestionId } from '../core/fixed-questions.ts';
import { isServicePagesSlot, type FormDefinition } from '../core/form-definition.ts';
import { choiceOptionSchema, identifier, nonEmptyText as text, onlyFields, showIfSchema } from './schema.ts';

/**
 * `content/form.yaml`: the fixed questions' words and the pages of the journey. What each fixed question is (its
 * field in the API, its type and values) is code (core/fixed-questions.ts); this file may not change that, only
 * say it in words and place it on a page.
 */

const fixedQuestionId = z.enum(FIXED_QUESTION_IDS, {
  error: `må være et av de faste spørsmålene: ${FIXED_QUESTION_IDS.join(', ')}`,
});

const fixedQuestionTextSchema = z
  .strictObject(
    {
      id: fixedQuestionId.describe('Hvilket fast spørsmål teksten gjelder.'),
      label: text.describe('Spørsmålet slik brukeren leser det.'),
      hint: text.optional().describe('Hjelpetekst under spørsmålet.'),
      missingMessage: text.optional().describe('Feilmeldingen når svaret mangler. Standard: «Svar på «spørsmålet».».'),
      options: z
        .array(choiceOptionSchema)
        .optional()
        .describe('Ordene for hvert valg, for spørsmål med valg. Verdiene (value) er faste og står i samme rekkefølge som i filen nå; bare label kan endres.'),
    },
    { error: onlyFields('et fast spørsmål må ha id og label') },
  )
  .superRefine((question, ctx) => {
    if (!isFixedQuestionId(question.id)) return;
    const fixed = FIXED_QUESTIONS[question.id];
    const expected: readonly string[] = 'values' in fixed ? fixed.values : [];
    const given = (question.options ?? []).map((option) => option.value);
    if (expected.length === 0 && question.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'brukes bare for spørsmål med valg' });
    if (expected.length > 0 && given.join(',') !== expected.join(',')) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `må ha ett valg for hver av verdiene ${expected.join(', ')}, i den rekkefølgen` });
    }
  });

const fixedPageSchema = z.strictObject(
  {
    id: identifier.describe('Sidens faste nøkkel, for eksempel contact.'),
    title: text.describe('Overskriften på siden: spørsmålet eller temaet.'),
    section: identifier.describe('Hvilken del av «Sjekk svarene» svarene vises under (en id fra sections).'),
    showIf: showIfSchema.optional().describe('Vis siden bare når et tidligere svar er et bestemt valg.'),
    questions: z
      .array(fixedQuestionId, { error: 'må være en liste med id-er fra questions' })
      .min(1, { error: 'må ha minst ett spørsmål' })
      .describe('De faste spørsmålene på siden, i rekkefølge.'),
  },
  { error: onlyFields('en side må ha id, title, section og questions') },
);

const servicePagesSlotSchema = z
  .strictObject({
    servicePages: z
      .strictObject({ section: identifier.describe('Delen av «Sjekk svarene» tjenestens svar vises under.') }, { error: onlyFields('må ha section') })
      .describe('I stedet for en fast side: her kommer tjenestens egne sider (pages i content/services/<tjeneste>.yaml). Står nøyaktig én gang.'),
  })
  .describe('Her kommer tjenestens egne sider (pages i content/services/<id>.yaml).');

export const formSchema = z
  .strictObject(
    {
      sections: z
        .array(
          z.strictObject(
            {
              id: identifier.describe('Delens faste nøkkel, som sidene viser til med section.'),
              title: text.describe('Overskriften på delen i «Sjekk svarene» og i e-posten.'),
            },
            { error: onlyFields('en del må ha id og title') },
          ),
        )
        .min(1, { error: 'må ha minst én del' })
        .describe('Delene svarene vises i på «Sjekk svarene» og i e-posten til Servicedesk, i rekkefølge.'),
      questions: z
        .array(fixedQuestionTextSchema)
        .describe('Ordene for de faste spørsmålene, ett avsnitt for hvert. Nøklene og verdiene er faste; ordene kan du endre fritt.'),
      pages: z
        .array(z.union([servicePagesSlotSchema, fixedPageSchema], { error: 'må være en side med id, title, section og questions, eller servicePages' }))
        .describe(
          'Sidene i veiviseren, i rekkefølge: de faste sidene, og servicePages der tjenestens egne sider kommer. Et fast spørsmål står på nøyaktig én side.',
        ),
      phone: z
        .strictObject(
          {
            title: text.describe('Overskriften på telefonsiden, for eksempel «Ring Servicedesk nå».'),
            intro: text.describe('Teksten øverst når brukeren har svart at det haster.'),
            priorityIntro: text.describe(
              'Teksten øverst i stedet for intro når svarene gir en prioritet som skal ringes inn. Siden legger prioriteten til etter den.',
            ),
            writtenReport: text.describe('Knappen for å sende en skriftlig melding etter samtalen.'),
            writtenReportHint: text.describe('Teksten over knappen, om hva den skriftlige meldingen spør om.'),
            afterCall: z
              .array(identifier)
              .min(1, { error: 'må ha minst én side' })
              .describe('id-ene til sidene en skriftlig melding etter samtalen spør om; samtalen dekker resten. Siden som spør om det haster, må være med.'),
          },
          { error: onlyFields('må ha title, intro, priorityIntro, writtenReport, writtenReportHint og afterCall') },
        )
        .describe('Siden som sender det som haster til telefonen, og hva en skriftlig melding etter samtalen spør om (afterCall).'),
      remember: z
        .strictObject(
          {
            label: text.describe('Avkrysningen, for eksempel «Husk meg på denne enheten».'),
            hint: text.describe('Teksten under avkrysningen: hva som lagres, og hvor.'),
            remembered: text.describe('Det som står når kontaktopplysningene er husket.'),
            forget: text.describe('Knappen som sletter dem, for eksempel «Glem meg».'),
            forgotten: text.describe('Det som står når de er slettet.'),
          },
          { error: onlyFields('må ha label, hint, remembered, forget og forgotten') },
        )
        .describe('«Husk meg på denne enheten»: kontaktopplysningene lagres i nettleseren, så neste melding hopper over kontaktsiden.'),
      review: z
        .strictObject({ title: text.describe('Overskriften på siden, for eksempel «Sjekk svarene før du sender».') }, { error: onlyFields('må ha title') })
        .describe('Siden «Sjekk svarene», der brukeren ser alle svarene før hen sender.'),
      patientDataWarning: text.describe('Advarselen mot pasientopplysninger, vist én gang, der brukeren først kan skrive fritt.'),
    },
    { error: onlyFields('filen må inneholde sections, questions, pages, phone, remember, review og patientDataWarning') },
  )
  .superRefine((form, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const described = form.questions.map((question) => question.id);
    for (const id of FIXED_QUESTION_IDS) {
      if (!described.includes(id)) problem(['questions'], `mangler teksten for det faste spørsmålet «${id}»`);
    }
    form.questions.forEach((question, index) => {
      if (described.indexOf(question.id) !== index) problem(['questions', index, 'id'], `«${question.id}» står her for andre gang`);
    });

    const sections = form.sections.map((section) => section.id);
    const slots = form.pages.filter(isServicePagesSlot);
    if (slots.length !== 1) problem(['pages'], 'må ha servicePages nøyaktig én gang: der kommer tjenestens egne sider');
    const placed = new Map<string, number>();
    const pageIds: string[] = [];
    form.pages.forEach((page, index) => {
      const section = isServicePagesSlot(page) ? page.servicePages.section : page.section;
      if (!sections.includes(section))
        problem(
          ['pages', index, ...(isServicePagesSlot(page) ? ['servicePages'] : []), 'section'],
          `«${section}» er ikke en av sections (${sections.join(', ')})`,
        );
      if (isServicePagesSlot(page)) return;
      if (pageIds.includes(page.id)) problem(['pages', index, 'id'], `«${page.id}» er brukt av en annen side`);
      pageIds.push(page.id);
      page.questions.forEach((id, questionIndex) => {
        if ('setByJourney' in FIXED_QUESTIONS[id]) {
          problem(['pages', index, 'questions', questionIndex], `«${id}» fylles ut av skjemaet selv og kan ikke stå på en side`);
          return;
        }
        if (placed.has(id)) problem(['pages', index, 'questions', questionIndex], `«${id}» står alt på en annen side: hvert spørsmål stilles én gang`);
        placed.set(id, index);
      });
    });
    for (const id of FIXED_QUESTION_IDS) {
      if (!placed.has(id) && !('setByJourney' in FIXED_QUESTIONS[id])) problem(['pages'], `det faste spørsmålet «${id}» står ikke på noen side`);
    }
    form.phone.afterCall.forEach((id, index) => {
      if (!pageIds.includes(id)) problem(['phone', 'afterCall', index], `«${id}» er ikke en side under pages (${pageIds.join(', ')})`);
    });
    const urgentPage = form.pages.find((page) => !isServicePagesSlot(page) && page.questions.includes('urgent'));
    if (urgentPage && !isServicePagesSlot(urgentPage) && !form.phone.afterCall.includes(urgentPage.id)) {
      problem(['phone', 'afterCall'], `må ta med siden «${urgentPage.id}»: den spør om det haster`);
    }
  });

true satisfies z.infer<typeof formSchema> extends FormDefinition ? true : false;
