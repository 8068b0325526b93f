import { z } from 'zod';
import { SERVICE_IDS } from '../core/service-ids.ts';
import { dateTime } from './dates.ts';
import { NOTICE_SEVERITIES } from '../vocabulary/notice-terms.ts';

export { isActive, NOTICE_SEVERITIES, noticeEnd, noticePhase, type NoticePhase, type NoticeSeverity } from '../vocabulary/notice-terms.ts';



const text = (what: string, max: number) =>
  z.string({ error: `mangler: ${what}` }).trim().min(1, { error: 'kan ikke være tom' }).max(max, { error: `kan være høyst ${max} tegn` });

/** «Oppdatering kl. 14:10»: an incident is updated several times; each update is dated and announced once. */
export const noticeUpdateSchema = z.object(
  {
    at: dateTime,
    text: text('skriv hva som er nytt', 2000),
  },
  { error: 'hver oppdatering skrives som «- at: 2026-11-22T14:10+01:00» med «text: …» under' },
);
export type NoticeUpdate = z.infer<typeof noticeUpdateSchema>;

/** A driftsmelding: `content/notices/<name>.md`, front matter below, the text itself as markdown under it. */
export const noticeSchema = z
  .object(
    {
      title: text('skriv en kort overskrift', 120),
      severity: z.enum(NOTICE_SEVERITIES, { error: `må være en av: ${NOTICE_SEVERITIES.join(', ')}` }),
      services: z
        .array(z.enum(SERVICE_IDS, { error: `må være en av: ${SERVICE_IDS.join(', ')}` }), { error: 'må være en liste, for eksempel [radio]' })
        .min(1, { error: 'må ha minst én tjeneste' }),
      areas: z.array(text('skriv et område, for eksempel Agder', 80), { error: 'må være en liste, for eksempel [Agder, Rogaland]' }).default([]),
      start: dateTime,
      expectedEnd: dateTime.optional(),
      resolved: dateTime.optional(),
      updates: z.array(noticeUpdateSchema, { error: 'må være en liste med oppdateringer' }).default([]),
      draft: z.boolean({ error: 'må være true eller false' }).default(false),
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
