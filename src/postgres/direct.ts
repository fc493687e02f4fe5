/**
 * Which URL migrations use, as `prisma migrate` decides it: a direct URL when the project has one
 * (`directUrl = env("…")` in schema.prisma's datasource, Prisma ≤ 6) or one is given as
 * direct-database-url, else database-url. Hosted providers hand out a pooled DATABASE_URL for the
 * application and a direct one for migrations; the migration lock needs the direct one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl, type ConnectionSettings } from './url.js';

export interface MigrationUrls {
  databaseUrl?: string;
  directDatabaseUrl?: string;
  /** Where schema.prisma is looked for (default prisma/schema.prisma under projectDir). */
  schemaPath?: string;
  projectDir: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/** The env var schema.prisma's datasource names for directUrl, if any. */
export function directUrlEnvFromSchema(schemaPath: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(schemaPath, 'utf8');
  } catch {
    return undefined;
  }
  const datasource = /datasource\s+\w+\s*\{([^}]*)\}/s.exec(text.replace(/\/\/.*$/gm, ''))?.[1];
  return datasource ? /\bdirectUrl\s*=\s*env\(\s*"([^"]+)"\s*\)/.exec(datasource)?.[1] : undefined;
}

export function migrationConnection(urls: MigrationUrls): ConnectionSettings {
  const env = urls.env ?? process.env;
  if (urls.directDatabaseUrl) return parseDatabaseUrl(urls.directDatabaseUrl, 'direct-database-url', env);
  const schemaPath = urls.schemaPath ?? path.join(urls.projectDir, 'prisma', 'schema.prisma');
  const name = directUrlEnvFromSchema(schemaPath);
  if (name && env[name]) {
    urls.log?.(
      `Using the direct URL from ${name} (directUrl in ${path.relative(urls.projectDir, schemaPath) || schemaPath}), as prisma migrate does.`,
    );
    return parseDatabaseUrl(env[name], `${name} (directUrl)`, env);
  }
  return parseDatabaseUrl(urls.databaseUrl, 'database-url', env);
}
