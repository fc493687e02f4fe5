/**
 * Starts the test run's own PostgreSQL clusters — the system's major and one from npm — and
 * hands their admin URLs to the test files through the environment. Test files create cheap
 * databases on them; global-teardown stops them and removes their files.
 *
 * Every temp file of the run (clusters, backups, gpg homes, fixtures) goes under one folder
 * (TMPDIR for the workers), which the teardown removes, so a run leaves nothing behind.
 * (Plain ESM: jest loads global setup outside its transform, so the TypeScript is loaded with tsx.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

export const TEST_MAJORS = (process.env.PMA_TEST_MAJORS ?? '15,17').split(',').map(Number);

export default async function globalSetup() {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-test-run-'));
  fs.chmodSync(runDir, 0o1777); // the throwaway clusters run as the postgres user when we are root
  process.env.TMPDIR = runDir;
  process.env.PMA_TEST_RUN_DIR = runDir;
  const { startThrowawayCluster } = await tsImport('../src/postgres/ephemeral.ts', import.meta.url);
  const servers = [];
  for (const major of TEST_MAJORS) {
    const server = await startThrowawayCluster({ major });
    servers.push(server);
    process.env[`PMA_TEST_PG${major}_URL`] = server.admin.url;
  }
  process.env.PMA_TEST_MAJORS = TEST_MAJORS.join(',');
  globalThis.__pmaServers = servers;
}
