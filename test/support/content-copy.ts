import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';

export const CONTENT_DIR = join(REPOSITORY_ROOT, 'content');
export const CONTENT_FIXTURES = join(REPOSITORY_ROOT, 'test', 'fixtures', 'content');

/** A throw-away copy of the real content/ with test/fixtures/content/<fixture>/ laid over it. */
export function contentWith(fixture?: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'serviceportal-content-'));
  cpSync(CONTENT_DIR, dir, { recursive: true });
  if (fixture) {
    const overlay = join(CONTENT_FIXTURES, fixture);
    if (!existsSync(overlay)) throw new Error(`No fixture ${overlay}`);
    cpSync(overlay, dir, { recursive: true });
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
