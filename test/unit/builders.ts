import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { journeysOf } from '../../functions/core/build-journey.ts';
import { loadCatalog, type Catalog } from '../../functions/catalog/load-catalog.ts';
import type { Journey } from '../../functions/core/journey.ts';
import { priorityOf } from '../../functions/core/priority.ts';
import { parseSubmission, type ReportSubmission } from '../../functions/core/report-submission.ts';
import type { ServiceId } from '../../functions/core/service-ids.ts';
import { newStoredReport, type StoredReport } from '../../functions/core/stored-report.ts';

export const CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

let catalog: Catalog | undefined;
let journeys: Record<ServiceId, Journey> | undefined;

/** The real editor content from content/, loaded once. */
export function realCatalog(): Catalog {
  catalog ??= loadCatalog(CONTENT_DIR);
  return catalog;
}

/** Every service's journey from the real content, built once. */
export function realJourneys(): Record<ServiceId, Journey> {
  journeys ??= journeysOf(realCatalog());
  return journeys;
}

/** A fresh copy of a submission fixture in test/fixtures/submissions/, as a client would post it. */
export function submissionFixture(name: 'iccs-valid' | 'radio-valid'): Record<string, unknown> & {
  answers: Record<string, unknown>;
  contact: Record<string, unknown>;
} {
  return JSON.parse(readFileSync(new URL(`../fixtures/submissions/${name}.json`, import.meta.url), 'utf8'));
}

/** A validated submission, ready for the parts of the domain that come after parsing. */
export function validSubmission(name: 'iccs-valid' | 'radio-valid' = 'iccs-valid', changes: Partial<ReportSubmission> = {}): ReportSubmission {
  const parsed = parseSubmission(realJourneys(), submissionFixture(name));
  if (!parsed.ok) throw new Error(`Fixture ${name} is not valid: ${JSON.stringify(parsed.errors)}`);
  return { ...parsed.submission, ...changes };
}

/** A stored report, as the router finds it in the table. */
export function storedReport(changes: Partial<StoredReport> = {}, submission: ReportSubmission = validSubmission()): StoredReport {
  const stored = newStoredReport({
    submission,
    reference: 'HDO-2026-000001',
    priority: priorityOf(realCatalog().priority, submission),
    statusToken: 'status-token-for-tests',
    receivedAt: new Date('2026-03-05T12:00:00Z'),
    retentionDays: 90,
  });
  return { ...stored, ...changes };
}
