/** Small text helpers shared by the console and Markdown renderers. */
import type { Finding, Report, Verdict } from './model.js';

export const VERDICT_WORD: Record<Verdict, string> = { pass: 'passed', fail: 'failed', warn: 'passed with warnings', skip: 'skipped' };
export const VERDICT_EMOJI: Record<Verdict, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️' };
export const SEVERITY_EMOJI: Record<Finding['severity'], string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

/**
 * The one duration format of every output: `270 ms`, `1.2 s`, `14 s`, `2 min 3 s`, `1 h 5 min`.
 * Rounded to what a reader can use; never a raw float.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 ms';
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  if (Math.round(ms / 100) < 600) {
    const seconds = Math.round(ms / 100) / 10;
    return `${seconds >= 10 ? Math.round(seconds) : seconds} s`;
  }
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) {
    const seconds = totalSeconds % 60;
    return `${Math.floor(totalSeconds / 60)} min${seconds ? ` ${seconds} s` : ''}`;
  }
  const totalMinutes = Math.round(totalSeconds / 60);
  const minutes = totalMinutes % 60;
  return `${Math.floor(totalMinutes / 60)} h${minutes ? ` ${minutes} min` : ''}`;
}

/** Nouns whose plural is not singular + "s". */
const IRREGULAR_PLURALS: Record<string, string> = {
  index: 'indexes',
  entry: 'entries',
  retry: 'retries',
};

/** `1 migration`, `2 migrations`, `0 indexes`: the count and the noun agreeing with it. */
export function plural(count: number, singular: string, pluralForm?: string): string {
  const many = pluralForm ?? IRREGULAR_PLURALS[singular] ?? `${singular}s`;
  return `${count} ${count === 1 ? singular : many}`;
}

/** `2 errors, 1 warning, 0 notices` from a count per severity. */
export function severityCounts(counts: { error: number; warning: number; notice: number }): string {
  return [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.notice, 'notice')].join(', ');
}

/** 512 bytes, 12.3 KiB, 4.0 MiB, 1.2 GiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Timings in the order of the report's checks (steps that run side by side finish in any
 * order), other steps after them, the total last — so two runs print the same table.
 */
export function orderedTimings(report: Pick<Report, 'checks' | 'timings'>): Array<[string, number]> {
  const rank = (step: string, index: number): number => {
    if (/^total$/i.test(step)) return Number.MAX_SAFE_INTEGER;
    const check = report.checks.findIndex((c) => c.name === step);
    return check >= 0 ? check : report.checks.length + index;
  };
  return Object.entries(report.timings ?? {})
    .map((entry, index) => ({ entry, rank: rank(entry[0], index) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ entry }) => entry);
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
