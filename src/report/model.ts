/**
 * The one result model every command produces. Domain code returns its own result; the entry
 * point turns it into a Report, and src/report/render.ts renders that to console, job summary,
 * PR comment, annotations and JSON — so every channel says the same thing.
 */
import { MigrateActionsError, describeError } from '../errors.js';
import { plural, severityCounts } from './format.js';

export type ReportKind =
  'migration-test' | 'drift-check' | 'backup' | 'restore' | 'deploy' | 'apply' | 'status' | 'lint' | 'plan' | 'recover';

export type Verdict = 'pass' | 'fail' | 'warn' | 'skip';
export type CheckStatus = Verdict;
/** How serious a finding is: the one severity scale of lint findings and report findings. */
export type Severity = 'error' | 'warning' | 'notice';

export interface Check {
  name: string;
  status: CheckStatus;
  durationMs?: number;
  /** Markdown shown under the check (a failure's statement, SQLSTATE, hint …). */
  detail?: string;
  /** Short list entries (tables not filled, objects drifted …). */
  items?: string[];
}

export interface Finding {
  severity: Severity;
  ruleId?: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  title: string;
  message: string;
  /** Page that explains the rule (lint findings link their docs/rules page). */
  docsUrl?: string;
  /** What to do about it, in words. */
  fix?: string;
  /** SQL (or text) that would replace the flagged statement. */
  replacement?: string;
}

export interface ReportTable {
  title: string;
  columns: string[];
  rows: string[][];
}

export interface CodeBlock {
  title: string;
  language: string;
  code: string;
  /** Rendered inside a closed <details> in Markdown. */
  collapsed?: boolean;
}

export type OutputValue = string | number | boolean;

export interface Report {
  kind: ReportKind;
  title: string;
  verdict: Verdict;
  /** One-line verdict. */
  summary: string;
  checks: Check[];
  findings: Finding[];
  tables?: ReportTable[];
  codeBlocks?: CodeBlock[];
  /** Mermaid source (without the fence), e.g. from mermaidErDiagram. */
  mermaid?: string;
  /** Step name → milliseconds. */
  timings?: Record<string, number>;
  outputs?: Record<string, OutputValue>;
  /** The domain result, carried verbatim into the JSON report. */
  data?: unknown;
}

export function createReport(kind: ReportKind, title: string): Report {
  return { kind, title, verdict: 'pass', summary: '', checks: [], findings: [] };
}

export function addCheck(report: Report, check: Check): Check {
  report.checks.push(check);
  return check;
}

export function addFindings(report: Report, findings: Iterable<Finding>): void {
  for (const finding of findings) report.findings.push(finding);
}

export function addTable(report: Report, table: ReportTable): void {
  (report.tables ??= []).push(table);
}

export function addCodeBlock(report: Report, block: CodeBlock): void {
  (report.codeBlocks ??= []).push(block);
}

export function recordTiming(report: Report, step: string, ms: number): void {
  (report.timings ??= {})[step] = Math.round(ms);
}

export function setReportOutputs(report: Report, outputs: Record<string, OutputValue>): void {
  report.outputs = { ...(report.outputs ?? {}), ...outputs };
}

export interface StepOptions {
  /** Progress: `▶ name` as the step starts. */
  log?: (line: string) => void;
  /** What a thrown error adds to the check's detail; undefined adds nothing (it is told elsewhere). Default: its message. */
  describeFailure?: (error: unknown) => string | undefined;
  /** Where the duration is also kept, under the step's name (the report's timings, an audit record's). */
  timings?: Record<string, number>;
  now?: () => number;
}

/**
 * The one step runner of every pipeline: runs a step as a check appended to `checks`, records
 * its duration, and on a thrown error marks it failed, adds the error to its detail and
 * rethrows, so the caller decides whether the run goes on.
 */
export async function runStep<T>(checks: Check[], name: string, step: (check: Check) => Promise<T>, options: StepOptions = {}): Promise<T> {
  const now = options.now ?? Date.now;
  const check: Check = { name, status: 'pass' };
  checks.push(check);
  const started = now();
  options.log?.(`▶ ${name}`);
  try {
    return await step(check);
  } catch (error) {
    check.status = 'fail';
    const told = (options.describeFailure ?? errorMessage)(error);
    if (told) check.detail = check.detail ? `${check.detail}\n${told}` : told;
    throw error;
  } finally {
    check.durationMs = Math.round(now() - started);
    if (options.timings) options.timings[name] = check.durationMs;
  }
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** runStep on a report: the check joins its checks, the duration its timings. */
export function runCheck<T>(report: Report, name: string, step: (check: Check) => Promise<T>, now: () => number = Date.now): Promise<T> {
  return runStep(report.checks, name, step, { timings: (report.timings ??= {}), now });
}

const VERDICT_RANK: Record<Verdict, number> = { skip: 0, pass: 1, warn: 2, fail: 3 };
const SEVERITY_VERDICT: Record<Severity, Verdict> = { error: 'fail', warning: 'warn', notice: 'pass' };

/** The worst of the checks and findings: any failure or error → fail; any warning → warn; all skipped → skip. */
export function deriveVerdict(report: Pick<Report, 'checks' | 'findings'>): Verdict {
  const verdicts: Verdict[] = [
    ...report.checks.map((check) => check.status),
    ...report.findings.map((finding) => SEVERITY_VERDICT[finding.severity]),
  ];
  if (verdicts.length === 0) return 'pass';
  return verdicts.reduce((worst, next) => (VERDICT_RANK[next] > VERDICT_RANK[worst] ? next : worst), 'skip');
}

export function countFindings(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Sets the verdict from checks and findings (unless given) and a one-line summary (unless given). */
export function finishReport(report: Report, options: { verdict?: Verdict; summary?: string } = {}): Report {
  report.verdict = options.verdict ?? deriveVerdict(report);
  report.summary = options.summary ?? (report.summary || defaultSummary(report));
  return report;
}

function defaultSummary(report: Report): string {
  const failed = report.checks.filter((check) => check.status === 'fail').map((check) => check.name);
  const counts = countFindings(report.findings);
  const parts: string[] = [];
  if (failed.length > 0) parts.push(`failed: ${failed.join(', ')}`);
  else parts.push(`${report.checks.filter((check) => check.status === 'pass').length} of ${plural(report.checks.length, 'check')} passed`);
  if (report.findings.length > 0) {
    parts.push(severityCounts(counts));
  }
  return parts.join('; ');
}

/** A thrown error as a finding: its code as rule, its location as file/line, its remedy as fix. */
export function findingFromError(error: unknown): Finding {
  if (error instanceof MigrateActionsError) {
    return {
      severity: 'error',
      ruleId: error.code,
      file: error.where?.file,
      line: error.where?.line,
      column: error.where?.column,
      title: error.where?.migration ? `${error.code} in ${error.where.migration}` : error.code,
      message: error.message,
      fix: error.remedy,
    };
  }
  return { severity: 'error', title: 'Unexpected error', message: describeError(error) };
}
