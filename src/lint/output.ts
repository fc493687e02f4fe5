/**
 * Renderings of a lint result that are the linter's own: SARIF 2.1.0 and the exit code (every
 * other channel renders report findings, mapped once in src/report/lint-findings.ts).
 */
import type { Severity } from '../report/model.js';
import { RULES, ruleById, ruleDocUrl } from './rules/index.js';
import type { Finding, LintResult } from './types.js';

/** 1 when an error-severity finding remains (silenced ones do not count), else 0. */
export function lintExitCode(result: LintResult): 0 | 1 {
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

export interface SarifOptions {
  /** Base URL of the docs/rules folder, for each rule's helpUri (default: the published docs). */
  docsBaseUrl?: string;
  toolVersion?: string;
}

function sarifResult(finding: Finding, ruleIndex: Map<string, number>, suppression?: string): Record<string, unknown> {
  const result: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: SARIF_LEVEL[finding.severity],
    message: { text: `${finding.title}: ${finding.message} Fix: ${finding.fix}` },
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
    const helpUri = ruleDocUrl(id, options.docsBaseUrl);
    return {
      id,
      name: id.replace(/[/-](\w)/g, (_m: string, c: string) => c.toUpperCase()),
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.flags },
      help: { text: `${rule.safe} See ${helpUri}`, markdown: `${rule.safe} [${rule.title}](${helpUri})` },
      helpUri,
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
            informationUri: 'https://github.com/prisma-migrate-actions/prisma-migrate-actions',
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
