import { spawnSync } from 'node:child_process';

export interface Measurement {
  seconds: number;
  peakMegabytes: number;
  /** User plus system CPU time of every process: moves less than wall clock when other jobs share the cores. */
  cpuSeconds?: number;
}

/**
 * Runs a shell command under GNU time and reads wall-clock time and the largest resident set of any process it
 * started (astro and pagefind run one after the other, so that is the peak).
 */
export function measure(command: string, options: { cwd: string; env: NodeJS.ProcessEnv }): Measurement {
  const result = spawnSync('/usr/bin/time', ['-v', 'sh', '-c', command], {
    cwd: options.cwd,
    env: options.env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`«${command}» feilet (${result.status}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-4000)}`);
  }
  const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)/.exec(result.stderr)?.[1] ?? '0:0';
  const peakKilobytes = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1] ?? 0);
  const seconds = elapsed.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  const cpuSeconds = ['User', 'System'].reduce(
    (total, kind) => total + Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(result.stderr)?.[1] ?? 0),
    0,
  );
  return { seconds, peakMegabytes: Math.round(peakKilobytes / 1024), cpuSeconds };
}
