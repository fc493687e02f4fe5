/** Small text helpers shared by the console and Markdown renderers. */
import type { Finding, Verdict } from './model.js';

export const VERDICT_WORD: Record<Verdict, string> = { pass: 'passed', fail: 'failed', warn: 'passed with warnings', skip: 'skipped' };
export const VERDICT_EMOJI: Record<Verdict, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️' };
export const SEVERITY_EMOJI: Record<Finding['severity'], string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

/** 850 ms, 1.25 s, 2 min 05 s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

/** file:line:column, or '' when the finding has no file. */
export function findingLocation(finding: Finding): string {
  if (!finding.file) return '';
  let spot = finding.file;
  if (finding.line !== undefined) {
    spot += `:${finding.line}`;
    if (finding.column !== undefined) spot += `:${finding.column}`;
  }
  return spot;
}

/** A fenced code block whose fence is longer than any backtick run inside the code. */
export function fence(code: string, language: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(Math.max(3, longestRun + 1));
  const body = code.endsWith('\n') ? code : `${code}\n`;
  return `${marks}${language.replace(/[^\w+-]/g, '')}\n${body}${marks}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One Markdown table cell: no pipes, no line breaks. */
export function tableCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function tableRow(cells: string[]): string {
  return `| ${cells.map(tableCell).join(' | ')} |`;
}

export function tableHead(columns: string[]): string {
  return `${tableRow(columns)}\n|${columns.map(() => ' --- |').join('')}`;
}

/** 950, 12 k, 1.2 M: row counts as people read them. */
export function formatCount(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1_000_000) return `${(n / 1_000_000).toFixed(abs >= 10_000_000 ? 0 : 1)} M`;
  if (abs >= 10_000) return `${Math.round(n / 1000)} k`;
  return String(Math.round(n));
}
