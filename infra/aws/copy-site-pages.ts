import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_TEMPLATE_PATHS } from '../../functions/core/page-paths.ts';

/**
 * `node infra/aws/copy-site-pages.ts <built site> <target dir>`: copies the pages the API fills in for browsers
 * without JavaScript (functions/core/page-paths.ts) from the built site into a function's bundle. Run by the
 * bundling (portal-function.ts); a site that is not built stops the synth with a message saying what to do.
 */
export function copySitePages(siteDir: string, targetDir: string): void {
  for (const path of Object.values(PAGE_TEMPLATE_PATHS)) {
    const file = join(siteDir, ...path.split('/').filter(Boolean), 'index.html');
    if (!existsSync(file)) throw new Error(`${file} mangler: bygg nettstedet først (npm run build), så funksjonene får sidene de fyller ut.`);
    cpSync(file, join(targetDir, ...path.split('/').filter(Boolean), 'index.html'));
  }
}

if (import.meta.main) {
  const [siteDir, targetDir] = process.argv.slice(2);
  if (!siteDir || !targetDir) {
    console.error('Bruk: node infra/aws/copy-site-pages.ts <bygget-nettsted> <målmappe>');
    process.exit(2);
  }
  try {
    copySitePages(siteDir, targetDir);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
