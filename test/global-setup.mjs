/**
 * The integration project's setup: the run's temp folder (run-folder-setup.mjs), then the test
 * run's own PostgreSQL clusters — the system's major and one from npm — whose admin URLs go to
 * the test files through the environment. Test files create cheap databases on them;
 * global-teardown stops them and removes their files. Unit tests do not start them.
 * (Plain ESM: jest loads global setup outside its transform, so the TypeScript is loaded with tsx.)
 */
import { tsImport } from 'tsx/esm/api';
import createRunFolder from './run-folder-setup.mjs';

export const TEST_MAJORS = (process.env.PMA_TEST_MAJORS ?? '15,17').split(',').map(Number);

export default async function globalSetup() {
  await createRunFolder();
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
