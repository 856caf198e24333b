// A merchant's server played by the test: each path answers as the test says, and every request is kept.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';

export type ReceivedWebhook = { path: string; headers: Record<string, string>; body: string; at: number };
type Answer = { status: number; headers?: Record<string, string>; delayMs?: number } | 'drop';

export async function startMerchantServer() {
  const received: ReceivedWebhook[] = [];
  const answers = new Map<string, (request: ReceivedWebhook) => Answer>();
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const waiters: { check: () => boolean; resolve: () => void }[] = [];

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const entry = {
        path,
        headers: request.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      received.push(entry);
      const current = (inFlight.get(path) ?? 0) + 1;
      inFlight.set(path, current);
      maxInFlight.set(path, Math.max(maxInFlight.get(path) ?? 0, current));
      const answer = (answers.get(path) ?? ((): Answer => ({ status: 200 })))(entry);
      const wake = () => {
        for (const waiter of waiters.splice(0)) {
          if (waiter.check()) waiter.resolve();
          else waiters.push(waiter);
        }
      };
      const finish = () => {
        inFlight.set(path, (inFlight.get(path) ?? 1) - 1);
        wake();
      };
      wake();
      if (answer === 'drop') {
        request.socket.destroy();
        return finish();
      }
      // A held answer must not keep the test process alive once the test is over.
      setTimeout(() => {
        response.writeHead(answer.status, answer.headers ?? {}).end('ok');
        finish();
      }, answer.delayMs ?? 0).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  after(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    receivedAt: (path: string) => received.filter((entry) => entry.path === path),
    answer: (path: string, how: (request: ReceivedWebhook) => Answer) => answers.set(path, how),
    maxInFlight: (path: string) => maxInFlight.get(path) ?? 0,
    /** Resolves once `check` holds after a request came in or was answered (no polling, no sleeping). */
    until: (check: () => boolean) => (check() ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ check, resolve }))),
  };
}
