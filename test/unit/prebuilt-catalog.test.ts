import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prebuiltCatalogText, writeCatalogCommand } from '../../infra/aws/write-catalog.ts';
import { loadCatalog as loadPrebuiltCatalog } from '../../functions/catalog/load-prebuilt-catalog.ts';
import { loadCatalog as loadYamlCatalog } from '../../functions/catalog/load-yaml-catalog.ts';
import { PREBUILT_CATALOG_FILE, PREBUILT_CATALOG_FORMAT, serializeCatalog } from '../../functions/catalog/prebuilt-catalog.ts';
import { ContentError } from '../../functions/catalog/problems.ts';
import { CONTENT_DIR, realCatalog } from './builders.ts';

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'serviceportal-prebuilt-'));
  tempDirs.push(dir);
  return dir;
}

/** A catalog.json as an older or newer build could have written it. */
function writeCatalogFile(contents: unknown): string {
  const dir = tempDir();
  writeFileSync(join(dir, PREBUILT_CATALOG_FILE), JSON.stringify(contents));
  return dir;
}

describe('the prebuilt catalog the Lambda bundles read', () => {
  it('is the catalog loaded from the YAML in content/, unchanged, as the bundling command writes it', () => {
    const dir = join(tempDir(), 'content');

    execFileSync('bash', ['-c', writeCatalogCommand(prebuiltCatalogText(CONTENT_DIR), dir)]);

    expect(loadPrebuiltCatalog(dir)).toStrictEqual(loadYamlCatalog(CONTENT_DIR));
  });

  it('is written byte for byte by the shell, quotes, percent signs and backslashes included', () => {
    const text = `{"note":"Ring 08915 – «det haster», it's 100 % \\n sure"}\n`;
    const dir = tempDir();

    execFileSync('bash', ['-c', writeCatalogCommand(text, dir)]);

    expect(readFileSync(join(dir, PREBUILT_CATALOG_FILE), 'utf8')).toBe(text);
  });

  it('says which format it is in', () => {
    expect(JSON.parse(prebuiltCatalogText(CONTENT_DIR))).toMatchObject({ formatVersion: PREBUILT_CATALOG_FORMAT });
  });

  it('is not made from content with problems: the synth stops with the editor’s file:line messages', () => {
    const content = tempDir();
    writeFileSync(join(content, 'teams.yaml'), 'ikke: [en, liste');

    expect(() => prebuiltCatalogText(content)).toThrow(ContentError);
  });

  it('refuses a catalog that JSON would change, such as one holding a Date', () => {
    const catalog = { ...realCatalog(), routing: { ...realCatalog().routing, validFrom: new Date('2026-11-22T00:00:00Z') } };

    expect(() => serializeCatalog(catalog)).toThrow(/tåler ikke JSON/);
  });

  it('is refused at cold start in another format version, naming the file and both versions', () => {
    const dir = writeCatalogFile({ formatVersion: PREBUILT_CATALOG_FORMAT + 1, catalog: realCatalog() });

    expect(() => loadPrebuiltCatalog(dir)).toThrow(
      `${join(dir, PREBUILT_CATALOG_FILE)} har formatversjon ${PREBUILT_CATALOG_FORMAT + 1}, men funksjonen leser versjon ${PREBUILT_CATALOG_FORMAT}`,
    );
  });

  it('is refused at cold start when a part is missing', () => {
    const { contact: _contact, ...withoutContact } = realCatalog();
    const dir = writeCatalogFile({ formatVersion: PREBUILT_CATALOG_FORMAT, catalog: withoutContact });

    expect(() => loadPrebuiltCatalog(dir)).toThrow(/mangler contact/);
  });
});
