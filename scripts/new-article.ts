import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPOSITORY_ROOT } from '../infra/repository.ts';
import { slugify } from './slugify.ts';

/** `npm run new:article -- "Tittel"`: a valid draft article with today's date, ready to write in. */
const title = process.argv.slice(2).join(' ').trim();
if (!title) {
  console.error('Skriv tittelen etter --, for eksempel: npm run new:article -- "Bytte batteri i radioterminalen"');
  process.exit(1);
}
const slug = slugify(title);
const file = join(process.env.CONTENT_DIR ?? join(REPOSITORY_ROOT, 'content'), 'articles', `${slug}.md`);
if (existsSync(file)) {
  console.error(`${relative(process.cwd(), file)} finnes allerede. Velg en annen tittel, eller rediger filen som finnes.`);
  process.exit(1);
}
const today = new Date().toISOString().slice(0, 10);
writeFileSync(
  file,
  `---
title: ${JSON.stringify(title)}
summary: Skriv én til to setninger om hva leseren får vite her.
services: []
tags: []
updated: ${today}
draft: true
---

Skriv innledningen her.

## Første mellomtittel

Tekst.
`,
);
console.log(`Laget ${relative(process.cwd(), file)} som utkast (draft: true).
Fyll inn summary og services, skriv teksten, og fjern «draft: true» når artikkelen skal publiseres.
Sjekk med: npm run check:content`);
