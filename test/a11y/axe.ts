import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';

const AXE_SCRIPT = join(REPOSITORY_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** The WCAG levels the portal promises: 2.0 A and AA, 2.1 AA and 2.2 AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] as const;

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * Loads axe-core into every page the context opens from now on, as the page starts, instead of sending its 0.5 MB
 * into each page after it loaded: for a pass over many pages that halves what each costs (about 0.43 s of 0.77 s
 * per page on a quiet machine was the injection). It only defines `window.axe`; the audit still runs after the
 * page's own scripts. It comes in through the browser's debugging protocol, which a page's Content-Security-Policy
 * does not govern; the fallback in `axeViolations`, a script tag, needs `bypassCSP` on such a page.
 */
export async function loadAxeInEveryPage(context: BrowserContext): Promise<void> {
  await context.addInitScript({ path: AXE_SCRIPT });
}

/** Runs axe-core in the page as it is now (after its scripts ran) and returns the violations, one per rule. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function');
  if (!loaded) await page.addScriptTag({ path: AXE_SCRIPT });
  const result = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    [...WCAG_TAGS],
  );
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
  }));
}

/** One line per violation, readable in a test failure. */
export function describeViolations(path: string, violations: readonly Violation[]): string {
  return violations.map((v) => `${path}: ${v.id} (${v.impact ?? 'ukjent'}) ${v.help} → ${v.targets.slice(0, 5).join(', ')}`).join('\n');
}

/** What an audit of the page as it is now finds: `reflow` if it scrolls sideways, then each axe rule it breaks. */
export async function auditPage(page: Page): Promise<string[]> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  return [...(overflow ? ['reflow'] : []), ...(await axeViolations(page)).map((violation) => violation.id)];
}
