import { spawn } from 'node:child_process';

/**
 * `npm test`: every check the README lists, in stages of npm scripts that run side by side. Most of these tools use
 * one core, and these machines have two. Each stage waits for the one before it; a failure stops the run after its
 * stage. The stages are ordered by what each step writes and reads: `astro build` and `astro check` rewrite
 * `site/.astro/` (the content types), so nothing that reads those types runs beside them, and the system tests
 * need the built site.
 */
const STAGES: readonly (readonly string[])[] = [
  // The unit tests read neither the built site nor its generated types.
  ['build', 'test:unit'],
  // The first two read site/.astro/ as the build left it; none of the three writes it (oxfmt leaves it out).
  ['typecheck:ts', 'lint:ts', 'lint:format'],
  // dependency-cruiser reads the code, not site/.astro/.
  ['lint:astro', 'lint:deps'],
  ['test:system'],
];

interface Outcome {
  script: string;
  code: number;
  output: string;
  seconds: number;
}

/**
 * Runs one npm script. Beside another, its output is kept until it is done, so two scripts' lines never
 * interleave; alone, it writes as it goes.
 */
function run(script: string, alone: boolean): Promise<Outcome> {
  const started = performance.now();
  if (alone) process.stdout.write(`\n> npm run ${script}\n`);
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], {
      stdio: alone ? 'inherit' : 'pipe',
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', (code) =>
      resolve({ script, code: code ?? 1, output: Buffer.concat(chunks).toString('utf8'), seconds: (performance.now() - started) / 1000 }),
    );
  });
}

for (const stage of STAGES) {
  const outcomes = await Promise.all(stage.map((script) => run(script, stage.length === 1)));
  for (const outcome of outcomes) {
    const heading = `npm run ${outcome.script}  (${outcome.seconds.toFixed(1)} s${outcome.code === 0 ? '' : `, exit ${outcome.code}`})`;
    process.stdout.write(stage.length === 1 ? `\n< ${heading}\n` : `\n> ${heading}\n${outcome.output}`);
  }
  const failed = outcomes.filter((outcome) => outcome.code !== 0);
  if (failed.length > 0) {
    console.error(`\nnpm test stoppet: ${failed.map((outcome) => `«npm run ${outcome.script}»`).join(' og ')} feilet (se over).`);
    process.exit(1);
  }
}
