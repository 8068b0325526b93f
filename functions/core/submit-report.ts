import type { Service } from '../catalog/schema.ts';
import type { ReportStore } from './ports.ts';
import { priorityOf, type Priority } from './priority.ts';
import { formatReference, referenceCounterScope, referenceYear } from './reference.ts';
import { parseSubmission, type FieldError, type ReportSubmission } from './report-submission.ts';
import type { ServiceId } from './service-ids.ts';
import { newStoredReport } from './stored-report.ts';

export interface SubmitDependencies {
  services: Readonly<Record<ServiceId, Service>>;
  store: ReportStore;
  now: () => Date;
  newStatusToken: () => string;
  referencePrefix: string;
  retentionDays: number;
}

export type SubmitResult =
  | { ok: true; reference: string; priority: Priority; statusToken: string }
  | { ok: false; errors: FieldError[] };

/** Questions, orders and change requests have no impact answers: the desk sets their priority by hand if needed. */
export function priorityOfSubmission(submission: ReportSubmission): Priority {
  return submission.impact ? priorityOf(submission.impact) : 'P4';
}

/** Validates a submission, gives it the next reference and stores it. Routing happens later, from the stream. */
export async function submitReport(input: unknown, deps: SubmitDependencies): Promise<SubmitResult> {
  const parsed = parseSubmission(deps.services, input);
  if (!parsed.ok) return parsed;

  const receivedAt = deps.now();
  const year = referenceYear(receivedAt);
  const sequence = await deps.store.nextSequence(referenceCounterScope(deps.referencePrefix, year));
  const reference = formatReference(deps.referencePrefix, year, sequence);
  const priority = priorityOfSubmission(parsed.submission);
  const statusToken = deps.newStatusToken();
  await deps.store.insert(
    newStoredReport({ submission: parsed.submission, reference, priority, statusToken, receivedAt, retentionDays: deps.retentionDays }),
  );
  return { ok: true, reference, priority, statusToken };
}

export function statusPath(reference: string, statusToken: string): string {
  return `/meld-feil/status/?${new URLSearchParams({ referanse: reference, token: statusToken })}`;
}
