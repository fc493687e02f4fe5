/** One short-lived connection for a unit of work: connected, used, always closed. */
import pg from 'pg';
import { toClientConfig, type ConnectionSettings } from './url.js';

export async function withClient<T>(
  settings: ConnectionSettings,
  fn: (client: pg.Client) => Promise<T>,
  applicationName = 'prisma-migrate-actions',
): Promise<T> {
  const client = new pg.Client(toClientConfig(settings, { applicationName }));
  client.on('error', () => undefined); // a dropped idle connection surfaces on the next query instead
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
