/**
 * One option model for the CLI and the actions: every command declares its options with the
 * action input names (kebab-case), and both front ends coerce raw text through `coerceOption`,
 * so flags, inputs, defaults and validation never drift apart. The same specs generate each
 * action.yml, the README's action reference and docs/actions/ (scripts/readme.mjs).
 *
 * A command declares its specs `as const satisfies readonly OptionSpec[]` and reads values of
 * type `ValuesOf<typeof SPECS>`, so `str(values, 'no-such-option')` does not compile.
 */
import { MigrateActionsError } from '../errors.js';
import { registerSecret } from '../postgres/redact.js';
import { parseDuration } from '../util/duration.js';

export { parseDuration };
import { ENGINES } from '../migrations/engine.js';

export type OptionType = 'string' | 'boolean' | 'integer' | 'duration' | 'list' | 'enum' | 'path';

export interface OptionSpec<Name extends string = string> {
  name: Name;
  type: OptionType;
  description: string;
  /** Default as the raw text an input would carry. */
  default?: string;
  /** A default only action.yml states, filled in by the runner (e.g. `${{ github.token }}`); the CLI has none. */
  actionDefault?: string;
  /** Environment variable used when the flag is absent (CLI only). */
  env?: string;
  values?: readonly string[];
  /** Masked everywhere once read. */
  secret?: boolean;
  required?: boolean;
  /** Not required when this other option is given (database-url, when --targets names a fleet). */
  requiredUnless?: string;
  min?: number;
  max?: number;
  /** A CLI flag with no action input (e.g. --approved-by, which GitHub's approval replaces). */
  cliOnly?: boolean;
  /** Other CLI flag names for the same option (e.g. --dir, as Prisma's CLI calls it). */
  aliases?: readonly string[];
  /**
   * A CLI flag naming a file whose content is the value of this secret option (e.g.
   * --passphrase-file for passphrase): the command line takes secrets only this way or from `env`.
   */
  secretFileFor?: string;
}

export type OptionValue = string | number | boolean | string[] | undefined;
// Optional keys: an absent value and `undefined` mean the same (the option was not given and has no default).
export type OptionValues<Name extends string = string> = { [K in Name]?: OptionValue };
/** The values of a command's options, keyed by exactly the names its specs declare. */
export type ValuesOf<Specs extends readonly OptionSpec[]> = OptionValues<Specs[number]['name']>;

function invalid(spec: OptionSpec, source: string, raw: string, expected: string): MigrateActionsError {
  const shown = spec.secret ? '(hidden)' : JSON.stringify(raw);
  return new MigrateActionsError('E_INPUT', `The ${source} ${spec.name} is ${shown}, expected ${expected}.`, {
    remedy: `Set ${spec.name} to ${expected}. ${spec.description}`,
  });
}

/** Coerces one raw value (flag text or action input) into its typed value. */
export function coerceOption(spec: OptionSpec, raw: string | undefined, source = 'option'): OptionValue {
  const text = raw === undefined || raw === '' ? spec.default : raw;
  if (text === undefined || text === '') {
    if (spec.required) {
      throw new MigrateActionsError('E_INPUT', `The ${source} ${spec.name} is required.`, {
        remedy: `${spec.description}${spec.env ? ` (or set ${spec.env})` : ''}`,
      });
    }
    return spec.type === 'list' ? [] : spec.type === 'boolean' ? false : undefined;
  }
  if (spec.secret) registerSecret(text);
  switch (spec.type) {
    case 'boolean': {
      const t = text.trim().toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(t)) return true;
      if (['false', 'no', '0', 'off'].includes(t)) return false;
      throw invalid(spec, source, text, 'true or false');
    }
    case 'integer': {
      const n = Number(text.trim());
      const range = `an integer${spec.min !== undefined ? ` ≥ ${spec.min}` : ''}${spec.max !== undefined ? ` ≤ ${spec.max}` : ''}`;
      if (!Number.isInteger(n) || (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        throw invalid(spec, source, text, range);
      }
      return n;
    }
    case 'duration': {
      const ms = parseDuration(text);
      if (ms === undefined) throw invalid(spec, source, text, 'a duration such as 5s, 500ms, 2m or a number of milliseconds');
      return ms;
    }
    case 'enum': {
      const t = text.trim();
      if (!spec.values?.includes(t)) throw invalid(spec, source, text, `one of ${spec.values?.join(', ')}`);
      return t;
    }
    case 'list':
      return text
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return text.trim();
  }
}

