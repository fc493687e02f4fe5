/**
 * Waves: the canary wave first, then the numbered waves in order. One ordering for the local
 * worker pool and for the GitHub matrix planner, so both roll out the same way.
 */
import type { Wave } from './targets.js';

export interface WaveGroup<T> {
  wave: Wave;
  targets: T[];
}

export const waveLabel = (wave: Wave): string => (wave === 'canary' ? 'canary' : `wave ${wave}`);

/** Targets grouped by wave, canary first, then ascending; file order kept inside a wave. */
export function groupByWave<T extends { wave: Wave }>(targets: readonly T[]): WaveGroup<T>[] {
  const groups = new Map<Wave, T[]>();
  for (const target of targets) {
    const list = groups.get(target.wave) ?? [];
    list.push(target);
    groups.set(target.wave, list);
  }
  const rank = (wave: Wave): number => (wave === 'canary' ? 0 : wave);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([wave, list]) => ({ wave, targets: list }));
}
