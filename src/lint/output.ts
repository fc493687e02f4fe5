/** Renderings of a lint result: console text, SARIF 2.1.0, and the exit code. */
import { formatLocation } from '../errors.js';
import { summarizeStatement } from '../sql/parser.js';
import { redact } from '../postgres/redact.js';
import { RULES, ruleById, ruleDocFile } from './rules.js';
import type { Finding, LintResult, Severity } from './types.js';

/** 1 when an error-severity finding remains (silenced ones do not count), else 0. */
export function lintExitCode(result: LintResult): 0 | 1 {
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function formatFinding(finding: Finding): string[] {
  const lines = [
    `${formatLocation({ file: finding.file, line: finding.line, column: finding.column })}  ${finding.severity}  ${finding.ruleId}`,
    `  ${finding.message}`,
    `  statement: ${summarizeStatement(finding.statement)}`,
  ];
  if (finding.lock) lines.push(`  lock: ${finding.lock}${finding.blockedTables.length ? ` on ${finding.blockedTables.join(', ')}` : ''}`);
  if (finding.severityReason) lines.push(`  severity: ${finding.severityReason}`);
  lines.push(`  fix: ${finding.fix}`);
  if (finding.replacement) lines.push('  replacement:', ...finding.replacement.split('\n').map((l) => `    ${l}`));
  return lines;
}

/** Plain text for the console: findings grouped in file order, then silenced ones, then totals. */
export function formatLintText(result: LintResult): string {
  const lines: string[] = [];
  for (const finding of result.findings) lines.push(...formatFinding(finding), '');
  if (result.silenced.length) {
    lines.push(`Silenced (${result.silenced.length}):`);
    for (const s of result.silenced)
      lines.push(`  ${formatLocation({ file: s.file, line: s.line, column: s.column })}  ${s.ruleId}: ${s.reason}`);
    lines.push('');
  }
  const { error, warning, notice } = result.summary;
  lines.push(
    `${result.migrationsLinted} migration(s), ${result.statementsLinted} statement(s): ${error} error(s), ${warning} warning(s), ${notice} notice(s), ${result.silenced.length} silenced (engine: ${result.engine}).`,
  );
  return redact(lines.join('\n'));
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

export interface SarifOptions {
  /** Base URL of the docs/rules folder, for each rule's helpUri. */
  docsBaseUrl?: string;
  toolVersion?: string;
}

function sarifResult(finding: Finding, ruleIndex: Map<string, number>, suppression?: string): Record<string, unknown> {
  const result: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: SARIF_LEVEL[finding.severity],
    message: { text: `${finding.message} Fix: ${finding.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: finding.file.replace(/\\/g, '/') },
          region: { startLine: finding.line, startColumn: finding.column, endLine: Math.max(finding.endLine, finding.line) },
        },
      },
    ],
    properties: { migration: finding.migration, lock: finding.lock, blockedTables: finding.blockedTables, severity: finding.severity },
  };
  if (finding.replacement) {
    result.fixes = [
      {
        description: { text: finding.fix },
        artifactChanges: [
          {
            artifactLocation: { uri: finding.file.replace(/\\/g, '/') },
            replacements: [
              {
                deletedRegion: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine },
                insertedContent: { text: finding.replacement },
              },
            ],
          },
        ],
      },
    ];
  }
  if (suppression !== undefined) result.suppressions = [{ kind: 'inSource', justification: suppression }];
  return result;
}

/** SARIF 2.1.0 log (GitHub code scanning accepts it); silenced findings carry in-source suppressions. */
export function toSarif(result: LintResult, options: SarifOptions = {}): Record<string, unknown> {
  const used = [...new Set([...result.findings, ...result.silenced].map((f) => f.ruleId))];
  const ruleIndex = new Map(used.map((id, i) => [id, i]));
  const rules = used.map((id) => {
    const rule = ruleById(id) ?? RULES[0];
    return {
      id,
      name: id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()),
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.flags },
      help: { text: rule.safe },
      ...(options.docsBaseUrl ? { helpUri: `${options.docsBaseUrl.replace(/\/$/, '')}/${ruleDocFile(id)}` } : {}),
      defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'prisma-migrate-actions lint',
            version: options.toolVersion ?? '0.1.0',
            informationUri: 'https://github.com/prisma-migrate-actions',
            rules,
          },
        },
        results: [
          ...result.findings.map((f) => sarifResult(f, ruleIndex)),
          ...result.silenced.map((s) => sarifResult(s, ruleIndex, s.reason)),
        ],
      },
    ],
  };
}
