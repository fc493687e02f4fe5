/**
 * The one way the suite connects to PostgreSQL. `withClient` is a short-lived connection for a
 * unit of work: connected, used, always closed. `openClient` is for the few sessions that must
 * outlive one call (an advisory lock, an exported snapshot, a lock monitor, the apply session):
 * the caller ends it. Both name the session (application_name, seen in pg_stat_activity), can
 * make every transaction read-only and bound each statement, and turn a failed connect into
 * E_CONNECT with the masked URL — never a bare PostgreSQL message.
 */
import pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { redact } from './redact.js';
import { toClientConfig, type ConnectionSettings } from './url.js';

export interface ClientOptions {
  /** application_name of the session (default prisma-migrate-actions). */
  applicationName?: string;
  /** default_transaction_read_only=on: the session cannot write. */
  readOnly?: boolean;
  /** statement_timeout of the session, in milliseconds. */
  statementTimeoutMs?: number;
  /** What to do when the connection fails (the default speaks of URL, network and credentials). */
  connectRemedy?: string;
}

const DEFAULT_CONNECT_REMEDY = 'Check the database URL, that the server is reachable from here, and the credentials.';

/** A connected client; the caller ends it (`client.end()`). */
export async function openClient(settings: ConnectionSettings, options: ClientOptions = {}): Promise<pg.Client> {
  const client = new pg.Client(
    toClientConfig(settings, {
      applicationName: options.applicationName,
      readOnly: options.readOnly,
      statementTimeoutMs: options.statementTimeoutMs,
    }),
  );
  // A dropped or killed backend surfaces through the next (or pending) query instead.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new MigrateActionsError('E_CONNECT', `Cannot connect to ${settings.maskedUrl}: ${redact((error as Error).message)}`, {
      remedy: options.connectRemedy ?? DEFAULT_CONNECT_REMEDY,
      cause: error,
    });
  }
  return client;
}

/**
 * Ends a session without waiting for the server to close its side (~15 ms a session here): the
 * Terminate is sent at once, and the socket no longer keeps the process alive. For the last use of
 * a session; a DROP or CREATE … TEMPLATE of its database right after waits for the backend to go.
 */
export function endWithoutWaiting(client: pg.Client): void {
  void client.end().catch(() => undefined);
  (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
}

export function withClient<T>(settings: ConnectionSettings, fn: (client: pg.Client) => Promise<T>): Promise<T>;
export function withClient<T>(settings: ConnectionSettings, options: ClientOptions, fn: (client: pg.Client) => Promise<T>): Promise<T>;
export async function withClient<T>(
  settings: ConnectionSettings,
  optionsOrFn: ClientOptions | ((client: pg.Client) => Promise<T>),
  maybeFn?: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const [options, fn] = typeof optionsOrFn === 'function' ? [{}, optionsOrFn] : [optionsOrFn, maybeFn!];
  const client = await openClient(settings, options);
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The message of the error under an E_CONNECT (for callers that word the failure themselves). */
export function connectFailureMessage(error: unknown): string {
  const cause = error instanceof MigrateActionsError && error.code === 'E_CONNECT' ? error.cause : error;
  return redact(cause instanceof Error ? cause.message : String(cause));
}
