import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_IDS } from '../functions/core/service-ids.ts';

const WORDS =
  'radio terminal talegruppe dekning operatørplass kontrollrom lydlogg opptak telefoni reserve statistikk rapport video kamera batteri melding feil sjekk tjeneste beredskap'.split(
    ' ',
  );

function sentence(seed: number, length: number): string {
  const words = Array.from({ length }, (_, index) => WORDS[(seed * 7 + index * 13) % WORDS.length]);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The id (file name and address) of the `index`th generated article. */
export const syntheticArticleId = (index: number) => `artikkel-${String(index).padStart(5, '0')}`;

/** One article in the shape editors write: front matter, headings, a list, a table, a callout and internal links. */
function article(index: number, count: number): string {
  const service = SERVICE_IDS[index % SERVICE_IDS.length];
  const related = syntheticArticleId((index + 1) % count);
  const paragraphs = Array.from({ length: 4 }, (_, p) => sentence(index + p, 24)).join('\n\n');
  return `---
title: Syntetisk artikkel ${index} om ${service}
summary: ${sentence(index, 14)}
services: [${service}]
tags: [test, ${WORDS[index % WORDS.length]}]
updated: 2026-11-22
related: [${related}]
---

${paragraphs}

## Sjekk dette først

1. ${sentence(index + 1, 8)}
2. ${sentence(index + 2, 8)}
3. ${sentence(index + 3, 8)}

:::info
${sentence(index + 4, 12)}
:::

## Hvem gjør hva

| Hva | Hvem |
| --- | --- |
| Første linje | Servicedesk |
| Andre linje | Team ${service} |

Se også [neste artikkel](/artikler/${related}/) og [kontaktsiden](/kontakt/).
`;
}

/** A content/ folder with the real services, teams and contact data and `count` generated articles. */
export function writeSyntheticContent(realContent: string, target: string, count: number): void {
  rmSync(target, { recursive: true, force: true });
  cpSync(realContent, target, { recursive: true });
  rmSync(join(target, 'articles'), { recursive: true, force: true });
  mkdirSync(join(target, 'articles'));
  for (let index = 0; index < count; index++) {
    writeFileSync(join(target, 'articles', `${syntheticArticleId(index)}.md`), article(index, count));
  }
}
