/**
 * The rehearsal in words for plans (deploy's dry run, plan): light on purpose — the commands
 * render with it before any domain module is loaded.
 */
import { formatCount, formatDuration, plural } from '../report/format.js';
import type { RehearsalData, RehearsedStatement } from './types.js';

/** The step's and the table's name, wherever the rehearsal is reported. */
export const REHEARSAL_TITLE = 'Rehearsal at production scale';
/**
 * One statement's rehearsal in a phrase, for the plan next to the statement: "ACCESS EXCLUSIVE on
 * public.orders, about 40 s at 12 M rows, rewrites the table".
 */
export function atProductionSize(s: RehearsedStatement, data: RehearsalData): string {
  const lock = s.locks[0];
  const rows = lock ? (data.productionRows?.[lock.relation] ?? data.rows[lock.relation]) : undefined;
  const time = s.estimatedProductionMs ?? s.durationMs;
  return [
    lock ? `${lock.mode} on ${lock.relation}` : 'no table lock seen',
    `${s.estimatedProductionMs !== undefined ? 'about ' : ''}${formatDuration(time)}${rows !== undefined ? ` at ${formatCount(rows)} rows` : ''}`,
    ...(s.rewrite ? ['rewrites the table'] : []),
    ...(s.blocked.queries
      ? [`${plural(s.blocked.queries, 'application query', 'application queries')} waited up to ${formatDuration(s.blocked.maxWaitMs)}`]
      : []),
    ...(s.timedOut ? ['stopped by rehearsal-timeout (takes longer)'] : []),
  ].join(', ');
}

/** The plan's cell for one statement: its rehearsal in a phrase, or that it was not rehearsed (a later statement after a stop). */
export function rehearsedCell(data: RehearsalData, migration: string, line: number): string {
  const s = data.statements.find((st) => st.migration === migration && st.line === line);
  return s ? atProductionSize(s, data) : 'not rehearsed';
}
