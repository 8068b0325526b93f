import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadCatalog } from './catalog.ts';
import { parsePrebuiltCatalog, PREBUILT_CATALOG_FILE } from './prebuilt-catalog.ts';

/** The Lambda bundles' loader (see load-catalog.ts): `<contentDir>/catalog.json`, validated when the bundle was built. */
export const loadCatalog: LoadCatalog = (contentDir) => {
  const file = join(contentDir, PREBUILT_CATALOG_FILE);
  return parsePrebuiltCatalog(readFileSync(file, 'utf8'), file);
};
