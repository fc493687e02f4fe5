/**
 * A webhook receiver on 127.0.0.1 for the notification tests: a real node:http server that
 * records every delivery (raw body, headers) and answers from a script — a status per attempt,
 * or "hang" for a receiver that never answers (its sockets are destroyed on close).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Delivery {
  rawBody: string;
  body: any;
  headers: http.IncomingHttpHeaders;
  answered: number | 'hang';
}

export interface WebhookReceiver {
  url: string;
  deliveries: Delivery[];
  close(): Promise<void>;
}

/** `script[i]` answers the i-th request; after the script ends every request gets `then`. */
export async function startWebhookReceiver(script: Array<number | 'hang'> = [], then: number | 'hang' = 200): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const answer = script[deliveries.length] ?? then;
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      deliveries.push({ rawBody, body, headers: req.headers, answered: answer });
      if (answer === 'hang') return;
      res.writeHead(answer, { 'content-type': 'text/plain' });
      res.end(answer < 300 ? 'ok' : 'error');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/deploy`,
    deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
