import * as z from 'zod/mini';
import { PRIORITIES } from './priority.ts';
import { REFERENCE_PATTERN } from './reference.ts';
import { ACTORS, CASE_STATES } from './report-life.ts';

/**
 * The case event as it leaves the system (case-events.ts publishes it): its own module, because the ports
 * (ports.ts) name it and case-events.ts uses the ports.
 */

/** The payload's version: a consumer reads `schema` before anything else. A new shape gets a new version. */
export const CASE_EVENT_SCHEMA = 'serviceportal.case-event.v1';
/** EventBridge's `source` and `detail-type`, and the JSONL outbox's lines, carry this payload as it is. */
export const CASE_EVENT_SOURCE = 'serviceportal';
export const CASE_EVENT_DETAIL_TYPE = 'Serviceportal case event';
export const CASE_EVENT_TYPES = ['report.received', 'report.state-changed', 'report.escalation-requested'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description)) as T;

/**
 * A case event as it leaves the system. Never what the reporter wrote (summary, description, answers, contact):
 * the case system fetches nothing from it that is not already the desk's. docs/case-event.schema.json is generated
 * from this (npm run schema), and a test holds the two together.
 */
export const caseEventSchema = described(
  z.object({
    schema: described(z.literal(CASE_EVENT_SCHEMA), 'Versjonen av denne formen. Les den først; en ny form får en ny versjon.'),
    id: described(
      z.string().check(z.regex(/^[\w.:-]{8,100}$/)),
      'Hendelsens id, unik per melding og hendelse. Samme id sendt igjen er samme hendelse: lagre den bare én gang.',
    ),
    type: described(
      z.enum(CASE_EVENT_TYPES),
      'report.received: ny melding; report.state-changed: saken har fått ny tilstand; report.escalation-requested: den som meldte ber om eskalering.',
    ),
    reference: described(z.string().check(z.regex(REFERENCE_PATTERN)), 'Meldingens referanse, for eksempel HDO-2026-000123.'),
    serviceId: described(z.string(), 'Tjenestens nøkkel i Serviceportalen (content/services/<id>.yaml).'),
    category: described(z.string(), 'Tjenestens navn: saksbehandlingssystemets kategori.'),
    escalatesTo: described(z.string(), 'Produktteamet kategorien eskaleres til (2. linje).'),
    priority: described(z.enum(PRIORITIES), 'Prioriteten skjemaet foreslo (Servicedesk avgjør den).'),
    state: described(z.enum(CASE_STATES), 'Sakens tilstand etter hendelsen (ved escalation-requested: tilstanden da det ble bedt om).'),
    at: described(z.iso.datetime(), 'Når hendelsen skjedde (ISO 8601, UTC).'),
    actor: described(z.enum(ACTORS), 'Hvem som gjorde det: desk, team, caseSystem, reporter eller portal.'),
    message: z.optional(described(z.string().check(z.maxLength(500)), 'Servicedesks korte melding, om det var en. Aldri det den som meldte skrev.')),
  }),
  'En hendelse i en meldings liv i Serviceportalen, slik den sendes ut til Servicedesks saksbehandlingssystem.',
);
export type CaseEvent = z.infer<typeof caseEventSchema>;
