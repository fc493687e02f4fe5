/**
 * The matrix planner of the fleet workflow: each wave becomes GitHub matrices of at most 256
 * jobs (GitHub's limit per matrix), each job a slice of targets deployed by the CLI's pool.
 */
import { groupByWave } from './waves.js';
import type { FleetTarget, Wave } from './targets.js';

export const MATRIX_LIMIT = 256;

export interface MatrixChunk {
  wave: Wave;
  /** Position of this chunk in the rollout, from 0. */
  index: number;
  /** One entry per job: the names of the targets that job runs. */
  include: Array<{ job: string; targets: string }>;
}

/** Waves in rollout order → chunks of ≤ 256 jobs; each job gets `perJob` targets (default 1). */
export function planMatrices(targets: readonly Pick<FleetTarget, 'name' | 'wave'>[], perJob = 1): MatrixChunk[] {
  const chunks: MatrixChunk[] = [];
  for (const { wave, targets: list } of groupByWave(targets)) {
    const jobs: Array<{ job: string; targets: string }> = [];
    for (let i = 0; i < list.length; i += perJob) {
      const slice = list.slice(i, i + perJob).map((t) => t.name);
      jobs.push({ job: slice.length === 1 ? slice[0] : `${slice[0]}…${slice[slice.length - 1]}`, targets: slice.join(',') });
    }
    for (let i = 0; i < jobs.length; i += MATRIX_LIMIT) {
      chunks.push({ wave, index: chunks.length, include: jobs.slice(i, i + MATRIX_LIMIT) });
    }
  }
  return chunks;
}
