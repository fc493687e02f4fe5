/**
 * The fleet's audit trail: one record per target and one for the run, written next to the
 * reports (and uploaded as artifacts by the fleet workflow, whose merge job joins them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { redactDeep } from '../postgres/redact.js';
import type { TargetResult } from './pool.js';

export interface FleetAuditContext {
  command: string;
  file: string;
  environment?: string;
  commit?: string;
  runUrl?: string;
  actor?: string;
  startedAt: string;
}

export interface FleetAuditPaths {
  run: string;
  targets: string[];
}

/** The folder of the run's records: <report-dir>/fleet/<command>-<start time>. */
export function fleetAuditDir(reportDir: string, context: Pick<FleetAuditContext, 'command' | 'startedAt'>): string {
  return path.join(reportDir, 'fleet', `${context.command}-${context.startedAt.replace(/[:.]/g, '-')}`);
}

export function writeFleetAudit(dir: string, context: FleetAuditContext, targets: TargetResult[]): FleetAuditPaths {
  fs.mkdirSync(dir, { recursive: true });
  const write = (file: string, record: unknown): string => {
    const full = path.join(dir, file);
    fs.writeFileSync(full, JSON.stringify(redactDeep(record), null, 2) + '\n', { mode: 0o600 });
    return full;
  };
  const paths = targets.map((t) => write(`target-${t.name}.json`, { kind: 'fleet-target', ...context, target: t }));
  const run = write('run.json', { kind: 'fleet-run', ...context, endedAt: new Date().toISOString(), targets });
  return { run, targets: paths };
}
