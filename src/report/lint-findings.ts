/**
 * The one mapping from a lint finding to a report finding, used by every command that lints
 * (lint, migration-test, deploy's preflight), so the same finding reads the same everywhere.
 */
import path from 'node:path';
import type { Finding as LintFinding, Severity } from '../lint/types.js';
import { ruleDocUrl } from '../lint/rules/doc-url.js';
import type { Finding } from './model.js';

/** The lint severity from which a finding fails the check; 'never' = lint informs only. */
export type FailOn = Severity | 'never';

const SEVERITY_RANK: Record<Severity, number> = { notice: 1, warning: 2, error: 3 };

export interface LintFindingOptions {
  /**
   * With a threshold, a finding at or above it is an error and one below it at most a warning
   * (shown, never failing); without one, the finding keeps the linter's severity.
   */
  failOn?: FailOn;
  /** Paths in the report are relative to this directory (default: as the linter gave them). */
  relativeTo?: string;
  /** Base URL of the docs/rules folder (default: the published docs). */
  docsBaseUrl?: string;
}

/** A lint finding as a report finding: the rule's title once, its id once, a link to its page. */

export function reportFinding(finding: LintFinding, options: LintFindingOptions = {}): Finding {
  const { failOn } = options;
  const fails = failOn !== undefined && failOn !== 'never' && SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn];
  let severity = finding.severity;
  if (failOn !== undefined) severity = fails ? 'error' : severity === 'error' ? 'warning' : severity;
  const file = options.relativeTo ? path.relative(options.relativeTo, finding.file) || finding.file : finding.file;
  return {
    severity,
    ruleId: finding.ruleId,
    file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    title: finding.title,
    message: finding.message,
    docsUrl: ruleDocUrl(finding.ruleId, options.docsBaseUrl),
    fix: finding.fix,
    replacement: finding.replacement,
  };
}

export function reportFindings(findings: LintFinding[], options: LintFindingOptions = {}): Finding[] {
  return findings.map((finding) => reportFinding(finding, options));
}
