import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { $ZodType } from 'zod/v4/core';
import { caseStatesSchema } from '../functions/catalog/case-states-schema.ts';
import { deskContactSchema } from '../functions/catalog/contact-schema.ts';
import { escalationSchema } from '../functions/catalog/escalation-schema.ts';
import { formSchema } from '../functions/catalog/form-schema.ts';
import { noticeSchema } from '../functions/catalog/notice-schema.ts';
import { prioritySchema } from '../functions/catalog/priority-schema.ts';
import { routingSchema } from '../functions/catalog/routing-schema.ts';
import { articleSchema, serviceSchema, teamsFileSchema } from '../functions/catalog/schema.ts';
import { REPOSITORY_ROOT } from '../infra/repository.ts';
import { fieldTable } from './field-table.ts';

/**
 * `npm run docs:content`: writes the field table of each kind of content file into CONTENT.md, between
 * `<!-- felt:<navn> start -->` and `<!-- felt:<navn> slutt -->`, from the content schemas' describe() texts, so
 * the guide cannot drift from what `check:content` accepts. `npm run docs:content -- --check` only says whether
 * CONTENT.md is current (a test does the same).
 */

export const CONTENT_GUIDE = join(REPOSITORY_ROOT, 'CONTENT.md');

export interface ContentType {
  /** The region's name in CONTENT.md. */
  region: string;
  /** Where such files are in the repository, as a path or the start of one. */
  files: string;
  schema: $ZodType;
}

export const CONTENT_TYPES: readonly ContentType[] = [
  { region: 'artikkel', files: 'content/articles/', schema: articleSchema },
  { region: 'driftsmelding', files: 'content/notices/', schema: noticeSchema },
  { region: 'tjeneste', files: 'content/services/', schema: serviceSchema },
  { region: 'team', files: 'content/teams.yaml', schema: teamsFileSchema },
  { region: 'ruting', files: 'content/routing.yaml', schema: routingSchema },
  { region: 'kontakt', files: 'content/contact.yaml', schema: deskContactSchema },
  { region: 'prioritet', files: 'content/priority.yaml', schema: prioritySchema },
  { region: 'eskalering', files: 'content/escalation.yaml', schema: escalationSchema },
  { region: 'skjema', files: 'content/form.yaml', schema: formSchema },
  { region: 'saksgang', files: 'content/case-states.yaml', schema: caseStatesSchema },
];

const NOTE = '<!-- Lages av «npm run docs:content» fra describe()-tekstene i skjemaene i functions/catalog/. Endre tekstene der, ikke her. -->';

/** The guide with every region's table as the schemas give it now; everything outside the regions is kept. */
export function withFieldTables(guide: string, types: readonly ContentType[] = CONTENT_TYPES): string {
  return types.reduce((text, type) => {
    const start = `<!-- felt:${type.region} start -->`;
    const end = `<!-- felt:${type.region} slutt -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end, from);
    if (from < 0 || to < 0) throw new Error(`CONTENT.md mangler området for ${type.files}: skriv ${start} og ${end} på hver sin linje der tabellen skal stå`);
    return `${text.slice(0, from + start.length)}\n${NOTE}\n\n${fieldTable(type.schema)}\n\n${text.slice(to)}`;
  }, guide);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const current = readFileSync(CONTENT_GUIDE, 'utf8');
  const generated = withFieldTables(current);
  if (process.argv.includes('--check')) {
    if (generated !== current) {
      console.error('Felttabellene i CONTENT.md er ikke oppdatert: kjør «npm run docs:content».');
      process.exitCode = 1;
    } else {
      console.log('Felttabellene i CONTENT.md er oppdatert.');
    }
  } else {
    writeFileSync(CONTENT_GUIDE, generated);
    console.log(`Skrev ${CONTENT_TYPES.length} felttabeller i CONTENT.md.`);
  }
}
