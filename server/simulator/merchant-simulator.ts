// Merchant servers that misbehave on purpose, for the demo and the tests: each path is one behaviour.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const behaviours = ['healthy', 'slow', 'flaky', 'down', 'gone', 'throttled'] as const;
export type Behaviour = (typeof behaviours)[number];

export type Received = { behaviour: string; webhookId: string; at: number };

type Options = {
  port?: number;
  slowMs?: number;
  flakyFailureRate?: number;
  retryAfterSeconds?: number;
  onReceive?: (received: Received) => void;
};

/** Starts the simulator; `url(behaviour)` is the notifyUrl of a merchant that behaves so. */
export async function startMerchantSimulator(options: Options = {}) {
  const counts = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const behaviour = (request.url ?? '/').split('?')[0].slice(1);
      const webhookId = String(request.headers['webhook-id'] ?? '');
      counts.set(behaviour, (counts.get(behaviour) ?? 0) + 1);
      options.onReceive?.({ behaviour, webhookId, at: Date.now() });
      respond(behaviour as Behaviour, request, response, options);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (behaviour: Behaviour) => `http://127.0.0.1:${port}/${behaviour}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function respond(behaviour: Behaviour, request: http.IncomingMessage, response: http.ServerResponse, options: Options) {
  const answer = (status: number, headers: Record<string, string> = {}) =>
    response.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(`${status}`);
  switch (behaviour) {
    case 'healthy':
      return answer(200);
    case 'slow':
      return void setTimeout(() => answer(200), options.slowMs ?? 3_000);
    case 'flaky':
      return Math.random() < (options.flakyFailureRate ?? 0.5) ? answer(500) : answer(200);
    case 'down':
      // Like a server that is not there: the connection drops without an answer.
      return request.socket.destroy();
    case 'gone':
      return answer(410);
    case 'throttled':
      return answer(429, { 'retry-after': String(options.retryAfterSeconds ?? 3) });
    default:
      return answer(404);
  }
}
