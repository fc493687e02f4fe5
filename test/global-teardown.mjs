/** Stops the integration project's clusters, then removes the run's temp folder. */
import removeRunFolder from './run-folder-teardown.mjs';

export default async function globalTeardown() {
  for (const server of globalThis.__pmaServers ?? []) await server.stop();
  globalThis.__pmaServers = [];
  removeRunFolder();
}
