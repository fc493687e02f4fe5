/**
 * What the rehearsal concludes: findings from observation (a lock stronger than the SQL predicts,
 * application queries blocked longer than max-blocking, a statement stopped by rehearsal-timeout),
 * lint lock findings the trace shows harmless at production sizes turned into notices, and the
 * compact per-statement table of the PR comment and job summary.
 */
import type { Check, Finding, ReportTable } from '../report/model.js';
import { isRuleId } from '../lint/rules/index.js';
import { formatDuration, plural } from '../report/format.js';
import { summarizeStatement } from '../sql/parser.js';
import type { TracedStatement } from './trace.js';
import { lockRank, type RehearsedStatement } from './types.js';
import type { RehearsalResult } from './index.js';

export const REHEARSAL_RULE = 'rehearsal';
import { REHEARSAL_TITLE } from './phrases.js';

export { REHEARSAL_TITLE, atProductionSize, rehearsedCell } from './phrases.js';

const unqualified = (name: string) => name.replace(/"/g, '').split('.').at(-1)!;

/** The predicted mode on a table (unqualified match), or undefined when the SQL names no lock there. */
function predictedMode(statement: TracedStatement, relation: string): string | undefined {
  const table = unqualified(relation);
  const modes = statement.predicted.filter((l) => l.on.some((on) => unqualified(on) === table)).map((l) => l.mode);
  return modes.sort((a, b) => lockRank(b) - lockRank(a))[0];
}

export interface ObservationOptions {
  maxBlockingMs: number;
  /** Display path of a migration's SQL file, for the finding's location. */
  fileOf: (migration: string) => string | undefined;
  /** Tables that existed before the change (`schema.table`): a lock on a table the change creates hurts nobody. */
  existing: Set<string>;
}

export function observationFindings(statements: TracedStatement[], options: ObservationOptions): Finding[] {
  const findings: Finding[] = [];
  for (const s of statements) {
    const where = { file: options.fileOf(s.migration), line: s.line, endLine: s.endLine };
    const what = summarizeStatement(s.sql, 80);
    for (const lock of s.locks) {
      if (!options.existing.has(lock.relation)) continue;
      const predicted = predictedMode(s, lock.relation);
      if (lockRank(lock.mode) > lockRank(predicted ?? 'ACCESS SHARE') && lockRank(lock.mode) >= lockRank('SHARE')) {
        findings.push({
          severity: 'error',
          ruleId: `${REHEARSAL_RULE}/stronger-lock`,
          ...where,
          title: 'Takes a stronger lock than its SQL suggests',
          message: `\`${what}\` took ${lock.mode} on ${lock.relation} for ${formatDuration(lock.heldMs)} in the rehearsal; from its SQL, ${predicted ? `${predicted} was expected` : 'no lock on that table was expected'}.`,
          fix: 'Check what the statement does to that table (a rewrite, a validation, a trigger) and split it into steps that take weaker locks.',
        });
      }
    }
    if (s.blocked.maxWaitMs > options.maxBlockingMs) {
      findings.push({
        severity: 'error',
        ruleId: `${REHEARSAL_RULE}/blocks-application`,
        ...where,
        title: 'Blocks application queries longer than max-blocking',
        message: `While \`${what}\` ran, ${s.blocked.queries} application ${s.blocked.queries === 1 ? 'query' : 'queries'} waited, the longest ${formatDuration(s.blocked.maxWaitMs)} (max-blocking is ${formatDuration(options.maxBlockingMs)}); it ${s.locks[0] ? `held ${s.locks[0].mode} on ${s.locks[0].relation} for ${formatDuration(s.locks[0].heldMs)}` : 'ran'}${s.rewrite ? ' and rewrote the table' : ''}${s.estimatedProductionMs !== undefined ? `; at production size about ${formatDuration(s.estimatedProductionMs)}` : ''}.`,
        fix: 'Use the online form of the change (CREATE INDEX CONCURRENTLY, NOT VALID then VALIDATE, a new column backfilled in batches), or schedule it for a maintenance window.',
      });
    }
    if (s.timedOut) {
      findings.push({
        severity: 'error',
        ruleId: `${REHEARSAL_RULE}/timeout`,
        ...where,
        title: 'Ran past rehearsal-timeout',
        message: `\`${what}\` was stopped after ${formatDuration(s.durationMs)} (rehearsal-timeout); the table above shows what it did until then. Later statements were not rehearsed.`,
        fix: 'Expect this statement to take at least that long in production; raise rehearsal-timeout to measure it fully, or lower the rehearsal sizes.',
      });
    }
  }
  return findings;
}

/** A report finding, or a linter's finding (deploy downgrades those before they become report findings). */
type DowngradableFinding = Pick<Finding, 'ruleId' | 'file' | 'line' | 'message'> & { severity: Finding['severity'] };

/**
 * Lint lock findings on statements the trace shows harmless at production sizes become notices
 * that say why. Only with sizes from a stats database: generated sizes prove nothing about production.
 */
export function downgradeHarmless(findings: DowngradableFinding[], statements: TracedStatement[], options: ObservationOptions): number {
  let downgraded = 0;
  for (const finding of findings) {
    if (!finding.ruleId?.startsWith('lock/') || finding.severity === 'notice' || finding.line === undefined) continue;
    const s = statements.find(
      (st) => finding.file === options.fileOf(st.migration) && finding.line! >= st.line && finding.line! <= st.endLine,
    );
    if (!s || s.estimatedProductionMs === undefined || s.timedOut) continue;
    const longest = Math.max(s.estimatedProductionMs, s.blocked.maxWaitMs);
    if (longest > options.maxBlockingMs) continue;
    finding.severity = 'notice';
    finding.message += ` — Rehearsed at production size: the statement took ${formatDuration(s.durationMs)} (about ${formatDuration(s.estimatedProductionMs)} in production) and application queries waited at most ${formatDuration(s.blocked.maxWaitMs)}, under max-blocking (${formatDuration(options.maxBlockingMs)}), so it is harmless at these sizes.`;
    downgraded++;
  }
  return downgraded;
}

/**
 * The lint check failed on lint errors; once the rehearsal has made notices of the errors that
 * failed it, it no longer fails (it still warns: the findings are there, as notices).
 */
export function settleLintCheck(check: Check | undefined, findings: Finding[], downgraded: number): void {
  if (!check || check.status !== 'fail' || !downgraded) return;
  if (findings.some((f) => f.severity === 'error' && f.ruleId !== undefined && isRuleId(f.ruleId))) return;
  check.status = 'warn';
  check.detail = `${check.detail ? `${check.detail} ` : ''}The rehearsal showed ${downgraded === 1 ? 'the lock finding that failed it' : 'the lock findings that failed it'} harmless at production size (now ${downgraded === 1 ? 'a notice' : 'notices'}).`;
}

/** The compact per-statement table: lock taken on what, held for, rewrite, application queries blocked. */
export function rehearsalTable(statements: RehearsedStatement[], withEstimates: boolean): ReportTable {
  return {
    title: REHEARSAL_TITLE,
    columns: [
      'Statement',
      'Line',
      'Lock taken',
      'Held for',
      'Rewrite',
      'App queries blocked',
      'Longest wait',
      ...(withEstimates ? ['At production size'] : []),
    ],
    rows: statements.map((s) => {
      const lock = s.locks[0];
      return [
        `${summarizeStatement(s.sql, 60)}${s.timedOut ? ' (stopped: rehearsal-timeout)' : ''}`,
        `${s.migration.replace(/^(\d{8})\d*_/, '$1_')}:${s.line}`,
        lock ? `${lock.mode} on ${lock.relation}${s.locks.length > 1 ? ` (+${s.locks.length - 1})` : ''}` : 'none seen',
        lock ? formatDuration(lock.heldMs) : '—',
        s.rewrite ? 'yes' : 'no',
        String(s.blocked.queries),
        s.blocked.queries ? formatDuration(s.blocked.maxWaitMs) : '—',
        ...(withEstimates ? [s.estimatedProductionMs !== undefined ? `about ${formatDuration(s.estimatedProductionMs)}` : '—'] : []),
      ];
    }),
  };
}

/** What was rehearsed, on what sizes, under what load, how finely sampled, and how long it took: the step's detail. */
export function describeRehearsal(result: RehearsalResult): string[] {
  const { sizing, data, trace } = result;
  const sizes = sizing.tables.map((t) => `${t.table} ${data.rows[t.key].toLocaleString('en-US')}`).join(', ');
  return [
    `${plural(data.statements.length, 'statement')} rehearsed on ${sizes} rows (sizes from ${sizing.source === 'stats-database' ? 'the stats database' : 'rehearsal-rows'}${sizing.scaledDown ? `, scaled down to ${Math.round(sizing.scale * 1000) / 10}% by rehearsal-budget` : ''}) under ${plural(trace.workload.sessions, 'application session')} (${plural(trace.workload.queries, 'query', 'queries')}).`,
    `Locks sampled every ${formatDuration(trace.sampler.medianGapMs)} (${plural(trace.sampler.samples, 'sample')}); seeding took ${formatDuration(result.seedMs)}, the trace ${formatDuration(result.traceMs)}.`,
    ...(sizing.source === 'stats-database' ? ['Production times are estimated linearly in rows from the rehearsed sizes.'] : []),
    ...(trace.stopped ? [`Stopped at ${trace.stopped.migration} line ${trace.stopped.line}: ${trace.stopped.reason}.`] : []),
  ];
}

/** In a plan the rehearsal's observations inform the approvers; they do not fail it. */
export function planFindings(statements: TracedStatement[], options: ObservationOptions): Finding[] {
  return observationFindings(statements, options).map((f) => ({ ...f, severity: f.severity === 'error' ? 'warning' : f.severity }));
}
