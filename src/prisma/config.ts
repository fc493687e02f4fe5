/**
 * Where the project keeps its migrations, as Prisma would find them: an explicit path, else
 * `migrations.path` in prisma.config.ts (or beside the `schema` it names), else
 * prisma/migrations. The config is TypeScript; only its literal strings are read, nothing runs.
 */
import fs from 'node:fs';
import path from 'node:path';

const CONFIG_NAMES = [
  'prisma.config.ts',
  'prisma.config.mts',
  'prisma.config.js',
  'prisma.config.mjs',
  'prisma.config.cjs',
  'prisma.config.cts',
];
export const DEFAULT_MIGRATIONS_DIR = 'prisma/migrations';

/** The migrations path a prisma.config.* in `projectDir` declares, if it declares one as a literal. */
export function migrationsDirFromConfig(projectDir: string): string | undefined {
  for (const name of CONFIG_NAMES) {
    const file = path.join(projectDir, name);
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const explicit = /migrations\s*:\s*\{[^}]*?\bpath\s*:\s*['"`]([^'"`]+)['"`]/s.exec(text)?.[1];
    if (explicit) return path.resolve(projectDir, explicit);
    const schema = /\bschema\s*:\s*['"`]([^'"`]+)['"`]/.exec(text)?.[1];
    if (schema) {
      const schemaPath = path.resolve(projectDir, schema);
      const dir = fs.existsSync(schemaPath) && fs.statSync(schemaPath).isDirectory() ? schemaPath : path.dirname(schemaPath);
      return path.join(dir, 'migrations');
    }
  }
  return undefined;
}

export function resolveMigrationsDir(given: string | undefined, projectDir: string): string {
  if (given) return path.resolve(projectDir, given);
  return migrationsDirFromConfig(projectDir) ?? path.resolve(projectDir, DEFAULT_MIGRATIONS_DIR);
}
