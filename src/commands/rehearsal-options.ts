/**
 * The rehearsal at production scale's options, declared once for every command that rehearses
 * (migration-test; deploy's dry run and plan, which show the estimates next to the pending
 * migrations). Only what `auto` means differs between them.
 */
import { parseDatabaseUrl } from '../postgres/url.js';
import { DEFAULT_REHEARSAL_BUDGET, parseRowsSpec } from '../rehearsal/rows-spec.js';
import type { RehearsalSettings } from '../rehearsal/types.js';
import { num, str, type OptionSpec, type OptionValues, type ValuesOf } from './options.js';

/** `auto`: when the rehearsal runs with this command (the rest of the sentence after "auto = "). */
export function rehearsalOptions(auto: string) {
  return [
    {
      name: 'rehearsal',
      type: 'enum',
      values: ['auto', 'off'],
      default: 'auto',
      description: `Rehearse the new migrations at production scale on a scratch database, never the target (locks really taken, how long, rewrites, application queries blocked): auto = ${auto}; off.`,
    },
    {
      name: 'stats-database-url',
      type: 'string',
      env: 'STATS_DATABASE_URL',
      secret: false, // parseDatabaseUrl registers the password itself
      description:
        'Read-only URL of production or staging (may be the production URL itself): the rehearsal sizes the touched tables from its statistics (pg_class.reltuples) and estimates production times. Only statistics are read there, in a read-only session with a statement timeout.',
    },
    {
      name: 'rehearsal-rows',
      type: 'string',
      default: '100000',
      description:
        'Rows per touched table that stats-database-url gives no size for (every one without it): one number, or table=rows pairs (orders=2000000,users=50000).',
    },
    {
      name: 'rehearsal-budget',
      type: 'integer',
      min: 0,
      default: '2000000',
      description: 'Most rows the rehearsal generates in all; larger sizes are scaled down proportionally (the report says by how much).',
    },
    {
      name: 'max-blocking',
      type: 'duration',
      default: '1s',
      description: 'A statement that makes application queries wait longer than this in the rehearsal is a finding.',
    },
    {
      name: 'rehearsal-timeout',
      type: 'duration',
      default: '10m',
      description: 'The rehearsal stops the running statement after this long in all, and reports what it saw until then.',
    },
  ] as const satisfies readonly OptionSpec[];
}

/**
 * Plans (deploy's dry run, plan) rehearse on a throwaway PostgreSQL of the target's major, or on
 * this server (a CI service container): never the target's server, which the rehearsal would load.
 */
export const REHEARSAL_SERVER_OPTION = {
  name: 'rehearsal-database-url',
  type: 'string',
  description:
    "Rehearse on this PostgreSQL server instead of a throwaway one (a scratch database is created and dropped there); never the target's server.",
} as const satisfies OptionSpec;

export type RehearsalValues = ValuesOf<ReturnType<typeof rehearsalOptions>>;

/** The settings; `rehearsal-database-url` is read where the command declares it (plans). */
export function rehearsalSettings(values: RehearsalValues & OptionValues<'rehearsal-database-url'>): RehearsalSettings {
  const stats = str(values, 'stats-database-url');
  const server = str(values, 'rehearsal-database-url');
  return {
    ...(server ? { serverUrl: server } : {}),
    rehearsal: str(values, 'rehearsal') === 'off' ? 'off' : 'auto',
    statsDatabase: stats ? parseDatabaseUrl(stats, 'stats-database-url') : undefined,
    rehearsalRows: parseRowsSpec(str(values, 'rehearsal-rows')),
    rehearsalBudget: num(values, 'rehearsal-budget') ?? DEFAULT_REHEARSAL_BUDGET,
    maxBlockingMs: num(values, 'max-blocking') ?? 1000,
    rehearsalTimeoutMs: num(values, 'rehearsal-timeout') ?? 600_000,
  };
}
