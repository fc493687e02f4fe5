/**
 * One grammar for database connection strings: Prisma's URLs (postgresql://user:password@host:port/db
 * with `?schema=`, `sslmode`, `host=` for a unix socket directory and the usual libpq parameters)
 * and libpq's keyword/value strings (`host=… dbname=… password=…`). Everything downstream works on
 * the parsed structure: the masked form shown to users is rendered from it, never cut out of the
 * raw text, and a string that cannot be parsed shows nothing of its user-info part (the password
 * may be in any piece of it). Every form of every password seen is registered as a secret first.
 */
import type { ClientConfig } from 'pg';
import { MigrateActionsError } from '../errors.js';
import { registerSecret } from './redact.js';
import { passwordFromEnvironment } from './pgpass.js';

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full' | 'no-verify';
const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'];

export interface ConnectionSettings {
  /**
   * A URL for tools that take one (Prisma's CLI): as given when the password came in it, else
   * built from the parts (with the password from PGPASSWORD or the password file). Contains the
   * password: never print it; use `maskedUrl`.
   */
  url: string;
  /** The connection string with its password replaced by ***, rendered from the parsed parts. */
  maskedUrl: string;
  host: string;
  port: number;
  user: string;
  password?: string;
  /** Where the password came from (a message may name it, never show it). */
  passwordSource?: 'url' | 'PGPASSWORD' | 'passfile';
  database: string;
  /** Prisma's `?schema=`: where `_prisma_migrations` lives and the search_path. */
  schema: string;
  sslmode?: SslMode;
  applicationName?: string;
  connectTimeoutSeconds?: number;
  /** Other parameters as given (Prisma's pgbouncer=true, connection_limit, …), secrets excluded. */
  params?: Record<string, string>;
}

const FORM_HELP =
  'Use the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE?schema=public, with the characters @ # / ? : % and spaces in the password percent-encoded (@ → %40, # → %23, / → %2F, ? → %3F, : → %3A, % → %25, space → %20), or a libpq string such as host=HOST port=5432 dbname=DB user=USER (and the password in PGPASSWORD).';

/** Parameters whose values are secrets: never rendered, always registered. */
const SECRET_PARAM = /pass(word|phrase)?$|secret|token|key$/i;

