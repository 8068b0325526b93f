import { z } from 'zod';
import { SERVICE_IDS } from '../core/service-ids.ts';
import { dateTime } from './dates.ts';
import { NOTICE_SEVERITIES } from '../vocabulary/notice-terms.ts';

export { isActive, NOTICE_SEVERITIES, noticeEnd, noticePhase, type NoticePhase, type NoticeSeverity } from '../vocabulary/notice-terms.ts';

const text = (what: string, max: number) =>
  z
    .string({ error: `mangler: ${what}` })
    .trim()
    .min(1, { error: 'kan ikke være tom' })
    .max(max, { error: `kan være høyst ${max} tegn` });

/** «Oppdatering kl. 14:10»: an incident is updated several times; each update is dated and announced once. */
export const noticeUpdateSchema = z.object(
  {
    at: dateTime.describe('Når oppdateringen kom, med tidssone. Etter start, før resolved, og ikke samme tidspunkt som en annen oppdatering.'),
    text: text('skriv hva som er nytt', 2000).describe('Hva som er nytt, for eksempel «Feilen er funnet, og montører er på vei. Neste oppdatering kl. 17.»'),
  },
  { error: 'hver oppdatering skrives som «- at: 2026-11-22T14:10+01:00» med «text: …» under' },
);
export type NoticeUpdate = z.infer<typeof noticeUpdateSchema>;

/** A driftsmelding: `content/notices/<name>.md`, front matter below, the text itself as markdown under it. */
export const noticeSchema = z
  .object(
    {
      title: text('skriv en kort overskrift', 120).describe('Kort overskrift om hva som er rammet, for eksempel «Redusert dekning i Nødnett i Valdres».'),
      severity: z
        .enum(NOTICE_SEVERITIES, { error: `må være en av: ${NOTICE_SEVERITIES.join(', ')}` })
        .describe(
          'Hva slags melding det er, og dermed fargen: planned (planlagt arbeid, blå), disruption (forstyrrelse: noe virker dårligere, gul), outage (utfall: noe virker ikke, rød) eller information (informasjon, grå). Rødt er forbeholdt det som ikke virker nå.',
        ),
      services: z
        .array(z.enum(SERVICE_IDS, { error: `må være en av: ${SERVICE_IDS.join(', ')}` }), { error: 'må være en liste, for eksempel [radio]' })
        .min(1, { error: 'må ha minst én tjeneste' })
        .describe('Tjenestene som er berørt, for eksempel [radio, iccs]. Meldingen vises på sidene deres og i skjemaet «Meld feil» for dem.'),
      areas: z
        .array(text('skriv et område, for eksempel Agder', 80), { error: 'må være en liste, for eksempel [Agder, Rogaland]' })
        .default([])
        .describe('Områdene som er berørt, for eksempel [Agder, Rogaland].'),
      start: dateTime.describe('Når meldingen gjelder fra, med tidssone: +01:00 om vinteren, +02:00 om sommeren.'),
      expectedEnd: dateTime
        .optional()
        .describe(
          'Når vi venter at det er over, etter start. Påkrevd for planned: det er vinduet i kalenderen. Når tiden er passert, flyttes meldingen til arkivet.',
        ),
      resolved: dateTime.optional().describe('Når det faktisk var over. Da flyttes meldingen til arkivet, og abonnentene får «Løst».'),
      updates: z
        .array(noticeUpdateSchema, { error: 'må være en liste med oppdateringer' })
        .default([])
        .describe('Oppdateringene, hver med at og text. Legg nye til nederst; siden viser den nyeste først, og hver sendes én gang til dem som abonnerer.'),
      draft: z
        .boolean({ error: 'må være true eller false' })
        .default(false)
        .describe('true: meldingen publiseres ikke. Med npm run dev vises den likevel, så du ser hvordan den blir.'),
    },
    { error: 'øverst i filen må det stå title, severity, services og start mellom to linjer med ---' },
  )
  .superRefine((notice, ctx) => {
    if (notice.expectedEnd && notice.expectedEnd <= notice.start) {
      ctx.addIssue({ code: 'custom', path: ['expectedEnd'], message: 'må være etter start' });
    }
    if (notice.severity === 'planned' && !notice.expectedEnd) {
      ctx.addIssue({ code: 'custom', path: ['expectedEnd'], message: 'mangler: planlagt arbeid må ha et tidspunkt det er ferdig' });
    }
    if (notice.resolved && notice.resolved < notice.start) {
      ctx.addIssue({ code: 'custom', path: ['resolved'], message: 'må være etter start' });
    }
    notice.updates.forEach((update, index) => {
      if (update.at < notice.start) ctx.addIssue({ code: 'custom', path: ['updates', index, 'at'], message: 'må være etter start' });
      if (notice.resolved && update.at > notice.resolved) ctx.addIssue({ code: 'custom', path: ['updates', index, 'at'], message: 'må være før resolved' });
      const earlier = notice.updates.slice(0, index).find((other) => other.at.getTime() === update.at.getTime());
      if (earlier) ctx.addIssue({ code: 'custom', path: ['updates', index, 'at'], message: 'to oppdateringer har samme tidspunkt: gi hver sitt' });
    });
  });
export type Notice = z.infer<typeof noticeSchema>;
