/**
 * The real Prisma 6.19 CLI, offline: the WebAssembly schema engine through @prisma/adapter-pg,
 * configured by test/fixtures/prisma-wasm/prisma.config.ts. `migrationsDir` selects the history.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrismaCliOptions } from '../../src/migrations/prisma-cli.js';
import { requirePrismaCli, runPrisma } from '../../src/prisma/cli.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PRISMA_FIXTURE_DIR = path.resolve(here, '../fixtures/prisma-wasm');
export const PRISMA_CONFIG = path.join(PRISMA_FIXTURE_DIR, 'prisma.config.ts');
const PRELOAD = path.join(PRISMA_FIXTURE_DIR, 'unref-long-timers.cjs');
const PROJECT_DIR = path.resolve(here, '../..');

export interface PrismaRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options for the engine's `engine: 'prisma'` mode that run this offline setup. */
export function offlinePrismaOptions(migrationsDir: string): PrismaCliOptions {
  return {
    projectDir: PROJECT_DIR,
    configPath: PRISMA_CONFIG,
    env: { PMA_PRISMA_MIGRATIONS_DIR: path.resolve(migrationsDir) },
    nodeArgs: ['-r', PRELOAD],
  };
}

export async function runPrismaCli(
  args: string[],
  options: { cwd?: string; databaseUrl: string; migrationsDir?: string },
): Promise<PrismaRun> {
  const cli = requirePrismaCli(PROJECT_DIR);
  const env: Record<string, string> = { DATABASE_URL: options.databaseUrl, CHECKPOINT_DISABLE: '1' };
  if (options.migrationsDir) env.PMA_PRISMA_MIGRATIONS_DIR = path.resolve(options.migrationsDir);
  return runPrisma(cli, [...args, '--config', PRISMA_CONFIG], { cwd: options.cwd ?? PROJECT_DIR, env, nodeArgs: ['-r', PRELOAD] });
}
