/**
 * `engine: prisma`: runs the project's own Prisma CLI (`migrate deploy` / `migrate status`) with
 * the URL in the environment, and turns its outcome into the same result shape as the built-in
 * engine. Everything it prints is redacted before it is returned.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
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

export interface PrismaCli {
  entry: string;
  version: string;
  major: number;
  packageDir: string;
}

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export function findPrismaCli(projectDir = process.cwd()): PrismaCli {
  let dir = path.resolve(projectDir);
  for (;;) {
    const packageDir = path.join(dir, 'node_modules', 'prisma');
    const manifest = path.join(packageDir, 'package.json');
    if (fs.existsSync(manifest)) {
      const version = String(JSON.parse(fs.readFileSync(manifest, 'utf8')).version ?? '0.0.0');
      return { entry: path.join(packageDir, 'build', 'index.js'), version, major: Number(version.split('.')[0]), packageDir };
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new MigrateActionsError('E_PRISMA_CLI_MISSING', `No Prisma CLI found in node_modules above ${path.resolve(projectDir)}.`, {
    remedy: 'Install the project dependencies (npm ci) so node_modules/prisma exists, or use engine: builtin.',
  });
}

/** Runs the CLI; output is redacted. Never throws on a non-zero exit. */
export function runCli(
  cli: PrismaCli,
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined>; nodeArgs?: string[] },
): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), cli.entry, ...args], {
      cwd: options.cwd,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: redact(stdout), stderr: redact(stderr) }));
  });
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
  const cli = findPrismaCli(prisma.projectDir);
  const started = performance.now();
  options.log?.(`Running prisma migrate deploy (Prisma ${cli.version})`);
  const outcome = await runCli(cli, migrateArgs('deploy', cli, prisma), {
    cwd: prisma.projectDir ?? process.cwd(),
    env: cliEnv(options),
    nodeArgs: prisma.nodeArgs,
  });
  const output = `${outcome.stdout}\n${outcome.stderr}`.trim();
  const parsed = parseDeployOutput(output);
  const durationMs = performance.now() - started;
  if (outcome.code !== 0) {
    throw new MigrateActionsError(
      parsed.errorCode ?? 'E_PRISMA_CLI_FAILED',
      `prisma migrate deploy failed (exit ${outcome.code}): ${parsed.errorMessage ?? output.slice(-1500)}`,
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
): Promise<CliOutcome & { upToDate: boolean; prismaVersion: string }> {
  const prisma = options.prisma ?? {};
  const cli = findPrismaCli(prisma.projectDir);
  const outcome = await runCli(cli, migrateArgs('status', cli, prisma), {
    cwd: prisma.projectDir ?? process.cwd(),
    env: cliEnv(options as ApplyOptions),
    nodeArgs: prisma.nodeArgs,
  });
  return { ...outcome, upToDate: outcome.code === 0 && /up to date/i.test(outcome.stdout), prismaVersion: cli.version };
}
