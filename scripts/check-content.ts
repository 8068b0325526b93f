import { join } from 'node:path';
import { checkContent } from '../functions/catalog/check-content.ts';
import { problemReport } from '../functions/catalog/problems.ts';
import { REPOSITORY_ROOT } from '../infra/repository.ts';

/** `npm run check:content [content-dir]`: every problem in content/, one per line, or a short all-clear. */
const contentDir = process.argv[2] ?? join(REPOSITORY_ROOT, 'content');
const report = checkContent(contentDir);

if (report.problems.length > 0) {
  console.error(problemReport(report.problems));
  process.exitCode = 1;
} else {
  const published = report.articles.filter((entry) => !entry.data.draft).length;
  const drafts = report.articles.length - published;
  console.log(
    `Innholdet er i orden: ${published} artikler (${drafts} utkast), ${report.notices.length} driftsmeldinger, ${Object.keys(report.catalog?.services ?? {}).length} tjenester, kontaktdata.`,
  );
}
