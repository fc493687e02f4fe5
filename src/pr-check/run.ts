/**
 * The state of one pull request check — its report, the throwaway server and the Prisma project
 * — and what every step shares: the step runner (a thrown error becomes a failed check plus one
 * finding, and the run goes on), new databases, workspace paths, applying a history.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import type { PostgresServer } from '../postgres/ephemeral.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { withClient as withPgClient } from '../postgres/client.js';
import { applyMigrations } from '../migrations/apply.js';
import { readMigrationsDir, type LocalMigration } from '../migrations/reader.js';
import { materializeAtRef, repoRoot } from '../guard/git.js';
import type { HistoryGuardResult } from '../guard/history-guard.js';
import { snapshotSchema } from '../catalog/snapshot.js';
import type { PrismaCli } from '../prisma/cli.js';
import { addFindings, findingFromError, runCheck, type Check, type Finding, type Report } from '../report/model.js';
import type { MigrationTestSettings, PrCheckEnvironment } from './types.js';

export interface PrismaProject {
  cli?: PrismaCli;
  configPath?: string;
}

/** The throwaway databases of one run, and how migrations are applied to them. */
export interface PrCheckRun {
  settings: MigrationTestSettings;
  env: PrCheckEnvironment;
  report: Report;
  server: PostgresServer;
  schema: string;
  prisma: PrismaProject;
  /** The base branch's state, applied once per run (see atBaseBranch). */
  baseBranch?: Promise<BaseBranchState>;
}

/** The database the base branch's migrations were applied to, and how long that took. */
export interface BaseBranchState {
  database: ConnectionSettings;
  durationMs: number;
}

/** What paths in findings are relative to. */
export type Where = Pick<PrCheckRun, 'settings' | 'env'>;

export const withClient = <T>(settings: ConnectionSettings, fn: (client: pg.Client) => Promise<T>): Promise<T> =>
  withPgClient(settings, { applicationName: 'prisma-migrate-actions-test' }, fn);

export function snapshotOf(settings: ConnectionSettings) {
  return withClient(settings, (client) => snapshotSchema(client, { schemas: [settings.schema] }));
}

/** A new empty database, or a copy of `template` (a database nobody is connected to). */
export function newDatabase(run: PrCheckRun, label: string, template?: string): Promise<ConnectionSettings> {
  return run.server.createDatabase(`pma_${label}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`, {
    schema: run.schema,
    ...(template ? { template } : {}),
  });
}

/**
 * Whether the pull request leaves the merged history as it is: no merged migration edited,
 * renamed or deleted, none added before them, the lock file unchanged (the history guard found
 * nothing). The working tree's merged migrations are then the base commit's files, byte for byte.
 */
export function mergedHistoryUnchanged(guard: HistoryGuardResult): boolean {
  return guard.problems.length === 0;
}

/**
 * A new database at the base branch's state: the migrations of its commit (what production ran,
 * not the working tree's files, unless they are the same). They are applied once per run, and
 * the steps that start from them each get a copy: copying the files is cheaper than applying a
 * long history twice on a busy machine. A failure is every caller's error.
 */
export async function atBaseBranch(
  run: PrCheckRun,
  guard: HistoryGuardResult,
  base: LocalMigration[],
  label: string,
): Promise<BaseBranchState> {
  run.baseBranch ??= applyBaseBranch(run, guard, base);
  const state = await run.baseBranch;
  return { database: await newDatabase(run, label, state.database.database), durationMs: state.durationMs };
}

