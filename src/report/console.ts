/** The terminal rendering: plain text, ANSI colour only when the caller asks for it. */
import { redact } from '../postgres/redact.js';
import { VERDICT_WORD, findingLocation, formatDuration, orderedTimings } from './format.js';
import type { Check, Finding, Report, ReportTable, Verdict } from './model.js';

export interface ConsoleOptions {
  /** Callers pass isTTY && !NO_COLOR && !json. */
  color: boolean;
}

type Paint = (text: string, tone: Tone) => string;
type Tone = 'red' | 'yellow' | 'green' | 'cyan' | 'dim' | 'bold';

const ANSI: Record<Tone, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
};

const TONE_OF: Record<Verdict | Finding['severity'], Tone> = {
  pass: 'green',
  fail: 'red',
  warn: 'yellow',
  skip: 'dim',
  error: 'red',
  warning: 'yellow',
  notice: 'cyan',
};

const SYMBOL: Record<Verdict, string> = { pass: '✔', fail: '✖', warn: '!', skip: '-' };

function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, tone) => `\u001b[${ANSI[tone][0]}m${text}\u001b[${ANSI[tone][1]}m`;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');
}

export function renderConsole(report: Report, options: ConsoleOptions): string {
  const paint = painter(options.color);
  const out: string[] = [];
  const verdict = `${SYMBOL[report.verdict]} ${report.title}: ${VERDICT_WORD[report.verdict]}`;
  out.push(paint(paint(verdict, TONE_OF[report.verdict]), 'bold'));
  if (report.summary) out.push(`  ${report.summary}`);
  if (report.checks.length > 0) out.push('', paint('Checks', 'bold'), ...report.checks.map((check) => checkLines(check, paint)));
  if (report.findings.length > 0)
    out.push('', paint('Findings', 'bold'), ...report.findings.map((finding) => findingLines(finding, paint)));
  for (const table of report.tables ?? []) out.push('', paint(table.title, 'bold'), textTable(table));
  for (const code of report.codeBlocks ?? []) out.push('', paint(code.title, 'bold'), indent(code.code.replace(/\n$/, ''), '    '));
  if (report.mermaid) out.push('', paint('(diagram of the touched tables: see the job summary)', 'dim'));
  const timings = orderedTimings(report);
  if (timings.length > 0) {
    out.push(
      '',
      paint('Timings', 'bold'),
      textTable({ title: '', columns: ['step', 'time'], rows: timings.map(([step, ms]) => [step, formatDuration(ms)]) }),
    );
  }
  return redact(out.join('\n') + '\n');
}

function checkLines(check: Check, paint: Paint): string {
  const time = check.durationMs === undefined ? '' : paint(`  (${formatDuration(check.durationMs)})`, 'dim');
  const lines = [`  ${paint(SYMBOL[check.status], TONE_OF[check.status])} ${check.name}${time}`];
  if (check.detail) lines.push(indent(check.detail, '      '));
  for (const item of check.items ?? []) lines.push(`      - ${item}`);
  return lines.join('\n');
}

function findingLines(finding: Finding, paint: Paint): string {
  const where = findingLocation(finding);
  const head = [
    paint(finding.severity.padEnd(7), TONE_OF[finding.severity]),
    where,
    finding.title,
    finding.ruleId && !finding.title.includes(finding.ruleId) ? paint(`[${finding.ruleId}]`, 'dim') : '',
  ]
    .filter(Boolean)
    .join('  ');
  const lines = [`  ${head}`, indent(finding.message, '           ')];
  if (finding.fix) lines.push(indent(`fix: ${finding.fix}`, '           '));
  if (finding.replacement) lines.push(indent(`replacement:\n${indent(finding.replacement, '  ')}`, '           '));
  if (finding.docsUrl) lines.push(indent(`docs: ${finding.docsUrl}`, '           '));
  return lines.join('\n');
}

/** Columns padded to their widest cell. */
function textTable(table: ReportTable): string {
  const widths = table.columns.map((column, index) => Math.max(column.length, ...table.rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: string[]) => `  ${cells.map((cell, index) => (cell ?? '').padEnd(widths[index])).join('  ')}`.trimEnd();
  return [line(table.columns), line(widths.map((width) => '-'.repeat(width))), ...table.rows.map(line)].join('\n');
}
