/**
 * `engine: prisma`: runs the project's own Prisma CLI (`migrate deploy` / `migrate status`) with
 * the URL in the environment, and turns its outcome into the same result shape as the built-in
 * engine. Everything it prints is redacted before it is returned.
 */
import { MigrateActionsError } from '../errors.js';
import { isErrorCode } from '../error-codes.js';
import { requirePrismaCli, runPrisma, type PrismaCli, type PrismaRun } from '../prisma/cli.js';
import type { ApplyOptions, ApplyResult } from './apply.js';
import { toSettings } from './session.js';

export interface PrismaCliOptions {
  /** Where to look for node_modules/prisma (walking up); default the current directory. */
  projectDir?: string;
  schemaPath?: string;
  /** prisma.config.ts (Prisma 6+). */
  configPath?: string;
  /** Extra environment for the CLI. */
  env?: Record<string, string>;
  /** Extra node flags (e.g. a preload). */
  nodeArgs?: string[];
}

/** Flags for the detected major: --schema always; --config exists from Prisma 6. */
export function migrateArgs(command: 'deploy' | 'status', cli: PrismaCli, options: PrismaCliOptions): string[] {
  const args = ['migrate', command];
  if (options.schemaPath) args.push('--schema', options.schemaPath);
  if (options.configPath && cli.major >= 6) args.push('--config', options.configPath);
  return args;
}

export interface DeployOutput {
  applied: string[];
  errorCode?: string;
  errorMessage?: string;
  noPending: boolean;
  /** The migration Prisma reports as failed, when it names one. */
  failedMigration?: string;
}

/** Reads `migrate deploy` output: the applied tree, "No pending migrations", `Error: P3009`. */
export function parseDeployOutput(text: string): DeployOutput {
  const applied: string[] = [];
  const listStart = text.indexOf('have been applied');
  if (listStart >= 0) {
    for (const match of text.slice(listStart).matchAll(/└─ ([^/\s]+)\/\s*\n\s*└─ migration\.sql/g)) applied.push(match[1]);
  }
  const error = /Error: (P\d{4})?\s*\n?([\s\S]*)/.exec(text);
  return {
    applied,
    errorCode: error?.[1],
    errorMessage: error ? error[2].trim().split('\n').slice(0, 12).join('\n') : undefined,
    noPending: /No pending migrations to apply/.test(text),
    // Prisma names the failing migration as `Migration name: X` or `migration_name="X"`.
    failedMigration: /Migration name: (\S+)/.exec(text)?.[1] ?? /migration_name="([^"]+)"/.exec(text)?.[1],
  };
}

function cliEnv(options: ApplyOptions): Record<string, string> {
  return { DATABASE_URL: toSettings(options.connection).url, ...options.prisma?.env };
}

export async function applyWithPrismaCli(options: ApplyOptions): Promise<ApplyResult> {
  const settings = toSettings(options.connection);
  const prisma = options.prisma ?? {};
  const cli = requirePrismaCli(prisma.projectDir);
  const started = performance.now();
  options.log?.(`Running prisma migrate deploy (Prisma ${cli.version})`);
  const outcome = await runPrisma(cli, migrateArgs('deploy', cli, prisma), {
    cwd: prisma.projectDir ?? process.cwd(),
    env: cliEnv(options),
    nodeArgs: prisma.nodeArgs,
  });
  const output = `${outcome.stdout}\n${outcome.stderr}`.trim();
  const parsed = parseDeployOutput(output);
  const durationMs = performance.now() - started;
  if (outcome.code !== 0) {
    // Prisma's own code when we register it (we mirror those), else ours with Prisma's in the text.
    const code = isErrorCode(parsed.errorCode) ? parsed.errorCode : 'E_PRISMA_CLI_FAILED';
    const prismaCode = parsed.errorCode && code !== parsed.errorCode ? `${parsed.errorCode}: ` : '';
    throw new MigrateActionsError(
      code,
      `prisma migrate deploy failed (exit ${outcome.code}): ${prismaCode}${parsed.errorMessage ?? output.slice(-1500)}`,
      {
        remedy:
          parsed.errorCode === 'P3009'
            ? 'Resolve the failed migration (resolve --rolled-back / --applied), then deploy again.'
            : 'Read the Prisma output above; run status to see the state of the history.',
        where: parsed.failedMigration ? { migration: parsed.failedMigration } : undefined,
        details: { output, exitCode: outcome.code, prismaVersion: cli.version, applied: parsed.applied, migration: parsed.failedMigration },
      },
    );
  }
  return {
    engine: 'prisma',
    dryRun: false,
    schema: settings.schema,
    notApplied: [],
    plan: [],
    createdMigrationsTable: false,
    durationMs,
    output,
    prismaVersion: cli.version,
    // Prisma does not report per-migration timings.
    applied: parsed.applied.map((name) => ({ name, mode: 'script', durationMs: Number.NaN, statements: Number.NaN, retries: 0 })),
  };
}

export async function statusWithPrismaCli(
  options: Pick<ApplyOptions, 'connection' | 'prisma'>,
): Promise<PrismaRun & { upToDate: boolean; prismaVersion: string }> {
  const prisma = options.prisma ?? {};
  const cli = requirePrismaCli(prisma.projectDir);
  const outcome = await runPrisma(cli, migrateArgs('status', cli, prisma), {
    cwd: prisma.projectDir ?? process.cwd(),
    env: cliEnv(options as ApplyOptions),
    nodeArgs: prisma.nodeArgs,
  });
  return { ...outcome, upToDate: outcome.code === 0 && /up to date/i.test(outcome.stdout), prismaVersion: cli.version };
}
