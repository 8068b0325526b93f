import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../../../functions/catalog/check-content.ts';
import type { ContentProblem } from '../../../functions/catalog/problems.ts';

let last: { signature: string; problems: ContentProblem[] } | undefined;

/**
 * What is wrong in content/ now, for the dev server's pages (ContentProblems.astro). The full check reads and
 * parses every file; looking at their names, sizes and times is far cheaper, so it runs again only when a file
 * was saved, added or removed since the last page.
 */
export function currentContentProblems(contentDir: string): ContentProblem[] {
  const signature = filesSignature(contentDir);
  if (last?.signature !== signature) last = { signature, problems: checkContent(contentDir).problems };
  return last.problems;
}

function filesSignature(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stats = statSync(join(dir, name));
      return `${name}:${stats.size}:${stats.mtimeMs}`;
    })
    .join('\n');
}
