// Every request the fake provider received, with what it made of our signature: tests prove our requests are signed
// by looking here, and that a refused request changed nothing.
import type { FakeFault, FakeOperation, FakeProviderName } from './fake-faults';
import type { FakeRequest } from './fake-http-server';

export type FakeRequestRecord = {
  provider: FakeProviderName;
  operation: FakeOperation;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Null when our signature verified; otherwise why it did not (the request was then refused). */
  signatureError: string | null;
  fault: string | null;
  at: Date;
};

export function recordFakeRequest(
  log: FakeRequestRecord[],
  entry: {
    provider: FakeProviderName;
    operation: FakeOperation;
    request: FakeRequest;
    signatureError: string | null;
    fault: FakeFault | null;
  },
): void {
  const { request } = entry;
  log.push({
    provider: entry.provider,
    operation: entry.operation,
    method: request.method,
    url: request.rawUrl,
    headers: request.headers,
    body: request.body,
    signatureError: entry.signatureError,
    fault: entry.fault?.kind ?? null,
    at: new Date(),
  });
}
