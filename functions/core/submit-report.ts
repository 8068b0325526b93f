import type { Service } from '../catalog/schema.ts';
import type { ReportStore } from './ports.ts';
import { formatReference, referenceCounterScope, referenceYear } from './reference.ts';
import { parseSubmission, type FieldError } from './report-submission.ts';
import type { ServiceId } from './service-ids.ts';
import { newStoredReport } from './stored-report.ts';

export interface SubmitDependencies {
  services: Readonly<Record<ServiceId, Service>>;
  store: ReportStore;
  now: () => Date;
  referencePrefix: string;
  retentionDays: number;
}

export type SubmitResult = { ok: true; reference: string } | { ok: false; errors: FieldError[] };

/** Validates a submission, gives it the next reference and stores it. Routing happens later, from the stream. */
export async function submitReport(input: unknown, deps: SubmitDependencies): Promise<SubmitResult> {
  const parsed = parseSubmission(deps.services, input);
  if (!parsed.ok) return parsed;

  const receivedAt = deps.now();
  const year = referenceYear(receivedAt);
  const sequence = await deps.store.nextSequence(referenceCounterScope(deps.referencePrefix, year));
  const reference = formatReference(deps.referencePrefix, year, sequence);
  await deps.store.insert(newStoredReport(parsed.submission, reference, receivedAt, deps.retentionDays));
  return { ok: true, reference };
}
