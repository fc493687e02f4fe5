export default async function globalTeardown() {
  for (const server of globalThis.__pmaServers ?? []) await server.stop();
}
