/**
 * What the deploy's preflight and audit read about the server and the role they connect as:
 * version, whether the role is a superuser or owns the database, and the database's size.
 */
import type pg from 'pg';

export interface RoleFacts {
  /** server_version, e.g. "17.2". */
  version: string;
  role: string;
  superuser: boolean;
  /** The role owns the current database. */
  owner: boolean;
}

export async function roleFacts(client: pg.Client): Promise<RoleFacts> {
  const { rows } = await client.query<RoleFacts>(
    `SELECT current_setting('server_version') AS version, r.rolsuper AS superuser, d.datdba = r.oid AS owner, current_user AS role
       FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`,
  );
  return rows[0];
}

/** pg_database_size of the current database, in bytes. */
export async function databaseSize(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ size: string }>('SELECT pg_database_size(current_database())::bigint AS size');
  return Number(rows[0].size);
}
