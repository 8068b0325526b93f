import type { BenchResults } from './results.ts';

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The targets, checked against one run's figures. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const article = results.pages.find((page) => page.type === 'artikkel');
  if (article) checks.push({ target: 'Artikkelsider: 0 kB JS', measured: kb(article.js), met: article.js === 0 });
  const wizard = results.pages.find((page) => page.type === 'skjema (steg)');
  if (wizard) checks.push({ target: 'Skjemaet: JS ≤ 20 kB gz', measured: kb(wizard.js), met: wizard.js <= 20 * 1024 });
  for (const page of results.lighthouse) {
    const scores = [page.performance, page.accessibility, page.bestPractices, page.seo];
    checks.push({ target: `Lighthouse 100 × 4: ${page.path}`, measured: scores.join(' / '), met: scores.every((score) => score === 100) });
  }
  for (const build of results.builds) {
    checks.push({ target: `Bygging ≤ 1,2 × bar Astro (${build.articles} artikler)`, measured: `${build.timeRatio.toFixed(2)} ×`, met: build.timeRatio <= 1.2 });
  }
  for (const api of results.api) {
    checks.push({ target: `Lokalt API: p99 ≤ 50 ms (${api.connections} forb.)`, measured: `${api.p99.toFixed(1)} ms ved ${api.throughput.toFixed(0)} svar/s`, met: api.p99 <= 50 });
  }
  for (const bundle of results.bundles) {
    checks.push({ target: `Lambda-pakke ≤ 300 kB: ${bundle.handler}`, measured: kb(bundle.bytes), met: bundle.bytes <= 300 * 1024 });
  }
  return checks;
}
