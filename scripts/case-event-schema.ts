import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toJSONSchema } from 'zod/v4/core';
import { CASE_EVENT_SCHEMA, caseEventSchema } from '../functions/core/case-event-schema.ts';
import { REPOSITORY_ROOT } from '../infra/repository.ts';

/**
 * `npm run schema`: writes docs/case-event.schema.json, the JSON Schema of the case events the portal publishes,
 * generated from their zod schema (functions/core/case-event-schema.ts), so the document a desk reads cannot drift from
 * what is sent. `npm run schema -- --check` only says whether the committed file is current (a test does the same).
 */

export const CASE_EVENT_SCHEMA_FILE = join(REPOSITORY_ROOT, 'docs', 'case-event.schema.json');

/** The JSON Schema text, as committed: draft 2020-12, with the version as its id, two-space indented. */
export function caseEventJsonSchema(): string {
  const generated = toJSONSchema(caseEventSchema, { target: 'draft-2020-12', io: 'output' });
  const { $schema, ...rest } = generated;
  return `${JSON.stringify({ $schema, $id: `https://serviceportal.example/schemas/${CASE_EVENT_SCHEMA}.json`, title: CASE_EVENT_SCHEMA, ...rest }, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = caseEventJsonSchema();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(CASE_EVENT_SCHEMA_FILE, 'utf8');
    } catch {
      // Missing counts as out of date.
    }
    if (current !== text) {
      console.error('docs/case-event.schema.json er ikke oppdatert: kjør «npm run schema».');
      process.exitCode = 1;
    } else {
      console.log('docs/case-event.schema.json er oppdatert.');
    }
  } else {
    writeFileSync(CASE_EVENT_SCHEMA_FILE, text);
    console.log('Skrev docs/case-event.schema.json.');
  }
}
