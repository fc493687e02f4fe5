/** The job summary and the PR comment: the same Markdown, fitted into each channel's limit. */
import { redact } from '../postgres/redact.js';
import { block, fitSections, type Block, type Section } from './budget.js';
import {
  SEVERITY_EMOJI,
  VERDICT_EMOJI,
  VERDICT_WORD,
  escapeHtml,
  fence,
  findingLocation,
  formatDuration,
  orderedTimings,
  tableHead,
  tableRow,
} from './format.js';
import type { Check, CodeBlock, Finding, Report, ReportTable } from './model.js';

/** GitHub rejects issue and PR comments longer than this many characters. */
export const PR_COMMENT_LIMIT = 65_536;
/** GitHub caps a step summary at 1 MiB; characters can take up to 2 bytes each in practice. */
export const JOB_SUMMARY_LIMIT = 500_000;

const MARKER_PREFIX = 'prisma-migrate-actions:';

/** The hidden first line that lets us find our own comment again: `<!-- prisma-migrate-actions:NAME -->`. */
export function commentMarker(marker: string): string {
  const name = marker.replace(/[^A-Za-z0-9._:/-]/g, '-').replace(/-{2,}/g, '-'); // '--' may not appear in an HTML comment
  return `<!-- ${MARKER_PREFIX}${name} -->`;
}

export interface MarkdownOptions {
  /** Character budget; defaults to what a job summary takes. */
  maxChars?: number;
  /** Where the full report can be read when this one is truncated (a run URL, "the job summary"). */
  fullReportAt?: string;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const where = `the full report is in ${options.fullReportAt ?? 'the JSON report (`report-json` output)'}.`;
  return fitSections(verdictHeader(report), reportSections(report), options.maxChars ?? JOB_SUMMARY_LIMIT, where).text;
}

export interface PrCommentOptions {
  marker: string;
  /** The workflow run's URL, linked when sections had to be cut. */
  runUrl?: string;
  maxChars?: number;
}

export function renderPrComment(report: Report, options: PrCommentOptions): string {
  const marker = commentMarker(options.marker);
  const limit = (options.maxChars ?? PR_COMMENT_LIMIT) - marker.length - 1;
  const at = options.runUrl ? `the [job summary of this run](${options.runUrl})` : 'the job summary of this run';
  return `${marker}\n${renderMarkdown(report, { maxChars: limit, fullReportAt: at })}`;
}

function verdictHeader(report: Report): string {
  const heading = `## ${VERDICT_EMOJI[report.verdict]} ${escapeHtml(report.title)}: ${VERDICT_WORD[report.verdict]}`;
  return report.summary ? `${heading}\n\n${report.summary}` : heading;
}

function reportSections(report: Report): Section[] {
  const sections: Section[] = [];
  if (report.checks.length > 0) sections.push(checksSection(report.checks));
  const detailed = report.checks.filter((check) => check.detail || (check.items && check.items.length > 0));
  if (detailed.length > 0) {
    sections.push({ unit: 'check details', head: '', blocks: detailed.map(checkDetailBlock), separator: '\n\n' });
  }
  if (report.findings.length > 0) sections.push(findingsSection(report.findings));
  for (const table of report.tables ?? []) sections.push(tableSection(table));
  if (report.mermaid) {
    sections.push({ unit: 'diagram', head: '', blocks: [block(fence(report.mermaid, 'mermaid'))] });
  }
  if (report.codeBlocks && report.codeBlocks.length > 0) {
    sections.push({ unit: 'code blocks', head: '', blocks: report.codeBlocks.map(codeBlock), separator: '\n\n' });
  }
  const timings = orderedTimings(report);
  if (timings.length > 0) sections.push(timingsSection(timings));
  return sections;
}

function checksSection(checks: Check[]): Section {
  const rows = checks.map((check) =>
    block(
      tableRow([
        VERDICT_EMOJI[check.status],
        check.name,
        check.status,
        check.durationMs === undefined ? '' : formatDuration(check.durationMs),
      ]),
    ),
  );
  return { unit: 'checks', head: `### Checks\n\n${tableHead(['', 'Check', 'Result', 'Time'])}\n`, blocks: rows };
}

function checkDetailBlock(check: Check): Block {
  const lines = [`#### ${VERDICT_EMOJI[check.status]} ${escapeHtml(check.name)}`];
  if (check.detail) lines.push('', check.detail);
  if (check.items && check.items.length > 0) lines.push('', ...check.items.map((item) => `- ${item}`));
  return block(lines.join('\n'));
}

function findingsSection(findings: Finding[]): Section {
  return { unit: 'findings', head: '### Findings\n\n', blocks: findings.map(findingBlock), separator: '\n\n' };
}

function findingBlock(finding: Finding): Block {
  const where = findingLocation(finding);
  const ruleId = finding.ruleId && !finding.title.includes(finding.ruleId) ? finding.ruleId : undefined;
  const rule = ruleId && finding.docsUrl ? `[\`${ruleId}\`](${finding.docsUrl})` : ruleId ? `\`${ruleId}\`` : '';
  const label = [rule, where ? `\`${where}\`` : ''].filter(Boolean).join(' · ');
  const lines = [`${SEVERITY_EMOJI[finding.severity]} **${escapeHtml(finding.title)}**${label ? ` · ${label}` : ''}`, '', finding.message];
  if (finding.fix) lines.push('', `**Fix:** ${finding.fix}`);
  if (finding.replacement) lines.push('', details('Suggested replacement', fence(finding.replacement, 'sql')));
  return block(lines.join('\n'));
}

function details(summary: string, body: string): string {
  return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`;
}

function tableSection(table: ReportTable): Section {
  return {
    unit: `rows of "${table.title}"`,
    head: `### ${escapeHtml(table.title)}\n\n${tableHead(table.columns)}\n`,
    blocks: table.rows.map((row) => block(tableRow(row))),
  };
}

function renderCodeBlock(code: CodeBlock, body: string): string {
  return code.collapsed
    ? details(code.title, fence(body, code.language))
    : `**${escapeHtml(code.title)}**\n\n${fence(body, code.language)}`;
}

/** A code block that, when too long, keeps its first lines and says how many were cut. */
function codeBlock(code: CodeBlock): Block {
  const safeCode = redact(code.code);
  return block(renderCodeBlock(code, safeCode), (budget) => {
    const lines = safeCode.split('\n');
    const overhead = renderCodeBlock(code, '').length + 80;
    let size = 0;
    let count = 0;
    while (count < lines.length && size + lines[count].length + 1 <= budget - overhead) size += lines[count++].length + 1;
    if (count === 0) return undefined;
    const note = `\n\n_Truncated: ${count} of ${lines.length} lines shown._`;
    return renderCodeBlock(code, lines.slice(0, count).join('\n')) + note;
  });
}

function timingsSection(timings: Array<[string, number]>): Section {
  return {
    unit: 'timings',
    head: `### Timings\n\n${tableHead(['Step', 'Time'])}\n`,
    blocks: timings.map(([step, ms]) => block(tableRow([step, formatDuration(ms)]))),
  };
}