async function applyBaseBranch(run: PrCheckRun, guard: HistoryGuardResult, base: LocalMigration[]): Promise<BaseBranchState> {
  const { migrationsDir } = run.settings;
  // Nothing merged changed: the working tree's copies need not be read out of git again. (The
  // Prisma CLI reads a whole folder, which holds the new migrations too: it gets the commit's.)
  if (mergedHistoryUnchanged(guard) && run.settings.engine !== 'prisma') {
    const db = await newDatabase(run, 'base');
    const result = await applyHistory(run, db, base, migrationsDir);
    return { database: db, durationMs: result.durationMs };
  }
  const baseCommit = guard.baseCommit;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-base-'));
  try {
    const [db, root] = await Promise.all([newDatabase(run, 'base'), repoRoot(migrationsDir)]);
    await materializeAtRef(root, baseCommit, path.relative(root, migrationsDir).split(path.sep).join('/'), workDir);
    const result = await applyHistory(run, db, (await readMigrationsDir(workDir)).migrations, workDir);
    return { database: db, durationMs: result.durationMs };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** A path for people and annotations: relative to the workspace, the working tree's file for a migration. */
export function displayPath(run: Where, file: string | undefined, migration?: string): string | undefined {
  const target = migration ? path.join(run.settings.migrationsDir, migration, 'migration.sql') : file;
  const relative = target ? path.relative(run.env.cwd, target) : undefined;
  // Temp files (a backup, a copy) are no place for an annotation.
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : undefined;
}

export function errorFinding(run: Where, error: unknown): Finding {
  const e = error instanceof MigrateActionsError ? error : undefined;
  const file = displayPath(run, e?.where?.file, e?.where?.migration);
  // The location in workspace terms (the error's own may be a temp copy); the remedy goes to `fix`.
  const at = file
    ? `\n  at ${[file, e?.where?.line, e?.where?.line !== undefined ? e?.where?.column : undefined].filter((p) => p !== undefined).join(':')}`
    : '';
  const base = findingFromError(error);
  return e ? { ...base, file, message: `[${e.code}] ${e.message}${at}` } : { ...base, file, title: 'error' };
}

/** Runs a step as a check; a thrown error becomes a failed check plus a finding (once, though several steps meet it), and the run goes on. */
export async function step(run: PrCheckRun, name: string, body: (check: Check) => Promise<void>): Promise<void> {
  await runCheck(run.report, name, body).catch((error: unknown) => {
    const finding = errorFinding(run, error);
    const key = (f: Finding) => [f.ruleId, f.file, f.line, f.column, f.message].join('\0');
    if (!run.report.findings.some((f) => key(f) === key(finding))) addFindings(run.report, [finding]);
  });
}

/**
 * Applies `migrations` (read from `dir`) with the chosen engine. The Prisma CLI reads the
 * migrations beside the schema it is given, so it gets a temporary copy of schema.prisma with
 * exactly this history next to it (the project's prisma.config.* still applies).
 */
export async function applyHistory(run: PrCheckRun, connection: ConnectionSettings, migrations: LocalMigration[], dir: string) {
  const { settings, env } = run;
  if (settings.engine !== 'prisma') return applyMigrations({ connection, migrations, engine: 'builtin', log: env.log });
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-prisma-'));
  try {
    const schemaPath = path.join(project, 'schema.prisma');
    fs.copyFileSync(settings.schemaPath, schemaPath);
    fs.cpSync(dir, path.join(project, 'migrations'), { recursive: true });
    const cwd = run.prisma.configPath ? path.dirname(run.prisma.configPath) : path.dirname(settings.schemaPath);
    return await applyMigrations({
      connection,
      engine: 'prisma',
      log: env.log,
      prisma: { projectDir: cwd, schemaPath, configPath: run.prisma.configPath },
    });
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
}

/** The check names, in the order the report shows them (steps run concurrently). */
export const CHECK = {
  guard: 'History guard',
  scratch: 'Apply from scratch',
  upgrade: 'Upgrade path with data',
  rehearsal: 'Rollback rehearsal',
  schema: 'schema.prisma agrees with the migrations',
  lint: 'Lint',
  scaleRehearsal: 'Rehearsal at production scale',
} as const;
export const CHECK_ORDER: string[] = Object.values(CHECK);
