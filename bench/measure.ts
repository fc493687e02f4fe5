/**
 * What every bench shares: one process timed with its peak RSS (GNU time's maxRSS when the
 * machine has /usr/bin/time), A/B alternation, medians and the ratio line against a target.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface ProcessRun {
  ms: number;
  /** Peak resident set of the process in bytes (0 when it cannot be read here). */
  peakRss: number;
  code: number | null;
  stderr: string;
  /** What it printed, when asked for (`captureStdout`); else empty. */
  stdout: string;
}

const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a command to its end; its output is discarded unless `captureStdout`. */
export function runProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  options: { captureStdout?: boolean } = {},
): Promise<ProcessRun> {
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%M pma-maxrss-kb', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(file, argv, { stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'pipe'], env });
    let stderr = '';
    let stdout = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      const match = /(\d+) pma-maxrss-kb\s*$/.exec(stderr);
      resolve({ ms, peakRss: match ? Number(match[1]) * 1024 : 0, code, stderr: stderr.replace(/\d+ pma-maxrss-kb\s*$/, ''), stdout });
    });
  });
}

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs each variant `rounds` times, alternating A, B, A, B … so load changes hit both alike. */
export async function alternate<T>(rounds: number, variants: Record<string, () => Promise<T>>): Promise<Record<string, T[]>> {
  const results: Record<string, T[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let round = 0; round < rounds; round++) {
    const order = Object.keys(variants);
    if (round % 2 === 1) order.reverse();
    for (const name of order) results[name].push(await variants[name]());
  }
  return results;
}

export const MB = 1024 * 1024;

/** `label: 1.23× baseline (target ≤ 1.5×) ok|MISSED`. */
export function ratioLine(label: string, ratio: number, target: number, comparison: '≤' | '≥' = '≤'): string {
  const met = comparison === '≤' ? ratio <= target : ratio >= target;
  return `${label}: ${ratio.toFixed(2)}× (target ${comparison} ${target}×) ${met ? 'met' : 'MISSED'}`;
}

export function rssText(bytes: number): string {
  return bytes ? `${(bytes / MB).toFixed(0)} MB` : 'n/a';
}
