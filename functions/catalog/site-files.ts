import { statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether the site serves a file at a path such as `/bilder/kart.png` (no ?query or #fragment): Astro serves
 * site/public as it is, at the site's root. Worked out from this module's own place when asked (only content checks
 * ask, run from source), so a bundle that merely loads the module never reads the disk.
 */
export function siteServesFile(path: string): boolean {
  const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'site', 'public');
  // normalize on a rooted path cannot climb above the root, so the file is always inside site/public.
  const file = posix.normalize(decoded(path));
  return statSync(join(publicDir, ...file.split('/')), { throwIfNoEntry: false })?.isFile() ?? false;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // A broken %-escape names no file; keeping it as written makes it one that does not exist.
    return path;
  }
}
