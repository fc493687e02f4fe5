/**
 * Every temp file of a test run (clusters, backups, gpg homes, fixtures) goes under one folder
 * (TMPDIR for the workers), which run-folder-teardown removes, so a run leaves nothing behind.
 * Both jest projects set it up; whichever runs first creates it and the other reuses it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function createRunFolder() {
  if (process.env.PMA_TEST_RUN_DIR && fs.existsSync(process.env.PMA_TEST_RUN_DIR)) return process.env.PMA_TEST_RUN_DIR;
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-test-run-'));
  fs.chmodSync(runDir, 0o1777); // the throwaway clusters run as the postgres user when we are root
  process.env.TMPDIR = runDir;
  process.env.PMA_TEST_RUN_DIR = runDir;
  return runDir;
}
