/**
 * Is this URL a connection pooler in transaction or statement mode (PgBouncer, Supavisor, the
 * URLs Supabase, Neon and many RDS setups hand out)? Migrations need a session: the migration
 * advisory lock and session settings (lock_timeout, search_path) belong to one server
 * connection, and a pooler hands each transaction to whichever server connection is free — the
 * unlock then runs elsewhere and the lock stays held by the pool. Found by behaviour, not by
 * name: two client connections, the second holding a transaction open while the first asks again
 * for its server's pid; a pooler must give the first another server connection. A session whose
 * backend is the one that sent its cancel key at startup cannot be pooled, and skips that probe.
 * The URL and startup parameters then name which pooler it is.
 */
import pg from 'pg';
import { toClientConfig, type ConnectionSettings } from './url.js';

export interface PoolerEvidence {
  /** "PgBouncer", "Supavisor" or "a connection pooler". */
  pooler: string;
  mode: 'transaction' | 'statement' | 'unknown';
  /** What showed it, in words. */
  reasons: string[];
}

const PROBE_ROUNDS = 5;
/**
 * A saturated pool makes an idle client wait for a free server — behaviour a direct connection
 * never shows, and waiting on it would deadlock probes that each hold a server.
 */
const SERVER_WAIT_MS = 3000;
const PROBE_APPLICATION_NAME = 'prisma-migrate-actions pooler-probe';

/** Hostnames of well-known pooled endpoints (the pooler runs there, whatever it answers). */
const KNOWN_POOLER_HOSTS: Array<[RegExp, string]> = [
  [/\.pooler\.supabase\.com$/i, 'Supavisor'],
  [/-pooler\.[^.]+.*\.neon\.tech$/i, 'PgBouncer'],
];

/**
 * The pooler behind these settings, or undefined for a direct connection (or one that fails: the
 * caller's own connect reports that). `session`, a connection of the caller's to the same URL,
 * serves as one of the probe's two clients, so the check costs one connection instead of two.
 */
export async function detectPooler(settings: ConnectionSettings, session?: Promise<pg.Client>): Promise<PoolerEvidence | undefined> {
  const reasons: string[] = [];
  let name: string | undefined;
  for (const [pattern, pooler] of KNOWN_POOLER_HOSTS) {
    if (pattern.test(settings.host)) {
      name = pooler;
      reasons.push(`the host ${settings.host} is a ${pooler} endpoint`);
    }
  }
  if (/^(true|1)$/i.test(settings.params?.pgbouncer ?? '')) {
    name ??= 'PgBouncer';
    reasons.push('the URL says pgbouncer=true (Prisma’s flag for a transaction-mode PgBouncer)');
  }
  let mode: PoolerEvidence['mode'] = 'unknown';
  const behaviour = await probe(settings, session).catch(() => undefined);
  if (behaviour?.pooled) {
    mode = behaviour.mode;
    reasons.push(behaviour.reason);
    name ??= behaviour.name ?? (await pgBouncerConsole(settings));
  }
  if (!reasons.length) return undefined;
  return { pooler: name ?? 'a connection pooler', mode: mode === 'unknown' && settings.params?.pgbouncer ? 'transaction' : mode, reasons };
}

interface ProbeResult {
  pooled: boolean;
  mode: 'transaction' | 'statement';
  reason: string;
  name?: string;
}

async function connectProbe(settings: ConnectionSettings, parameters: Record<string, string>): Promise<pg.Client> {
  // A bare client, not openClient: the ParameterStatus listener must be attached before connecting.
  const client = new pg.Client(
    toClientConfig(
      { ...settings, connectTimeoutSeconds: settings.connectTimeoutSeconds ?? 10 },
      { applicationName: PROBE_APPLICATION_NAME },
    ),
  );
  client.on('error', () => undefined);
  // node-postgres keeps ParameterStatus messages to itself: listen on its connection.
  const connection = (client as unknown as { connection: NodeJS.EventEmitter }).connection;
  connection.on(
    'parameterStatus',
    (m: { parameterName: string; parameterValue: string }) => (parameters[m.parameterName] = m.parameterValue),
  );
  await client.connect();
  return client;
}

