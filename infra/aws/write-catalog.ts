import { join } from 'node:path';
import { loadCatalog } from '../../functions/catalog/load-yaml-catalog.ts';
import { PREBUILT_CATALOG_FILE, serializeCatalog } from '../../functions/catalog/prebuilt-catalog.ts';
import { shellWord } from './shell-word.ts';

/**
 * catalog.json, the one file a Lambda bundle reads the catalog from: `content/` validated as the local wiring loads
 * it, and serialized. Content with problems throws the ContentError with the editor's file:line messages, which
 * stops the synth (app.ts prints them).
 */
export function prebuiltCatalogText(contentDir: string): string {
  return serializeCatalog(loadCatalog(contentDir));
}

/**
 * The shell command the bundling runs to put that text into a bundle's `targetDir`. The text is made in the synth's
 * own process; a Node process per function to make it took 0.6 s each, ten per synth.
 */
export function writeCatalogCommand(text: string, targetDir: string): string {
  return `mkdir -p ${shellWord(targetDir)} && printf '%s' ${shellWord(text)} > ${shellWord(join(targetDir, PREBUILT_CATALOG_FILE))}`;
}
