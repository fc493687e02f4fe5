/**
 * Database URLs parsed the way Prisma reads them: postgresql://user:password@host:port/db
 * with `?schema=` (search_path, default public), `sslmode`, `host=` for a unix socket
 * directory, and the usual libpq parameters. The password is registered as a secret the
 * moment it is seen.
 */
import type { ClientConfig } from 'pg';
import { MigrateActionsError } from '../errors.js';
import { redact, registerSecret } from './redact.js';

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full' | 'no-verify';
const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'];

export interface ConnectionSettings {
  /** The URL as given (contains the password: never print it; use `maskedUrl`). */
  url: string;
  maskedUrl: string;
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  /** Prisma's `?schema=`: where `_prisma_migrations` lives and the search_path. */
  schema: string;
  sslmode?: SslMode;
  applicationName?: string;
  connectTimeoutSeconds?: number;
}

export function maskUrl(url: string): string {
  return redact(url);
}

export function parseDatabaseUrl(raw: string | undefined, source = 'database-url'): ConnectionSettings {
  const text = (raw ?? '').trim();
  if (!text) {
    throw new MigrateActionsError('E_URL_MISSING', `No database URL was given (${source}).`, {
      remedy: 'Pass --database-url postgresql://USER:PASSWORD@HOST:5432/DB (or set DATABASE_URL / the action input database-url).',
    });
  }
  // Register the password before anything can echo the URL.
  const pwMatch = /^[a-z+]+:\/\/[^:/?#@\s]*:([^@\s]*)@/i.exec(text);
  if (pwMatch?.[1]) {
    registerSecret(pwMatch[1]);
    try {
      registerSecret(decodeURIComponent(pwMatch[1]));
    } catch {
      /* an undecodable password is still masked in its raw form */
    }
  }
  const masked = maskUrl(text);
  const bad = (why: string, remedy?: string): MigrateActionsError =>
    new MigrateActionsError('E_URL_INVALID', `The ${source} ${masked} is not a valid PostgreSQL URL: ${why}.`, {
      remedy:
        remedy ??
        'Use the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE?schema=public (percent-encode special characters in the password).',
    });
  const portInText = explicitPort(text);
  if (portInText !== undefined && (!/^\d{1,5}$/.test(portInText) || Number(portInText) < 1 || Number(portInText) > 65535)) {
    throw bad(`the port "${portInText}" is not a number between 1 and 65535`);
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    // Unparseable text may be a bare password pasted by mistake: do not echo it.
    throw new MigrateActionsError(
      'E_URL_INVALID',
      `The ${source} cannot be parsed as a URL (its text is not shown, as it may contain a password).`,
      {
        remedy:
          'Use the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE?schema=public (percent-encode special characters in the password).',
      },
    );
  }
  const protocol = parsed.protocol.replace(/:$/, '');
  if (protocol !== 'postgresql' && protocol !== 'postgres') {
    throw bad(`the scheme is "${protocol}", expected postgresql:// or postgres://`);
  }
  const params = parsed.searchParams;
  const decode = (value: string, what: string): string => {
    try {
      return decodeURIComponent(value);
    } catch {
      throw bad(`the ${what} is not valid percent-encoding`);
    }
  };
  const hostParam = params.get('host');
  let host = parsed.hostname ? decode(parsed.hostname, 'host') : '';
  if (hostParam) host = hostParam; // a unix socket directory (Prisma and libpq accept ?host=/path)
  if (!host) host = 'localhost';
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  let port = 5432;
  const portText = parsed.port || params.get('port') || '';
  if (portText) {
    port = Number(portText);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad(`the port "${portText}" is not a number between 1 and 65535`);
  }
  const database = decode(parsed.pathname.replace(/^\//, ''), 'database name');
  if (!database) throw bad('it names no database (the path after the host is empty)');
  if (database.includes('/')) throw bad('the database name contains "/"');
  const user = parsed.username ? decode(parsed.username, 'user name') : (params.get('user') ?? 'postgres');
  const password = parsed.password ? decode(parsed.password, 'password') : (params.get('password') ?? undefined);
  if (password) registerSecret(password);
  const sslText = params.get('sslmode') ?? undefined;
  if (sslText && !SSL_MODES.includes(sslText as SslMode)) {
    throw bad(`sslmode "${sslText}" is not one of ${SSL_MODES.join(', ')}`);
  }
  const schema = params.get('schema') ?? 'public';
  if (!schema) throw bad('?schema= is empty');
  const timeoutText = params.get('connect_timeout');
  return {
    url: text,
    maskedUrl: masked,
    host,
    port,
    user,
    password,
    database,
    schema,
    sslmode: sslText as SslMode | undefined,
    applicationName: params.get('application_name') ?? undefined,
    connectTimeoutSeconds: timeoutText ? Number(timeoutText) : undefined,
  };
}

/** The text after the host's colon, if any, found without trusting a URL parser. */
function explicitPort(text: string): string | undefined {
  const afterScheme = text.replace(/^[a-z+]+:\/\//i, '');
  const authority = afterScheme.split(/[/?#]/)[0];
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const m = /^(?:\[[^\]]*\]|[^:]*):(.*)$/.exec(hostPort);
  return m && m[1] !== '' ? m[1] : undefined;
}

/** Builds a URL from parts (used for throwaway databases and for renaming the database). */
export function buildDatabaseUrl(parts: {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  schema?: string;
  sslmode?: SslMode;
}): string {
  const auth = encodeURIComponent(parts.user) + (parts.password ? `:${encodeURIComponent(parts.password)}` : '');
  const query = new URLSearchParams();
  const socket = parts.host.startsWith('/');
  if (socket) query.set('host', parts.host);
  if (parts.schema && parts.schema !== 'public') query.set('schema', parts.schema);
  if (parts.sslmode) query.set('sslmode', parts.sslmode);
  const hostPart = socket ? 'localhost' : parts.host.includes(':') ? `[${parts.host}]` : parts.host;
  const q = query.toString();
  return `postgresql://${auth}@${hostPart}:${parts.port}/${encodeURIComponent(parts.database)}${q ? `?${q}` : ''}`;
}

/** The same server and credentials, another database. */
export function withDatabase(settings: ConnectionSettings, database: string): ConnectionSettings {
  const url = buildDatabaseUrl({ ...settings, database });
  return { ...settings, database, url, maskedUrl: maskUrl(url) };
}

/** node-postgres client settings for these connection settings. */
export function toClientConfig(
  settings: ConnectionSettings,
  extra: { applicationName?: string; statementTimeoutMs?: number; readOnly?: boolean } = {},
): ClientConfig {
  const config: ClientConfig = {
    host: settings.host,
    port: settings.port,
    user: settings.user,
    password: settings.password,
    database: settings.database,
    application_name: extra.applicationName ?? settings.applicationName ?? 'prisma-migrate-actions',
    connectionTimeoutMillis: (settings.connectTimeoutSeconds ?? 10) * 1000,
  };
  const mode = settings.sslmode;
  if (mode === 'require' || mode === 'no-verify') config.ssl = { rejectUnauthorized: false };
  else if (mode === 'verify-ca' || mode === 'verify-full') config.ssl = { rejectUnauthorized: true };
  const options: string[] = [];
  if (settings.schema) options.push(`-c search_path=${escapeOptionValue(quoteIdentForSearchPath(settings.schema))}`);
  if (extra.statementTimeoutMs !== undefined) options.push(`-c statement_timeout=${extra.statementTimeoutMs}`);
  if (extra.readOnly) options.push('-c default_transaction_read_only=on');
  if (options.length) config.options = options.join(' ');
  return config;
}

function quoteIdentForSearchPath(schema: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(schema) ? schema : `"${schema.replace(/"/g, '""')}"`;
}

/** libpq `options` values escape spaces and backslashes with a backslash. */
function escapeOptionValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/ /g, '\\ ');
}
