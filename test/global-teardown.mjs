import fs from 'node:fs';

export default async function globalTeardown() {
  for (const server of globalThis.__pmaServers ?? []) await server.stop();
  const runDir = process.env.PMA_TEST_RUN_DIR;
  if (runDir && !process.env.PMA_KEEP_TEST_FILES) fs.rmSync(runDir, { recursive: true, force: true });
}