export function parseDatabaseUrl(
  raw: string | undefined,
  source = 'database-url',
  env: NodeJS.ProcessEnv = process.env,
): ConnectionSettings {
  const text = (raw ?? '').trim();
  if (!text) {
    throw new MigrateActionsError('E_URL_MISSING', `No database URL was given (${source}).`, {
      remedy: 'Pass --database-url postgresql://USER:PASSWORD@HOST:5432/DB (or set DATABASE_URL / the action input database-url).',
    });
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  const parts = scheme ? parseUri(text, scheme[1], source) : parseKeywords(text, source);
  return finish(parts, text, source, env);
}

/** What both grammars produce before defaults, the password file and rendering. */
interface ParsedParts {
  form: 'uri' | 'keywords';
  scheme: string;
  user?: string;
  password?: string;
  host?: string;
  port?: string;
  database?: string;
  /** In order as given (values decoded). */
  params: Array<[string, string]>;
}

function urlError(source: string, why: string, shown?: string): MigrateActionsError {
  return new MigrateActionsError(
    'E_URL_INVALID',
    `The ${source}${shown ? ` ${shown}` : ''} is not a valid PostgreSQL connection string: ${why}.`,
    {
      remedy: FORM_HELP,
    },
  );
}

/** Registers each candidate password, decoded and as typed, before anything can fail. */
function registerCandidate(text: string | undefined): void {
  if (!text) return;
  registerSecret(text);
  const decoded = tryDecode(text);
  if (decoded !== undefined) registerSecret(decoded);
  const plus = tryDecode(text.replace(/\+/g, ' '));
  if (plus !== undefined) registerSecret(plus);
}

function tryDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** RFC 3986 user-info is unreserved / pct-encoded / sub-delims / ":" (non-ASCII letters tolerated). */
const USERINFO_FORBIDDEN = /[\s@/?#[\]"<>\\^`{|}]|%(?![0-9a-f]{2})/i;

function parseUri(text: string, scheme: string, source: string): ParsedParts {
  const rest = text.slice(scheme.length + 3);
  const lastAt = rest.lastIndexOf('@');
  const firstDelimiter = rest.search(/[/?#]/);
  const authorityEnd = firstDelimiter < 0 ? rest.length : firstDelimiter;
  let userinfo: string | undefined;
  let afterUserinfo = rest;
  if (lastAt >= 0) {
    // Whatever precedes the last "@" may hold the password, even when a raw "/", "?" or "#"
    // in it ends the authority early: treat all of it as user-info, and show none of it.
    userinfo = rest.slice(0, lastAt);
    afterUserinfo = rest.slice(lastAt + 1);
    const colon = userinfo.indexOf(':');
    registerCandidate(colon >= 0 ? userinfo.slice(colon + 1) : undefined);
    if (lastAt > authorityEnd || USERINFO_FORBIDDEN.test(userinfo)) {
      registerCandidate(userinfo);
      throw urlError(
        source,
        'the text between "//" and the host is not valid — the password (or user name) must have @ # / ? : % and spaces percent-encoded; the text is not shown, as it holds the password',
      );
    }
  }
  if (scheme.toLowerCase() !== 'postgresql' && scheme.toLowerCase() !== 'postgres') {
    throw urlError(source, `the scheme is "${scheme}", expected postgresql:// or postgres://`);
  }
  const parts: ParsedParts = { form: 'uri', scheme: scheme.toLowerCase(), params: [] };
  if (userinfo !== undefined) {
    const colon = userinfo.indexOf(':');
    const userText = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
    const passwordText = colon >= 0 ? userinfo.slice(colon + 1) : undefined;
    const user = tryDecode(userText);
    const password = passwordText === undefined ? undefined : tryDecode(passwordText);
    if (user === undefined || (passwordText !== undefined && password === undefined)) {
      throw urlError(source, 'the user name or password is not valid percent-encoding (its text is not shown)');
    }
    registerSecret(password);
    if (user) parts.user = user;
    if (password) parts.password = password;
  }
  const hostEnd = afterUserinfo.search(/[/?#]/);
  const hostPort = hostEnd < 0 ? afterUserinfo : afterUserinfo.slice(0, hostEnd);
  let tail = hostEnd < 0 ? '' : afterUserinfo.slice(hostEnd);
  const safeShown = (): string => `${parts.scheme}://${userinfo !== undefined ? '***@' : ''}${hostPort}`;
  if (tail.includes('#')) {
    throw urlError(source, 'it contains "#" after the host, which a PostgreSQL URL cannot have (percent-encode it as %23)', safeShown());
  }
  if (hostPort.includes(',')) {
    throw urlError(source, 'it names several hosts; give one host (the primary) per URL', safeShown());
  }
  const hp = /^(\[[^\]]*\]|[^:[\]]*)(?::(.*))?$/.exec(hostPort);
  if (!hp) throw urlError(source, 'the host is not valid', safeShown());
  const host = tryDecode(hp[1].replace(/^\[|\]$/g, ''));
  if (host === undefined) throw urlError(source, 'the host is not valid percent-encoding', safeShown());
  if (host) parts.host = host;
  if (hp[2] !== undefined && hp[2] !== '') parts.port = hp[2];
  let path = tail;
  const q = tail.indexOf('?');
  if (q >= 0) {
    path = tail.slice(0, q);
    tail = tail.slice(q + 1);
    for (const pair of tail.split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const key = tryDecode((eq >= 0 ? pair.slice(0, eq) : pair).replace(/\+/g, ' '));
      const valueText = eq >= 0 ? pair.slice(eq + 1) : '';
      if (key && SECRET_PARAM.test(key)) registerCandidate(valueText);
      const value = tryDecode(valueText.replace(/\+/g, ' '));
      if (key === undefined || value === undefined) {
        throw urlError(source, 'a ?parameter is not valid percent-encoding (its text is not shown)', safeShown());
      }
      if (SECRET_PARAM.test(key)) registerSecret(value);
      parts.params.push([key, value]);
    }
  }
  const database = tryDecode(path.replace(/^\//, ''));
  if (database === undefined) throw urlError(source, 'the database name is not valid percent-encoding', safeShown());
  if (database.includes('/')) throw urlError(source, 'the database name contains "/"', safeShown());
  if (database) parts.database = database;
  return parts;
}

/** libpq's keyword = value grammar: values single-quoted (with \' and \\) or bare (with \ escapes). */
function parseKeywords(text: string, source: string): ParsedParts {
  const parts: ParsedParts = { form: 'keywords', scheme: 'postgresql', params: [] };
  const pairs: Array<[string, string]> = [];
  let i = 0;
  const fail = (why: string): never => {
    // A bare word may be the tail of an unquoted password with a space: register it, show nothing.
    registerCandidate(text.slice(i).split(/\s+/)[0]);
    throw urlError(source, why);
  };
  while (i < text.length) {
    while (/\s/.test(text[i] ?? '')) i++;
    if (i >= text.length) break;
    const keyMatch = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (!keyMatch) {
      fail(
        'it is neither a URL (postgresql://…) nor a libpq string of keyword=value pairs (its text is not shown, as it may contain a password; put values that contain spaces in single quotes)',
      );
    }
    const key = keyMatch![0];
    i += key.length;
    while (/\s/.test(text[i] ?? '')) i++;
    if (text[i] !== '=') {
      fail(
        'it is neither a URL (postgresql://…) nor a libpq string of keyword=value pairs (its text is not shown, as it may contain a password; put values that contain spaces in single quotes)',
      );
    }
    i++;
    while (/\s/.test(text[i] ?? '')) i++;
    let value = '';
    const start = i;
    if (text[i] === "'") {
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i];
        if (c === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else if (c === "'") {
          i++;
          closed = true;
          break;
        } else {
          value += c;
          i++;
        }
      }
      if (SECRET_PARAM.test(key)) registerCandidate(value);
      if (!closed) {
        registerCandidate(text.slice(start));
        throw urlError(source, `the quoted value of ${knownKeyword(key)} has no closing quote (its text is not shown)`);
      }
    } else {
      while (i < text.length && !/\s/.test(text[i])) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
    }
    if (SECRET_PARAM.test(key)) {
      registerCandidate(value);
      registerSecret(text.slice(start, i));
    }
    pairs.push([key, value]);
  }
  for (const [key, value] of pairs) {
    if (key === 'host' || key === 'hostaddr') parts.host = value;
    else if (key === 'port') parts.port = value;
    else if (key === 'dbname') parts.database = value;
    else if (key === 'user') parts.user = value;
    else if (key === 'password') parts.password = value || undefined;
    else parts.params.push([key, value]);
  }
  return parts;
}

const KNOWN_KEYWORDS = new Set([
  'host', 'hostaddr', 'port', 'dbname', 'user', 'password', 'passfile', 'sslmode', 'application_name', 'connect_timeout',
  'options', 'schema', 'sslpassword', 'sslcert', 'sslkey', 'sslrootcert', 'target_session_attrs',
]); // prettier-ignore

function knownKeyword(key: string): string {
  return KNOWN_KEYWORDS.has(key) ? key : 'a keyword';
}

function finish(parts: ParsedParts, text: string, source: string, env: NodeJS.ProcessEnv): ConnectionSettings {
  const param = (name: string): string | undefined => {
    const found = parts.params.filter(([k]) => k === name);
    return found.length ? found[found.length - 1][1] : undefined;
  };
  let masked = '';
  const shown = (): string => (masked ||= renderMasked(parts));
  const bad = (why: string): MigrateActionsError => urlError(source, why, shown());
  let host = param('host') || parts.host || '';
  if (!host) host = 'localhost';
  const portText = parts.port ?? param('port');
  let port = 5432;
  if (portText !== undefined && portText !== '') {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      throw bad(`the port "${portText}" is not a number between 1 and 65535`);
    }
    port = Number(portText);
  }
  const database = parts.database ?? param('dbname') ?? '';
  if (!database) throw bad(parts.form === 'uri' ? 'it names no database (the path after the host is empty)' : 'it has no dbname=');
  const user = parts.user ?? param('user') ?? 'postgres';
  const sslText = param('sslmode');
  if (sslText && !SSL_MODES.includes(sslText as SslMode)) {
    throw bad(`sslmode "${sslText}" is not one of ${SSL_MODES.join(', ')}`);
  }
  const schema = param('schema') ?? 'public';
  if (!schema) throw bad('?schema= is empty');
  const timeoutText = param('connect_timeout');
  if (timeoutText !== undefined && !/^\d+$/.test(timeoutText)) throw bad(`connect_timeout "${timeoutText}" is not a number of seconds`);
  let password = parts.password ?? param('password') ?? undefined;
  let passwordSource: ConnectionSettings['passwordSource'] = password ? 'url' : undefined;
  if (!password) {
    const found = passwordFromEnvironment({ host, port, database, user, passfile: param('passfile') }, env);
    if (found) {
      password = found.password;
      passwordSource = found.source;
    }
  }
  registerSecret(password);
  const params: Record<string, string> = {};
  for (const [k, v] of parts.params) {
    if (!SECRET_PARAM.test(k) && !['host', 'port', 'user', 'dbname'].includes(k)) params[k] = v;
  }
  const settings: ConnectionSettings = {
    url: '',
    maskedUrl: shown(),
    host,
    port,
    user,
    password,
    passwordSource,
    database,
    schema,
    sslmode: sslText as SslMode | undefined,
    applicationName: param('application_name'),
    connectTimeoutSeconds: timeoutText ? Number(timeoutText) : undefined,
    params,
  };
  settings.url =
    parts.form === 'uri' && passwordSource !== 'PGPASSWORD' && passwordSource !== 'passfile'
      ? text
      : buildDatabaseUrl({ ...settings, params: withoutKeys(params, ['schema', 'sslmode']) });
  return settings;
}

function withoutKeys(params: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([k]) => !keys.includes(k)));
}

/** The masked form, rendered from the parsed parts in the form the user gave. */
function renderMasked(parts: ParsedParts): string {
  const hasPassword = Boolean(parts.password);
  if (parts.form === 'keywords') {
    const pairs: Array<[string, string]> = [];
    if (parts.host !== undefined) pairs.push(['host', parts.host]);
    if (parts.port !== undefined) pairs.push(['port', parts.port]);
    if (parts.database !== undefined) pairs.push(['dbname', parts.database]);
    if (parts.user !== undefined) pairs.push(['user', parts.user]);
    if (hasPassword) pairs.push(['password', '***']);
    for (const [k, v] of parts.params) pairs.push([k, SECRET_PARAM.test(k) ? '***' : v]);
    return pairs.map(([k, v]) => `${k}=${/^[^\s'\\]+$/.test(v) && v !== '***' ? v : v === '***' ? v : quoteKeywordValue(v)}`).join(' ');
  }
  const auth = parts.user !== undefined || hasPassword ? `${encodeURIComponent(parts.user ?? '')}${hasPassword ? ':***' : ''}@` : '';
  const host = parts.host === undefined ? '' : parts.host.includes(':') ? `[${parts.host}]` : encodeURIComponent(parts.host);
  const port = parts.port !== undefined ? `:${parts.port}` : '';
  const query = parts.params
    .map(([k, v]) => `${encodeURIComponent(k)}=${SECRET_PARAM.test(k) ? '***' : encodeURIComponent(v).replace(/%2F/g, '/')}`)
    .join('&');
  return `${parts.scheme}://${auth}${host}${port}/${encodeURIComponent(parts.database ?? '')}${query ? `?${query}` : ''}`;
}

function quoteKeywordValue(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The masked form of any connection string (nothing of an unparseable one's user-info). */
export function maskUrl(url: string): string {
  try {
    return parseDatabaseUrl(url, 'database-url', {}).maskedUrl;
  } catch {
    return '(a connection string that cannot be parsed; not shown)';
  }
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
  params?: Record<string, string>;
}): string {
  const auth = encodeURIComponent(parts.user) + (parts.password ? `:${encodeURIComponent(parts.password)}` : '');
  const query = new URLSearchParams();
  const socket = parts.host.startsWith('/');
  if (socket) query.set('host', parts.host);
  if (parts.schema && parts.schema !== 'public') query.set('schema', parts.schema);
  if (parts.sslmode) query.set('sslmode', parts.sslmode);
  for (const [k, v] of Object.entries(parts.params ?? {})) if (!query.has(k) && k !== 'host') query.set(k, v);
  const hostPart = socket ? 'localhost' : parts.host.includes(':') ? `[${parts.host}]` : parts.host;
  const q = query.toString();
  return `postgresql://${auth}@${hostPart}:${parts.port}/${encodeURIComponent(parts.database)}${q ? `?${q}` : ''}`;
}

/** The same server and credentials, another database. */
export function withDatabase(settings: ConnectionSettings, database: string): ConnectionSettings {
  const url = buildDatabaseUrl({ ...settings, database, params: withoutKeys(settings.params ?? {}, ['schema', 'sslmode']) });
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
