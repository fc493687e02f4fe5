/**
 * The project's own Prisma CLI: found in its node_modules, its version detected, and the flags
 * chosen for that version. Output is redacted; arguments go as an argv array (no shell).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { WASM_BASELINE_FLAGS } from '../util/wasm-tiering.js';

export interface PrismaCli {
  /** The CLI's entry script (node_modules/prisma/build/index.js). */
  entry: string;
  version: string;
  major: number;
  projectDir: string;
}

export interface PrismaRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Where a package manager puts `prisma` for a project in `dir`: node_modules/prisma (npm, yarn
 * with node-modules, bun, and pnpm's symlink to its store), then pnpm's hidden hoisting folder
 * (node_modules/.pnpm/node_modules), which holds every package of the workspace.
 */
const CLI_PLACES = [path.join('node_modules', 'prisma'), path.join('node_modules', '.pnpm', 'node_modules', 'prisma')];

function cliAt(packageDir: string, projectDir: string): PrismaCli {
  const meta = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
    bin?: Record<string, string> | string;
  };
  const bin = typeof meta.bin === 'string' ? meta.bin : (meta.bin?.prisma ?? 'build/index.js');
  return { entry: path.join(packageDir, bin), version: meta.version, major: Number(meta.version.split('.')[0]), projectDir };
}

/**
 * Finds `prisma` in node_modules at or above `projectDir` (a monorepo package's own node_modules
 * first, then the hoisted ones of the root); undefined when the project has none.
 */
export function findPrismaCli(projectDir: string): PrismaCli | undefined {
  for (const place of CLI_PLACES) {
    let dir = path.resolve(projectDir);
    for (;;) {
      const packageDir = path.join(dir, place);
      if (fs.existsSync(path.join(packageDir, 'package.json'))) return cliAt(packageDir, dir);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

/** Yarn Plug'n'Play (.pnp.cjs above the project) installs no node_modules, so no CLI is found there. */
export function plugAndPlayRoot(projectDir: string): string | undefined {
  let dir = path.resolve(projectDir);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.pnp.cjs'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Like findPrismaCli, for callers that cannot go on without it. */
export function requirePrismaCli(projectDir = process.cwd()): PrismaCli {
  const cli = findPrismaCli(projectDir);
  if (cli) return cli;
  const pnp = plugAndPlayRoot(projectDir);
  throw new MigrateActionsError('E_PRISMA_CLI_MISSING', `No Prisma CLI found in node_modules above ${path.resolve(projectDir)}.`, {
    remedy: pnp
      ? `${pnp} uses Yarn Plug'n'Play, which installs no node_modules: set \`nodeLinker: node-modules\` in .yarnrc.yml (or use engine: builtin).`
      : "Install the project's dependencies (npm ci, pnpm install, yarn install or bun install) so node_modules/prisma exists, or use engine: builtin.",
  });
}

export interface RunPrismaOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Extra node flags (e.g. a preload). */
  nodeArgs?: string[];
  /** Kill the CLI after this long (exit code 1); no limit when absent. */
  timeoutMs?: number;
}

/** Runs the Prisma CLI; never throws for a non-zero exit (the caller reads `code`). */
export function runPrisma(cli: PrismaCli, args: string[], options: RunPrismaOptions = {}): Promise<PrismaRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), cli.entry, ...args], {
      cwd: options.cwd ?? cli.projectDir,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code: code ?? 1, stdout: redact(stdout), stderr: redact(stderr) });
    });
  });
}

const CONFIG_NAMES = ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.js', 'prisma.config.mjs'];

/**
 * The project's prisma.config.* (Prisma 6+): beside schema.prisma, in its parent (the usual
 * project root when the schema lives in prisma/), or in `projectRoot`. Such a config can select
 * the WebAssembly engine with a driver adapter, which runs where the native engine cannot be
 * downloaded; the CLI then needs a reachable database.
 */
export function findPrismaConfig(schemaPath: string, projectRoot?: string): string | undefined {
  const schemaDir = path.dirname(path.resolve(schemaPath));
  const dirs = [schemaDir, path.dirname(schemaDir), ...(projectRoot ? [path.resolve(projectRoot)] : [])];
  for (const dir of dirs) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return file;
    }
  }
  return undefined;
}

export interface SchemaToSqlOptions {
  /** prisma.config.* to load (see findPrismaConfig); the CLI runs from its directory. */
  configPath?: string;
  /** DATABASE_URL for the CLI: a driver-adapter config connects even for `--from-empty`. */
  databaseUrl?: string;
  timeoutMs?: number;
}

/**
 * Node flags for the CLI's `migrate diff`: on Node 20 and older, keeping its WebAssembly on the
 * baseline tier takes it from about 1.5 s to 1.25 s of wall time and a third less CPU here; on
 * Node 24 it changes nothing measurable, and later Nodes may not know the flags.
 */
export function baselineWasmNodeArgs(nodeVersion = process.versions.node): string[] {
  return Number(nodeVersion.split('.')[0]) <= 20 ? [...WASM_BASELINE_FLAGS] : [];
}

/** schema.prisma → the SQL that creates it from nothing (`migrate diff --from-empty`); a database only for a driver-adapter config. */
export async function schemaToSql(cli: PrismaCli, schemaPath: string, options: SchemaToSqlOptions = {}): Promise<string> {
  if (!fs.existsSync(schemaPath)) {
    throw new MigrateActionsError('E_SCHEMA_MISSING', `schema.prisma not found at ${schemaPath}.`, {
      remedy: "Pass schema-path (default prisma/schema.prisma) pointing at the project's schema.",
    });
  }
  const target = cli.major >= 7 ? ['--to-schema', path.resolve(schemaPath)] : ['--to-schema-datamodel', path.resolve(schemaPath)];
  const config = options.configPath && cli.major >= 6 ? ['--config', path.resolve(options.configPath)] : [];
  const run = await runPrisma(cli, ['migrate', 'diff', ...config, '--from-empty', ...target, '--script'], {
    cwd: options.configPath ? path.dirname(path.resolve(options.configPath)) : undefined,
    nodeArgs: baselineWasmNodeArgs(),
    env: options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : undefined,
    timeoutMs: options.timeoutMs ?? 120_000,
  });
  if (run.code !== 0) {
    throw new MigrateActionsError(
      'E_PRISMA_CLI',
      `prisma ${cli.version} migrate diff failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-5).join(' ')}`,
      {
        remedy:
          'Run `npx prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma --script` locally; where the Prisma engines cannot be downloaded, a prisma.config.ts with engine "js" and a driver adapter (@prisma/adapter-pg) lets Prisma 6.16+ run offline.',
      },
    );
  }
  return run.stdout;
}
