/**
 * The pooler probe against a server that speaks just enough of the PostgreSQL protocol to accept a
 * connection and refuse every query, as an unusual proxy might: the probe gives no answer, and
 * ends the client it opened (an open client would keep the CLI's process alive).
 */
import net from 'node:net';
import { detectPooler } from '../../src/postgres/pooler.js';
import { parseDatabaseUrl } from '../../src/postgres/url.js';

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const int32s = (...values: number[]): Buffer =>
  Buffer.concat(values.map((v) => Buffer.from([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255])));
const ready = message('Z', Buffer.from('I'));

/** Accepts any startup (backend pid 4242), answers every query with an error; counts the clients still open. */
async function refusingServer(): Promise<{ port: number; open: () => number; close: () => void }> {
  let open = 0;
  const server = net.createServer((socket) => {
    open++;
    let started = false;
    let pending = Buffer.alloc(0);
    socket.on('close', () => open--);
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      if (!started) {
        if (pending.length < 4 || pending.length < pending.readInt32BE(0)) return;
        pending = pending.subarray(pending.readInt32BE(0));
        started = true;
        socket.write(Buffer.concat([message('R', int32s(0)), message('K', int32s(4242, 7)), ready]));
      }
      while (pending.length >= 5 && pending.length >= 1 + pending.readInt32BE(1)) {
        const type = String.fromCharCode(pending[0]);
        pending = pending.subarray(1 + pending.readInt32BE(1));
        if (type === 'X') socket.end();
        else if (type === 'Q') {
          const fields = Buffer.from('SERROR\0C0A000\0Mthis proxy runs no queries\0\0', 'latin1');
          socket.write(Buffer.concat([message('E', fields), ready]));
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, open: () => open, close: () => server.close() };
}

test('a server that refuses the probe query: no answer, and the probe ends the client it opened', async () => {
  const server = await refusingServer();
  try {
    const settings = parseDatabaseUrl(`postgresql://app@127.0.0.1:${server.port}/app`);
    expect(await detectPooler(settings)).toBeUndefined();
    const until = Date.now() + 3000;
    while (server.open() > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.open()).toBe(0);
  } finally {
    server.close();
  }
});
