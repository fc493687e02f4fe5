/**
 * pg_dump / pg_restore for a server: which binary can handle which major, and how to hand
 * them connection settings (password in the child's environment only, never in argv).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { binaryVersion, findClientTool } from '../postgres/binaries.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { withClient as withPgClient } from '../postgres/client.js';

export interface ServerVersion {
  version: string;
  versionNum: number;
  major: number;
}

export interface ClientTool {
  path: string;
  version: string;
  major: number;
}

export const withClient = <T>(settings: ConnectionSettings, fn: (client: pg.Client) => Promise<T>): Promise<T> =>
  withPgClient(settings, { applicationName: 'prisma-migrate-actions-backup' }, fn);

export async function serverVersion(client: pg.Client): Promise<ServerVersion> {
  const r = await client.query<{ num: string; version: string }>(
    "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version",
  );
  const versionNum = Number(r.rows[0].num);
  return { version: r.rows[0].version, versionNum, major: Math.floor(versionNum / 10000) };
}

/** The exact fix for a missing client of a major, as a remedy text. */
export function installClientRemedy(tool: string, major: number): string {
  return (
    `Install the PostgreSQL ${major} client tools: on Ubuntu (GitHub runners) run ` +
    '`sudo install -d /usr/share/postgresql-common/pgdg && sudo curl -fsSo /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc https://www.postgresql.org/media/keys/ACCC4CF8.asc && ' +
    'echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt $(lsb_release -cs)-pgdg main" | sudo tee /etc/apt/sources.list.d/pgdg.list && ' +
    `sudo apt-get update && sudo apt-get install -y postgresql-client-${major}\`; ` +
    `or pass the path of a ${tool} of major ${major} or newer (pg-dump-path / --pg-dump-path).`
  );
}

/** A pg_dump / pg_restore of the server's major or newer; throws with the fix when there is none. */
export async function resolveClientTool(tool: 'pg_dump' | 'pg_restore', serverMajor: number, explicitPath?: string): Promise<ClientTool> {
  const candidate = explicitPath ?? (await findClientTool(tool, serverMajor))?.path;
  if (!candidate || !fs.existsSync(candidate)) {
    throw new MigrateActionsError(
      'E_BACKUP_CLIENT_MISSING',
      explicitPath
        ? `The ${tool} given (${explicitPath}) does not exist.`
        : `No ${tool} that can handle PostgreSQL ${serverMajor} was found (it must be major ${serverMajor} or newer; looked in /usr/lib/postgresql/*/bin and PATH).`,
      { remedy: installClientRemedy(tool, serverMajor) },
    );
  }
  const version = await binaryVersion(candidate);
  if (!version) {
    throw new MigrateActionsError('E_BACKUP_CLIENT_MISSING', `${candidate} does not run (\`${tool} --version\` failed).`, {
      remedy: installClientRemedy(tool, serverMajor),
    });
  }
  if (version.major < serverMajor) {
    throw new MigrateActionsError(
      'E_BACKUP_CLIENT_TOO_OLD',
      `${candidate} is ${tool} ${version.version}, which cannot handle PostgreSQL ${serverMajor} (a ${tool} must be the server's major or newer).`,
      { remedy: installClientRemedy(tool, serverMajor) },
    );
  }
  return { path: candidate, ...version };
}

/** The tool of that name in the same directory as `file`, if there is one. */
export function siblingTool(file: string, tool: 'pg_dump' | 'pg_restore'): string | undefined {
  const sibling = path.join(path.dirname(file), tool);
  return fs.existsSync(sibling) ? sibling : undefined;
}

/** libpq arguments (no password) and environment (password, sslmode) for a client tool. */
export function libpqInvocation(settings: ConnectionSettings): { args: string[]; env: NodeJS.ProcessEnv } {
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: 'prisma-migrate-actions-backup' };
  for (const key of ['PGPASSWORD', 'PGSERVICE', 'PGOPTIONS', 'PGDATABASE', 'PGHOST', 'PGPORT', 'PGUSER']) delete env[key];
  if (settings.password) env.PGPASSWORD = settings.password;
  if (settings.sslmode) env.PGSSLMODE = settings.sslmode === 'no-verify' ? 'require' : settings.sslmode;
  if (settings.connectTimeoutSeconds) env.PGCONNECT_TIMEOUT = String(settings.connectTimeoutSeconds);
  return { args: ['--host', settings.host, '--port', String(settings.port), '--username', settings.user, '--no-password'], env };
}
