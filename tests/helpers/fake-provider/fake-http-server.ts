// The fake provider's HTTP side: a real server on a free loopback port, so our clients (and the providers' SDKs)
// talk to it exactly as they would to the real APIs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRequest = {
  method: string;
  /** Path and query exactly as received: what a WeChat Pay request signature covers. */
  rawUrl: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
};

export type FakeAnswer =
  | { status: number; headers?: Record<string, string>; body?: string | Buffer; delayMs?: number }
  /** Hold the request open until the server stops: a provider that never answers. */
  | 'hang'
  /** Cut the connection without an answer. */
  | 'reset';

const maxRequestBytes = 1024 * 1024;

export async function startFakeHttpServer(handle: (request: FakeRequest) => Promise<FakeAnswer> | FakeAnswer) {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxRequestBytes) chunks.push(chunk);
    });
    request.on('end', async () => {
      const rawUrl = request.url ?? '/';
      const url = new URL(rawUrl, 'http://fake.invalid');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      let answer: FakeAnswer;
      try {
        answer = await handle({
          method: request.method ?? 'GET',
          rawUrl,
          path: url.pathname,
          query: url.searchParams,
          headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      } catch (error) {
        answer = { status: 599, body: `fake provider failed: ${error instanceof Error ? error.stack : String(error)}` };
      }
      if (answer === 'hang') return;
      if (answer === 'reset') return void request.socket.destroy();
      const { status, headers: answerHeaders = {}, body = '' } = answer;
      // A held answer must not keep the test process alive once the test is over.
      setTimeout(() => response.writeHead(status, answerHeaders).end(body), answer.delayMs ?? 0).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
