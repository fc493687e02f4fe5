/**
 * One deploy at a time per database: a session-level advisory lock held from preflight to the
 * audit record. Prisma's migration lock alone is not enough: it is taken only around the apply,
 * so a second deploy would pass preflight, take a backup and then report success with nothing
 * applied. The second deploy is refused up front, naming the deploy that holds the lock.
 */
import type pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { openClient, type ClientOptions } from '../postgres/client.js';
import { PRISMA_ADVISORY_LOCK_KEY } from '../migrations/locks.js';

/** pg_advisory_lock(int, int): Prisma's key as the namespace, 1 for "deploy". */
const LOCK_KEYS: number[] = [PRISMA_ADVISORY_LOCK_KEY, 1];
export const DEPLOY_APPLICATION_NAME = 'prisma-migrate-actions-deploy';

export interface DeployLock {
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  application_name: string;
  usename: string;
  backend_start: Date;
}

/** Takes the deploy lock or throws E_DEPLOY_RUNNING; `runId` names this deploy to the others. */
export async function acquireDeployLock(settings: ConnectionSettings, runId: string, session: ClientOptions = {}): Promise<DeployLock> {
  // Long-lived (openClient): the session holds the advisory lock until the deploy releases it;
  // a lost lock session ends with the deploy.
  const client = await openClient(settings, { ...session, applicationName: `${DEPLOY_APPLICATION_NAME} ${runId}` });
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', LOCK_KEYS);
    if (!rows[0].locked) throw busy(settings, await holders(client));
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    async release() {
      // Ending the session releases the lock even if the unlock itself fails.
      await client.query('SELECT pg_advisory_unlock($1, $2)', LOCK_KEYS).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

async function holders(client: pg.Client): Promise<Holder[]> {
  const { rows } = await client.query<Holder>(
    `SELECT a.pid, a.application_name, a.usename, a.backend_start
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    LOCK_KEYS,
  );
  return rows;
}

function busy(settings: ConnectionSettings, found: Holder[]): MigrateActionsError {
  const who = found.length
    ? found
        .map(
          (h) => `pid ${h.pid} (${h.application_name || 'no application_name'}, user ${h.usename}, since ${h.backend_start.toISOString()})`,
        )
        .join('; ')
    : 'a session that has just ended';
  return new MigrateActionsError(
    'E_DEPLOY_RUNNING',
    redact(`Another deploy is running on ${settings.maskedUrl}: ${who}. This one was refused before changing anything.`),
    {
      remedy:
        'Wait for it to finish and run this deploy again (it will apply whatever is still pending). In GitHub, give the deploy job a concurrency group per environment with cancel-in-progress: false.',
    },
  );
}
