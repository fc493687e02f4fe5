/**
 * The fleet's worker pool: runs a step on every target, wave by wave (the canary wave alone
 * first), at most `concurrency` at a time, and stops starting targets once more than
 * `maxFailures` have failed — the running ones finish, the rest are reported as not started.
 */
import { groupByWave } from './waves.js';
import type { Wave } from './targets.js';

export type TargetOutcome = 'succeeded' | 'failed' | 'not-started';

export interface TargetError {
  code: string;
  message: string;
}

/** One target's part of the run: `data.targets[]` of the JSON report. */
export interface TargetResult {
  name: string;
  wave: Wave;
  result: TargetOutcome;
  /** Migrations applied to this target (names). */
  applied: string[];
  startedAt?: string;
  durationMs?: number;
  error?: TargetError;
  /** The target's own one-line verdict. */
  summary?: string;
  /** The outputs the command set for this target (drift, drift-count, result …). */
  outputs?: Record<string, string | number | boolean>;
}

export interface StepOutcome {
  ok: boolean;
  applied: string[];
  summary?: string;
  error?: TargetError;
  outputs?: Record<string, string | number | boolean>;
}

export interface PoolOptions {
  concurrency: number;
  /** Failures tolerated before no further target starts (0: stop after the first). */
  maxFailures: number;
  now?: () => number;
}

export interface PoolResult {
  targets: TargetResult[];
  /** Set when the failure policy stopped the run. */
  stoppedAfter?: string;
}

export async function runPool<T extends { name: string; wave: Wave }>(
  targets: readonly T[],
  step: (target: T) => Promise<StepOutcome>,
  options: PoolOptions,
): Promise<PoolResult> {
  const now = options.now ?? Date.now;
  const results = new Map<string, TargetResult>(
    targets.map((t) => [t.name, { name: t.name, wave: t.wave, result: 'not-started', applied: [] }]),
  );
  let failures = 0;
  let stoppedAfter: string | undefined;
  for (const { targets: wave } of groupByWave(targets)) {
    if (stoppedAfter) break;
    const queue = [...wave];
    const worker = async (): Promise<void> => {
      for (let target = queue.shift(); target && !stoppedAfter; target = queue.shift()) {
        const result = results.get(target.name)!;
        const started = now();
        result.startedAt = new Date(started).toISOString();
        let outcome: StepOutcome;
        try {
          outcome = await step(target);
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          outcome = {
            ok: false,
            applied: [],
            error: { code: typeof code === 'string' ? code : 'E_UNEXPECTED', message: (error as Error).message ?? String(error) },
          };
        }
        result.durationMs = Math.round(now() - started);
        result.result = outcome.ok ? 'succeeded' : 'failed';
        result.applied = outcome.applied;
        if (outcome.summary) result.summary = outcome.summary;
        if (outcome.error) result.error = outcome.error;
        if (outcome.outputs) result.outputs = outcome.outputs;
        if (!outcome.ok && ++failures > options.maxFailures) stoppedAfter ??= target.name;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, wave.length)) }, worker));
  }
  return { targets: targets.map((t) => results.get(t.name)!), stoppedAfter };
}
