/**
 * Every temp file of a test run (clusters, backups, gpg homes, fixtures) goes under one folder
 * (TMPDIR for the workers, and where throwaway clusters live), which run-folder-teardown removes,
 * so a run leaves nothing behind. It is made where the clusters would go (in memory when the
 * machine has room, see clustersDir). Both jest projects set it up; whichever runs first creates
 * it and the other reuses it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

export default async function createRunFolder() {
  if (process.env.PMA_TEST_RUN_DIR && fs.existsSync(process.env.PMA_TEST_RUN_DIR)) return process.env.PMA_TEST_RUN_DIR;
  const { clustersDir } = await tsImport('../src/postgres/ephemeral.ts', import.meta.url);
  const runDir = fs.mkdtempSync(path.join(clustersDir(), 'pma-test-run-'));
  fs.chmodSync(runDir, 0o1777); // the throwaway clusters run as the postgres user when we are root
  process.env.TMPDIR = runDir;
  process.env.PMA_PG_CLUSTER_DIR = runDir;
  process.env.PMA_TEST_RUN_DIR = runDir;
  return runDir;
}
