import { join } from 'node:path';
import { PAGE_TEMPLATE_PATHS } from '../../functions/core/page-paths.ts';
import { shellWord } from './shell-word.ts';

/**
 * The shell command the bundling runs to copy the pages the API fills in for browsers without JavaScript
 * (functions/core/page-paths.ts) from the built site into a function's bundle. A page that is not there stops the
 * bundling, and so the synth, with a message saying what to do. That check is part of the command, not made when
 * CDK asks for the command: CDK asks at every synth, also one that bundles nothing and needs no built site.
 */
export function copySitePagesCommand(siteDir: string, targetDir: string): string {
  return Object.values(PAGE_TEMPLATE_PATHS)
    .map((path) => {
      const parts = path.split('/').filter(Boolean);
      const from = join(siteDir, ...parts, 'index.html');
      const to = join(targetDir, ...parts);
      const missing = `${from} mangler: bygg nettstedet først (npm run build), så funksjonene får sidene de fyller ut.`;
      return `{ [ -f ${shellWord(from)} ] || { printf '%s\\n' ${shellWord(missing)} >&2; exit 1; }; } && mkdir -p ${shellWord(to)} && cp ${shellWord(from)} ${shellWord(to)}/index.html`;
    })
    .join(' && ');
}
