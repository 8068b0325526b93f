import { z } from 'zod';
import { CHANNEL_KINDS, type Channel, type DeskContact } from '../core/desk-contact.ts';
import { WEEKDAYS, type OpeningHours } from '../core/opening-hours.ts';

const text = z.string({ error: 'må være en tekst' }).min(1, { error: 'kan ikke være tom' });
const clock = z
  .string({ error: 'må være et klokkeslett på formen 08:00' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'må være et klokkeslett på formen 08:00' });
/** Part of a sentence the page finishes itself («when: action.»), so it ends without a full stop. */
const sentencePart = text.refine((part) => !/[.:]\s*$/.test(part), { error: 'skal stå uten punktum eller kolon til slutt: siden setter dem selv' });
const key = z.string({ error: 'må være en tekst' }).regex(/^[a-z][a-z0-9-]*$/, { error: 'må bestå av små bokstaver a–z, tall og bindestrek' });

const periodObject = z.object({
  days: z
    .array(z.enum(WEEKDAYS, { error: `må være en av: ${WEEKDAYS.join(', ')}` }))
    .min(1, { error: 'må ha minst én dag' })
    .describe('Ukedagene perioden gjelder.'),
  from: clock.describe('Åpner, norsk tid.'),
  to: clock.describe('Stenger, norsk tid (24:00 for midnatt).'),
});
const fromBeforeTo = (period: { from: string; to: string }) => period.from < period.to;
const periodSchema = periodObject.refine(fromBeforeTo, { path: ['to'], error: 'må være senere enn from' });

const exceptionSchema = z.object({
  date: z
    .string({ error: 'må være en dato på formen 2026-12-24' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'må være en dato på formen 2026-12-24' })
    .describe('Datoen unntaket gjelder.'),
  note: text.describe('Hva som gjelder, for eksempel «Julaften».'),
  periods: z
    .array(periodObject.omit({ days: true }).refine(fromBeforeTo, { path: ['to'], error: 'må være senere enn from' }))
    .default([])
    .describe('Åpningstidene denne dagen. Tom liste betyr stengt.'),
});

export const openingHoursSchema = z.object({
  alwaysOpen: z.boolean({ error: 'må være true eller false' }).default(false).describe('true når kanalen er åpen hele døgnet, hele året.'),
  periods: z.array(periodSchema).default([]).describe('Faste åpningstider per uke.'),
  exceptions: z.array(exceptionSchema).default([]).describe('Dager med andre åpningstider, for eksempel helligdager.'),
  description: text.describe('Åpningstidene i en setning, slik de står på kontaktsiden.'),
});
true satisfies z.infer<typeof openingHoursSchema> extends OpeningHours ? true : false;

/** A number as people read it: digits in groups, a leading + for a country code. */
export const PHONE_NUMBER = /^\+?\d+( \d+)*$/;

export const channelSchema = z
  .object({
    id: key.describe('Fast nøkkel for kanalen, som stigen (ladder) og handledBy i content/priority.yaml viser til.'),
    name: text.describe('Navnet på kanalen, for eksempel «Servicedesk, hovednummer».'),
    kind: z
      .enum(CHANNEL_KINDS, { error: `må være en av: ${CHANNEL_KINDS.join(', ')}` })
      .describe('Slags kanal: phone (telefon), email (e-post), radio (Nødnett) eller web (nettside). Et telefonnummer får en lenke man ringer med ett trykk.'),
    value: text.describe(
      'Nummeret, adressen eller talegruppen slik brukeren skal se den. Et telefonnummer skrives med sifre og mellomrom, for eksempel «61 18 28 00».',
    ),
    use: text.describe('Hva kanalen brukes til, i én setning.'),
    hours: openingHoursSchema.describe('Når kanalen er bemannet.'),
  })
  .refine((channel) => channel.kind !== 'phone' || PHONE_NUMBER.test(channel.value), {
    path: ['value'],
    error: 'må være et telefonnummer med bare sifre og mellomrom (og + først for landskode), for eksempel «61 18 28 00» eller «+47 61 18 28 00»',
  });
// The schema must give the core's Channel, checked both ways: a required field only one of them has fails to compile.
true satisfies z.infer<typeof channelSchema> extends Channel ? true : false;
true satisfies Channel extends z.infer<typeof channelSchema> ? true : false;

/** `content/contact.yaml`: how to reach the Servicedesk (its channels, the fallback ladder, opening hours); core/desk-contact.ts. */
export const deskContactSchema = z
  .object({
    channels: z.array(channelSchema).min(1, { error: 'må ha minst én kanal' }).describe('Alle kanalene, i den rekkefølgen de vises.'),
    ladder: z
      .array(
        z.object({
          channel: key.describe('id-en til en kanal i channels. Det første steget må være en telefon.'),
          when: sentencePart.describe('Når dette steget brukes, som starten på en setning, uten punktum: «Kommer du ikke gjennom».'),
          action: sentencePart
            .refine((action) => action.split('{value}').length <= 2, { error: 'kan ha {value} bare én gang' })
            .describe('Hva man gjør, som resten av setningen, uten punktum. {value} står for nummeret eller adressen til kanalen.'),
        }),
      )
      .min(1, { error: 'må ha minst ett steg' })
      .describe('Reservestigen: hva du gjør når forrige steg ikke virker, i rekkefølge.'),
    otherDesks: z.array(channelSchema).default([]).describe('Andre servicesentre brukerne kan trenge.'),
  })
  .superRefine((contact, ctx) => {
    const ids = new Set(contact.channels.map((channel) => channel.id));
    contact.ladder.forEach((step, index) => {
      const channel = contact.channels.find((candidate) => candidate.id === step.channel);
      if (!channel) {
        ctx.addIssue({
          code: 'custom',
          path: ['ladder', index, 'channel'],
          message: `kanalen «${step.channel}» finnes ikke i channels (finnes: ${[...ids].join(', ')})`,
        });
      } else if ((channel.kind === 'phone' || channel.kind === 'email') && !step.action.includes('{value}')) {
        ctx.addIssue({
          code: 'custom',
          path: ['ladder', index, 'action'],
          message: `må ha {value} der ${channel.kind === 'phone' ? 'nummeret' : 'adressen'} skal stå, så det blir en lenke`,
        });
      }
    });
    const first = contact.ladder[0];
    if (first && contact.channels.find((channel) => channel.id === first.channel)?.kind !== 'phone') {
      ctx.addIssue({
        code: 'custom',
        path: ['ladder', 0, 'channel'],
        message: 'det første steget må være en telefon: det er nummeret portalen viser øverst på hver side',
      });
    }
  });
// The schema must give exactly the core's DeskContact, both ways.
true satisfies z.infer<typeof deskContactSchema> extends DeskContact ? true : false;
true satisfies DeskContact extends z.infer<typeof deskContactSchema> ? true : false;
