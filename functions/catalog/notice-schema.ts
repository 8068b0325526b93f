import { z } from 'zod';
import { SERVICE_IDS } from '../core/service-ids.ts';
import { dateTime } from './dates.ts';

export const NOTICE_SEVERITIES = ['info', 'minor', 'major', 'critical'] as const;
export type NoticeSeverity = (typeof NOTICE_SEVERITIES)[number];

/** A driftsmelding: `content/notices/<name>.md`, front matter below, the text itself as markdown under it. */
export const noticeSchema = z
  .object({
    title: z.string({ error: 'mangler: skriv en kort overskrift' }).min(1, { error: 'kan ikke være tom' }).max(120, { error: 'kan være høyst 120 tegn' }).describe('Kort overskrift, for eksempel «Redusert dekning i Nødnett i Valdres».'),
    services: z.array(z.enum(SERVICE_IDS, { error: `må være en av: ${SERVICE_IDS.join(', ')}` }), { error: 'må være en liste, for eksempel [radio]' }).min(1, { error: 'må ha minst én tjeneste' }).describe('Tjenestene som er berørt.'),
    severity: z.enum(NOTICE_SEVERITIES, { error: `må være en av: ${NOTICE_SEVERITIES.join(', ')}` }).describe('info (til orientering), minor (liten), major (stor) eller critical (kritisk).'),
    start: dateTime.describe('Når meldingen gjelder fra, med tidssone: 2026-11-22T08:00+01:00.'),
    expectedEnd: dateTime.describe('Når vi venter at det er over. Meldingen vises ikke lenger etter dette tidspunktet.'),
    draft: z.boolean({ error: 'må være true eller false' }).default(false).describe('Utkast publiseres aldri.'),
  }, { error: 'øverst i filen må det stå title, services, severity, start og expectedEnd mellom to linjer med ---' })
  .superRefine((notice, ctx) => {
    if (notice.expectedEnd <= notice.start) {
      ctx.addIssue({ code: 'custom', path: ['expectedEnd'], message: 'må være etter start' });
    }
  });
export type Notice = z.infer<typeof noticeSchema>;

/** Active from `start` up to, not including, `expectedEnd`. */
export function isActive(notice: Pick<Notice, 'start' | 'expectedEnd'>, now: Date): boolean {
  return notice.start <= now && now < notice.expectedEnd;
}
