/**
 * A fleet run as one Report: a row per target (name, wave, result, what was applied, when, how
 * long, why it failed), the slowest targets, one check per wave, and `data.targets[]` for the JSON
 * report. Targets are named, never their URLs.
 */
import { addTable, createReport, finishReport, type Check, type Report, type ReportKind } from '../report/model.js';
import { formatDuration, plural } from '../report/format.js';
import { groupByWave, waveLabel } from './waves.js';
import type { PoolResult, TargetResult } from './pool.js';

export interface FleetRunInfo {
  command: string;
  kind: ReportKind;
  /** The targets file, relative to the working directory. */
  file: string;
  concurrency: number;
  maxFailures: number;
}

export function fleetCounts(targets: TargetResult[]): Record<'succeeded' | 'failed' | 'notStarted', number> {
  return {
    succeeded: targets.filter((t) => t.result === 'succeeded').length,
    failed: targets.filter((t) => t.result === 'failed').length,
    notStarted: targets.filter((t) => t.result === 'not-started').length,
  };
}

const SLOWEST = 5;

export function fleetReport(run: PoolResult, info: FleetRunInfo, title: string): Report {
  const report = createReport(info.kind, title);
  const targets = run.targets;
  for (const { wave, targets: list } of groupByWave(targets)) {
    const counts = fleetCounts(list);
    const check: Check = {
      name: waveLabel(wave),
      status: counts.failed ? 'fail' : counts.notStarted === list.length ? 'skip' : counts.notStarted ? 'warn' : 'pass',
      detail: `${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.notStarted} not started.`,
      items: list.filter((t) => t.result === 'failed').map((t) => `${t.name}: ${t.error?.message ?? t.summary ?? 'failed'}`),
    };
    report.checks.push(check);
  }
  addTable(report, {
    title: 'Targets',
    columns: ['target', 'wave', 'result', 'applied', 'duration', 'detail'],
    rows: targets.map((t) => [
      t.name,
      String(t.wave),
      t.result,
      String(t.applied.length),
      t.durationMs === undefined ? '' : formatDuration(t.durationMs),
      t.error ? `${t.error.code}: ${t.error.message}` : (t.summary ?? ''),
    ]),
  });
  const slowest = targets
    .filter((t) => t.durationMs !== undefined)
    .sort((a, b) => b.durationMs! - a.durationMs!)
    .slice(0, SLOWEST);
  if (slowest.length) {
    addTable(report, {
      title: 'Slowest targets',
      columns: ['target', 'wave', 'duration'],
      rows: slowest.map((t) => [t.name, String(t.wave), formatDuration(t.durationMs!)]),
    });
  }
  const counts = fleetCounts(targets);
  report.data = {
    command: info.command,
    file: info.file,
    concurrency: info.concurrency,
    maxFailures: info.maxFailures,
    counts,
    stoppedAfter: run.stoppedAfter,
    targets,
  };
  report.outputs = { succeeded: counts.succeeded, failed: counts.failed, 'not-started': counts.notStarted };
  const stopped = run.stoppedAfter ? ` Stopped starting targets after ${run.stoppedAfter} failed (max-failures ${info.maxFailures}).` : '';
  return finishReport(report, {
    verdict: counts.failed ? 'fail' : 'pass',
    summary: `${info.command} on ${plural(targets.length, 'target')}: ${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.notStarted} not started.${stopped}`,
  });
}
