// A fast merchant in the benchmark process: answers every webhook 200 at once and notes when each arrived.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Receipt = { at: number; webhookId: string; copies: number };

export type MerchantServer = {
  url: string;
  /** First arrival per payment (by outTradeNo, which the sender knows); performance.now() of this process. */
  receipts: Map<string, Receipt>;
  /** Every webhook that arrived, copies included. */
  count: () => number;
  /** Resolves once every outTradeNo given has arrived, or after timeoutMs; returns those still missing. */
  waitFor: (outTradeNos: readonly string[], timeoutMs: number) => Promise<string[]>;
  close: () => Promise<void>;
};

export async function startMerchantServer(): Promise<MerchantServer> {
  const receipts = new Map<string, Receipt>();
  let total = 0;
  const server = http.createServer((request, response) => {
    // Timed when the request's headers arrive, before reading the body: that is when the merchant "has" it.
    const at = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      total++;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: { outTradeNo?: string } };
      const outTradeNo = body.data?.outTradeNo;
      if (!outTradeNo) return;
      const seen = receipts.get(outTradeNo);
      if (seen) seen.copies++;
      else receipts.set(outTradeNo, { at, webhookId: String(request.headers['webhook-id']), copies: 1 });
    });
  });
  // Longer than the worker's keep-alive (10 s): a socket this side closes while the worker reuses it would
  // fail that attempt and put a 5 s retry into the latencies.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const waitFor = async (outTradeNos: readonly string[], timeoutMs: number) => {
    const deadline = performance.now() + timeoutMs;
    let missing = outTradeNos.filter((id) => !receipts.has(id));
    while (missing.length && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      missing = missing.filter((id) => !receipts.has(id));
    }
    return missing;
  };
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${port}/webhooks`, receipts, count: () => total, waitFor, close };
}
