import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportSubmission } from '../../functions/core/report-submission.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';

export function jsonFixture<T = Record<string, unknown>>(relativePath: string): T {
  return JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'test', 'fixtures', relativePath), 'utf8')) as T;
}

/** The same report as an HTML form would post it: nested fields become dotted names. */
export function asFormBody(report: object, prefix = ''): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(report)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      for (const [nestedName, nestedValue] of asFormBody(value, name)) params.append(nestedName, nestedValue);
    } else {
      params.append(name, String(value));
    }
  }
  return params;
}

/** A valid ICCS fault report as the wizard posts it (test/fixtures/requests/iccs-report.json). */
export function iccsReport(): ReportSubmission {
  return jsonFixture<ReportSubmission>('requests/iccs-report.json');
}
