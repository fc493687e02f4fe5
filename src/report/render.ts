/**
 * Every output of a Report: console, job summary, PR comment, annotations, JSON. Each passes
 * through redact()/redactDeep(), so a secret that reached the report never leaves it.
 */
import { redact, redactDeep } from '../postgres/redact.js';
import type { Finding, Report } from './model.js';

export { renderConsole, type ConsoleOptions } from './console.js';
export {
  renderMarkdown,
  renderPrComment,
  commentMarker,
  PR_COMMENT_LIMIT,
  JOB_SUMMARY_LIMIT,
  type MarkdownOptions,
  type PrCommentOptions,
} from './markdown.js';
export { mermaidErDiagram, type ErTable, type ErColumn, type ErReference } from './mermaid.js';

export interface Annotation {
  level: Finding['severity'];
  file: string;
  startLine: number;
  endLine?: number;
  startColumn?: number;
  title: string;
  message: string;
}

/** One annotation per finding that names a file (GitHub attaches annotations to file lines). */
export function toAnnotations(report: Report): Annotation[] {
  return report.findings.filter((finding) => finding.file).map(findingAnnotation);
}

function findingAnnotation(finding: Finding): Annotation {
  const startLine = finding.line ?? 1;
  const annotation: Annotation = {
    level: finding.severity,
    file: redact(finding.file!),
    startLine,
    title: redact(finding.ruleId ? `${finding.ruleId}: ${finding.title}` : finding.title),
    message: redact(
      [finding.message, finding.fix && `Fix: ${finding.fix}`, finding.docsUrl && `Docs: ${finding.docsUrl}`].filter(Boolean).join('\n'),
    ),
  };
  if (finding.endLine !== undefined && finding.endLine >= startLine) annotation.endLine = finding.endLine;
  // GitHub ignores columns on multi-line annotations.
  if (finding.column !== undefined && (annotation.endLine ?? startLine) === startLine) annotation.startColumn = finding.column;
  return annotation;
}

/** Version of the JSON layout; bump when a field changes meaning. */
export const REPORT_JSON_VERSION = 1;

/**
 * Pretty JSON with a fixed top-level order, and sorted keys inside `data`, so two runs with the
 * same result produce the same bytes. Object keys are redacted too (redactDeep masks values
 * only). Errors become { name, message, code, remedy, where }; bigints strings.
 */
export function renderJson(report: Report): string {
  const { kind, title, verdict, summary, checks, findings, tables, codeBlocks, mermaid, timings, outputs, data } = report;
  const ordered = {
    version: REPORT_JSON_VERSION,
    kind,
    title,
    verdict,
    summary,
    checks: normalizeForJson(checks, false),
    findings: normalizeForJson(findings, false),
    tables,
    codeBlocks,
    mermaid,
    timings: normalizeForJson(timings, false),
    outputs: normalizeForJson(outputs, false),
    data: normalizeForJson(data, true),
  };
  return `${JSON.stringify(redactDeep(ordered), null, 2)}\n`;
}

function normalizeForJson(value: unknown, sortKeys: boolean): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return errorForJson(value);
  if (value instanceof Map) return normalizeForJson(Object.fromEntries(value), sortKeys);
  if (value instanceof Set) return normalizeForJson([...value], sortKeys);
  if (Array.isArray(value)) return value.map((item) => normalizeForJson(item, sortKeys));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const out: Record<string, unknown> = {};
    for (const key of sortKeys ? keys.sort() : keys) out[redact(key)] = normalizeForJson((value as Record<string, unknown>)[key], sortKeys);
    return out;
  }
  return value;
}

function errorForJson(error: Error): Record<string, unknown> {
  const { code, remedy, where } = error as Error & { code?: unknown; remedy?: unknown; where?: unknown };
  return normalizeForJson({ name: error.name, message: error.message, code, remedy, where }, false) as Record<string, unknown>;
}
