/**
 * Prisma's configuration for the example project. Where Prisma's native schema engine is
 * installed (the usual case, e.g. on GitHub's runners after `npm ci`), this changes nothing.
 * Where it is not — it is downloaded from Prisma's server at install time, and some machines
 * cannot reach that server — Prisma 6.16+ can run the same schema engine compiled to
 * WebAssembly through a driver adapter (@prisma/adapter-pg), which then needs DATABASE_URL.
 *
 * GOAL_MANDALA_SCHEMA_ENGINE=native|wasm overrides the detection.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Is the native schema-engine binary there (downloaded into @prisma/engines, or given by path)? */
function nativeSchemaEngineInstalled(): boolean {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.env.PRISMA_MIGRATION_ENGINE_BINARY) return true;
  try {
    // @prisma/engines is the CLI's dependency: resolve it from there (pnpm does not hoist it).
    const prismaPackage = createRequire(path.join(here, 'prisma.config.ts')).resolve('prisma/package.json');
    const enginesPackage = createRequire(prismaPackage).resolve('@prisma/engines/package.json');
    return fs.readdirSync(path.dirname(enginesPackage)).some((name) => name.startsWith('schema-engine-'));
  } catch {
    return true; // cannot tell: let Prisma behave as it always does
  }
}

function useWasmEngine(): boolean {
  const choice = process.env.GOAL_MANDALA_SCHEMA_ENGINE;
  if (choice === 'wasm') return true;
  if (choice === 'native') return false;
  return !nativeSchemaEngineInstalled();
}

/**
 * Prisma's `?schema=`: pg ignores the parameter, and the adapter's `schema` option alone still
 * lands DDL in public, so the search_path is set on the connection as the native engine does.
 */
function schemaOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return new URL(url).searchParams.get('schema') ?? undefined;
}

/**
 * The WebAssembly engine arms a 10 s timer (its advisory-lock wait) and never clears it, so the
 * CLI would linger 10 s after its work. Unref'd, it still fires while a lock query is pending.
 */
function unrefLongTimers(): void {
  const original = globalThis.setTimeout;
  globalThis.setTimeout = function setTimeoutUnrefLong(...args: Parameters<typeof setTimeout>) {
    const timer = original(...args);
    if (typeof args[1] === 'number' && args[1] >= 5000 && typeof timer?.unref === 'function') timer.unref();
    return timer;
  } as typeof setTimeout;
}

const schema = path.join(here, 'schema.prisma');

export default useWasmEngine()
  ? (unrefLongTimers(),
    (process.env.PRISMA_CLIENT_ENGINE_TYPE = 'client'),
    defineConfig({
      schema,
      engine: 'js',
      experimental: { adapter: true },
      adapter: async () => {
        const { PrismaPg } = await import('@prisma/adapter-pg');
        const url = process.env.DATABASE_URL;
        const searchPath = schemaOf(url);
        // A short idle timeout: otherwise each command lingers ~10 s on idle pool connections.
        return new PrismaPg(
          { connectionString: url, idleTimeoutMillis: 50, ...(searchPath ? { options: `-c search_path="${searchPath}"` } : {}) },
          { schema: searchPath },
        );
      },
    }))
  : defineConfig({ schema });
