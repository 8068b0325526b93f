import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../functions/catalog/load-yaml-catalog.ts';
import { PREBUILT_CATALOG_FILE, serializeCatalog } from '../../functions/catalog/prebuilt-catalog.ts';
import { ContentError } from '../../functions/catalog/problems.ts';

/**
 * `node infra/aws/write-catalog.ts <content dir> <target dir>`: validates `content/` as the local wiring does and
 * writes the one catalog.json a Lambda bundle reads. Run by the bundling (portal-function.ts); a content problem
 * stops the synth with the same file:line messages as `npm run check:content`.
 */
export function writePrebuiltCatalog(contentDir: string, targetDir: string): string {
  const file = join(targetDir, PREBUILT_CATALOG_FILE);
  mkdirSync(targetDir, { recursive: true });
  writeFileSync(file, serializeCatalog(loadCatalog(contentDir)));
  return file;
}

if (import.meta.main) {
  const [contentDir, targetDir] = process.argv.slice(2);
  if (!contentDir || !targetDir) {
    console.error('Bruk: node infra/aws/write-catalog.ts <content-mappe> <målmappe>');
    process.exit(2);
  }
  try {
    writePrebuiltCatalog(contentDir, targetDir);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
