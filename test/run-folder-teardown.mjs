/**
 * Removes the run's temp folder (see run-folder-setup.mjs) unless PMA_KEEP_TEST_FILES is set.
 * While the integration project's clusters still run (their files are in it), it is left for
 * global-teardown, which stops them and then calls this.
 */
import fs from 'node:fs';

export default function removeRunFolder() {
  if (globalThis.__pmaServers?.length) return;
  const runDir = process.env.PMA_TEST_RUN_DIR;
  if (runDir && !process.env.PMA_KEEP_TEST_FILES) fs.rmSync(runDir, { recursive: true, force: true });
}