async function withinWait<T>(pending: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SERVER_WAIT_MS)));
  try {
    return await Promise.race([pending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const pidOf = async (client: pg.Client): Promise<number> =>
  (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;

/**
 * A direct session: the backend that answers is the one whose pid PostgreSQL sent at startup
 * (BackendKeyData). A transaction or statement pooler must hand out cancel keys of its own — a
 * cancel has to reach whichever server runs the client's current transaction — so behind one the
 * two differ, and the behavioural probe decides.
 */
const answersAsItsStartupBackend = async (client: pg.Client): Promise<boolean> => {
  const startupPid = (client as unknown as { processID: number | null }).processID;
  return startupPid !== null && startupPid === (await pidOf(client));
};

async function probe(settings: ConnectionSettings, session?: Promise<pg.Client>): Promise<ProbeResult | undefined> {
  const parameters: Record<string, string> = {};
  const own = session ? undefined : connectProbe(settings, parameters);
  const firstSession = session ?? own!;
  const endOwn = (): void => void own?.then((client) => client.end()).catch(() => undefined);
  let direct: boolean;
  try {
    direct = await answersAsItsStartupBackend(await firstSession);
  } catch (error) {
    endOwn(); // an open probe client would keep the process alive
    throw error;
  }
  if (direct) {
    endOwn();
    return undefined;
  }
  // Pooling is possible: a second client holds transactions while the first asks for its server.
  const [firstConnect, secondConnect] = await Promise.allSettled([firstSession, connectProbe(settings, session ? parameters : {})]);
  if (firstConnect.status === 'rejected' || secondConnect.status === 'rejected') {
    for (const c of session ? [secondConnect] : [firstConnect, secondConnect])
      if (c.status === 'fulfilled') await c.value.end().catch(() => undefined);
    throw (firstConnect.status === 'rejected' ? firstConnect : (secondConnect as PromiseRejectedResult)).reason;
  }
  const first = firstConnect.value;
  const second: pg.Client = secondConnect.value;
  try {
    const name = nameFromParameters(parameters);
    const before = await pidOf(first);
    try {
      await second.query('BEGIN');
    } catch (error) {
      if (/transaction blocks not allowed|statement mode/i.test((error as Error).message)) {
        return { pooled: true, mode: 'statement', reason: 'it refuses transaction blocks (statement pooling)', name: name ?? 'PgBouncer' };
      }
      throw error;
    }
    // One round can miss a pooler when other clients take and return servers in between (the
    // pool may hand this client the same server again); a few rounds make that vanishingly rare
    // and cost a direct connection a handful of round trips.
    for (let round = 0; round < PROBE_ROUNDS; round++) {
      if (round > 0) await second.query('BEGIN');
      const held = await pidOf(second);
      const after = await withinWait(pidOf(first));
      if (after === undefined) {
        return {
          pooled: true,
          mode: 'transaction',
          reason: `an idle client connection waited over ${SERVER_WAIT_MS / 1000} s for a server session while another client held a transaction (a direct connection answers at once)`,
          name,
        };
      }
      await second.query('COMMIT').catch(() => undefined);
      const again = await pidOf(first);
      if (held === before || after !== before || again !== before) {
        return {
          pooled: true,
          mode: 'transaction',
          reason: `one client connection was served by different server sessions (backend pid ${before}, then ${after === before ? again : after}${held === before ? `; pid ${before} went to another client while this one was idle` : ''})`,
          name,
        };
      }
    }
    return undefined;
  } finally {
    // Not awaited: the server's goodbye takes ~10 ms and nothing here needs it.
    void second.end().catch(() => undefined);
    if (!session) void first.end().catch(() => undefined);
  }
}

/**
 * PgBouncer answers for a virtual database named "pgbouncer" (its admin console) even when the
 * role may not use it; PostgreSQL says the database does not exist. Asked only once pooling is
 * already shown, so a direct server never sees the attempt.
 */
async function pgBouncerConsole(settings: ConnectionSettings): Promise<string | undefined> {
  // A bare client, not openClient: the connect error itself is the answer, not a failure to report.
  const client = new pg.Client(
    toClientConfig({ ...settings, database: 'pgbouncer', schema: '' }, { applicationName: PROBE_APPLICATION_NAME }),
  );
  client.on('error', () => undefined);
  try {
    await client.connect();
    return 'PgBouncer';
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return e.code === '3D000' || /does not exist/.test(e.message ?? '')
      ? undefined
      : /not allowed|pgbouncer/i.test(e.message ?? '')
        ? 'PgBouncer'
        : undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Supavisor and some PgBouncer builds say who they are in the server_version they report. */
function nameFromParameters(parameters: Record<string, string>): string | undefined {
  const text = Object.values(parameters).join(' ');
  if (/supavisor/i.test(text)) return 'Supavisor';
  if (/pgbouncer/i.test(text)) return 'PgBouncer';
  return undefined;
}