/** Reads typed values for every spec from a raw lookup (argv, env or action inputs). */
export function readOptions<Name extends string>(
  specs: readonly OptionSpec<Name>[],
  lookup: (spec: OptionSpec<Name>) => string | undefined,
  source: string,
): OptionValues<Name> {
  const values = {} as OptionValues<Name>;
  for (const spec of specs) {
    const other = spec.requiredUnless ? specs.find((s) => s.name === spec.requiredUnless) : undefined;
    const waived = spec.required && other !== undefined && Boolean(lookup(other));
    values[spec.name] = coerceOption(waived ? { ...spec, required: false } : spec, lookup(spec), source);
  }
  return values;
}

// Readers take only the names the values were declared with (NoInfer: `name` cannot widen them).
export function str<Name extends string>(values: OptionValues<Name>, name: NoInfer<Name>): string | undefined {
  const v = values[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function num<Name extends string>(values: OptionValues<Name>, name: NoInfer<Name>): number | undefined {
  const v = values[name];
  return typeof v === 'number' ? v : undefined;
}

export function bool<Name extends string>(values: OptionValues<Name>, name: NoInfer<Name>): boolean {
  return values[name] === true;
}

export function list<Name extends string>(values: OptionValues<Name>, name: NoInfer<Name>): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : [];
}

/** Shared option specs, so the same name always means the same thing. */
export const COMMON = {
  /** The CLI's way to give a secret option from a file (the flag itself is refused on argv). */
  secretFile: <Secret extends string>(secretName: Secret, what: string): OptionSpec<`${Secret}-file`> => ({
    name: `${secretName}-file`,
    type: 'path',
    cliOnly: true,
    secretFileFor: secretName,
    description: `Read the ${what} from this file (the command line takes no secrets: every local user can read it in the process list).`,
  }),
  /** `description` says what the database is to this command. */
  databaseUrl: (description: string, required = true): OptionSpec<'database-url'> => ({
    name: 'database-url',
    type: 'string',
    env: 'DATABASE_URL',
    secret: false, // parseDatabaseUrl registers the password itself
    required,
    requiredUnless: 'targets',
    description,
  }),
  directDatabaseUrl: (): OptionSpec<'direct-database-url'> => ({
    name: 'direct-database-url',
    type: 'string',
    env: 'DIRECT_DATABASE_URL',
    description:
      "A direct (non-pooled) URL for migrations, as Prisma's directUrl: used instead of database-url when given (else schema.prisma's directUrl = env(…), if set).",
  }),
  takeOverStaleLock: (): OptionSpec<'take-over-stale-lock'> => ({
    name: 'take-over-stale-lock',
    type: 'boolean',
    default: 'false',
    description:
      'When the migration lock is held by an idle prisma-migrate-actions session older than 10 minutes (a crashed run), end that session and take the lock; logged and recorded. Never done without this.',
  }),
  strictFailures: (): OptionSpec<'strict-failures'> => ({
    name: 'strict-failures',
    type: 'boolean',
    default: 'false',
    description:
      "Keep Prisma's behaviour: a failed migration's row stays failed and blocks later deploys (P3009) even when nothing of it was committed. Off: such an attempt is recorded rolled back and the next run retries it.",
  }),
  migrationsDir: (): OptionSpec<'migrations-dir'> => ({
    name: 'migrations-dir',
    aliases: ['dir'],
    type: 'path',
    description: 'The Prisma migrations directory (default: migrations.path in prisma.config.ts, else prisma/migrations).',
  }),
  engine: (): OptionSpec<'engine'> => ({
    name: 'engine',
    type: 'enum',
    values: [...ENGINES],
    default: 'builtin',
    description: "How migrations are applied: builtin (atomic per migration) or prisma (the project's Prisma CLI).",
  }),
  reportDir: (description = 'Directory for the JSON and markdown reports.'): OptionSpec<'report-dir'> => ({
    name: 'report-dir',
    type: 'path',
    default: '.prisma-migrate-actions',
    description,
  }),
  /** The job token by default; `use` says what it is for, `permission` what that needs. */
  githubToken: (use: string, permission: string): OptionSpec<'github-token'> => ({
    name: 'github-token',
    type: 'string',
    secret: true,
    env: 'GITHUB_TOKEN',
    actionDefault: '${{ github.token }}',
    description: `Token for ${use}; it needs ${permission}. Default: the job token (GitHub runs only).`,
  }),
};
