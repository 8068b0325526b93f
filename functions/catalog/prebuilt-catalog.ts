import { isDeepStrictEqual } from 'node:util';
import type { Catalog } from '../core/catalog-shape.ts';

/**
 * The catalog as a Lambda bundle carries it: validated from `content/` when the bundle is built, and read at cold
 * start without the YAML parser and the content schemas. It leaves the build, so it says which format it is in.
 */
export const PREBUILT_CATALOG_FILE = 'catalog.json';
/** Bump when the file's shape changes; a reader refuses any other version rather than guess. */
export const PREBUILT_CATALOG_FORMAT = 3;

interface PrebuiltCatalogFile {
  formatVersion: typeof PREBUILT_CATALOG_FORMAT;
  catalog: Catalog;
}

const CATALOG_PARTS = ['services', 'form', 'priority', 'teams', 'routing', 'contact', 'caseStates', 'escalation'] as const satisfies readonly (keyof Catalog)[];

/**
 * Refuses a catalog that JSON would change (a Date, Map, Set or undefined field in a later schema), so the
 * functions never read something other than what was validated.
 */
export function serializeCatalog(catalog: Catalog): string {
  const file: PrebuiltCatalogFile = { formatVersion: PREBUILT_CATALOG_FORMAT, catalog };
  const text = JSON.stringify(file);
  if (!isDeepStrictEqual(JSON.parse(text), file)) {
    throw new Error('Katalogen tåler ikke JSON uendret (inneholder den Date, Map, Set eller undefined?): tilpass prebuilt-catalog.ts før den kan bygges inn.');
  }
  return text;
}

/**
 * The catalog a function was bundled with. Not validated again here: the whole catalog was, by the content schemas,
 * when the bundle was built (serializeCatalog), and those schemas stay out of the bundle; what is checked is that
 * the file is in the format this code reads and has every part.
 */
export function parsePrebuiltCatalog(text: string, file: string): Catalog {
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- checked below as far as it can go wrong
  const parsed = JSON.parse(text) as Partial<PrebuiltCatalogFile> | null;
  if (parsed?.formatVersion !== PREBUILT_CATALOG_FORMAT) {
    throw new Error(
      `${file} har formatversjon ${String(parsed?.formatVersion)}, men funksjonen leser versjon ${PREBUILT_CATALOG_FORMAT}: bygg og publiser funksjonen på nytt.`,
    );
  }
  const missing = CATALOG_PARTS.filter((part) => typeof parsed.catalog?.[part] !== 'object' || parsed.catalog[part] === null);
  if (missing.length > 0) throw new Error(`${file} mangler ${missing.join(', ')}: bygg og publiser funksjonen på nytt.`);
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- validated when bundled (see above)
  return parsed.catalog as Catalog;
}
