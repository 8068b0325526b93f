import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_TEMPLATE_PATHS, type PageTemplates } from '../core/page-paths.ts';
import { entriesOf } from '../vocabulary/records.ts';

/**
 * Reads the pages the API answers a browser without JavaScript with (core/page-paths.ts), from the built site: a
 * copy in the function's bundle on AWS (infra/aws/portal-function.ts), site/dist locally. Read once, at cold start.
 * A page that is not there is left out and named in `missing`, for the handler to log: the API then answers with a
 * plain page, so nothing is lost.
 */
export function loadPageTemplates(pagesDir: string): { templates: PageTemplates; missing: string[] } {
  const templates: PageTemplates = {};
  const missing: string[] = [];
  for (const [name, path] of entriesOf(PAGE_TEMPLATE_PATHS)) {
    const file = join(pagesDir, ...path.split('/').filter(Boolean), 'index.html');
    try {
      templates[name] = readFileSync(file, 'utf8');
    } catch {
      missing.push(file);
    }
  }
  return { templates, missing };
}
