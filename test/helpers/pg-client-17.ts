/**
 * pg_dump/pg_restore 17 for the tests of zstd/lz4 compression (pg_dump 16+): the machine's own
 * (a PostgreSQL 16+ client in /usr/lib/postgresql), else the copy scripts/pg-client-17.sh puts
 * in a cache folder on machines whose distribution ships only 15 (CI runs that script).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function pgClient17Dir(): string {
  const candidates = [
    process.env.PMA_PG_CLIENT_17_DIR ? path.join(process.env.PMA_PG_CLIENT_17_DIR, 'bin') : '',
    '/usr/lib/postgresql/17/bin',
    path.join(os.homedir(), '.cache/prisma-migrate-actions/pg-client-17/bin'),
  ].filter(Boolean);
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'pg_dump')) && fs.existsSync(path.join(dir, 'pg_restore')));
  if (!found) {
    throw new Error(`No pg_dump 17 here (looked in ${candidates.join(', ')}): run \`bash scripts/pg-client-17.sh\` once (CI does).`);
  }
  return found;
}
