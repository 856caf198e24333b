// What the next answers of the fake provider do wrong, queued by a test and taken by the requests that match.
import type { ProviderExchange } from '@/server/providers/provider-client';

/** The operations of the provider client, and the bill file's download (the second half of download_bill). */
export type FakeOperation = ProviderExchange['operation'] | 'download_bill_file';
export type FakeProviderName = 'wechatpay' | 'alipay';

export type FakeFault =
  /** An unsigned 5xx with the provider's system-error body (WeChat SYSTEM_ERROR, Alipay 20000 / ACQ.SYSTEM_ERROR). */
  | { kind: 'http_error'; status?: number; applied?: boolean }
  /** No answer at all until the fake stops (the caller's timeout ends it). */
  | { kind: 'timeout'; applied?: boolean }
  /** The connection is cut before any answer. */
  | { kind: 'reset'; applied?: boolean }
  /** The answer comes, correct and signed, after this long. */
  | { kind: 'delay'; ms: number }
  /** A signed business error: WeChat `{code, message}` with `status` (400), Alipay 40004 with `code` as sub_code. */
  | { kind: 'business_error'; code: string; message?: string; status?: number }
  /** Signature faults on an otherwise correct answer. */
  | { kind: 'bad_signature' }
  | { kind: 'no_signature' }
  | { kind: 'stale_timestamp' }
  | { kind: 'signtest' }
  | { kind: 'unknown_serial' }
  /** A correctly signed answer whose content is not ours. */
  | { kind: 'wrong_amount' }
  | { kind: 'wrong_mchid' }
  | { kind: 'wrong_appid' }
  | { kind: 'wrong_out_trade_no' }
  /** Edit the answer object before it is serialized and signed (a bill file: WeChat `{ text }`, Alipay `{ zip }`). */
  | { kind: 'tamper'; change: (answer: Record<string, any>) => void };

type Queued = { fault: FakeFault; provider?: FakeProviderName; operation?: FakeOperation; left: number };

export function createFaultQueue() {
  const queue: Queued[] = [];
  return {
    /** The next `times` (1) requests matching provider and operation (any when not given) meet this fault. */
    add(fault: FakeFault, match: { provider?: FakeProviderName; operation?: FakeOperation; times?: number } = {}) {
      queue.push({ fault, provider: match.provider, operation: match.operation, left: match.times ?? 1 });
    },
    take(provider: FakeProviderName, operation: FakeOperation): FakeFault | null {
      const index = queue.findIndex((entry) => (entry.provider ?? provider) === provider && (entry.operation ?? operation) === operation);
      if (index < 0) return null;
      const entry = queue[index];
      entry.left -= 1;
      if (entry.left <= 0) queue.splice(index, 1);
      return entry.fault;
    },
    clear() {
      queue.length = 0;
    },
  };
}

export type FaultQueue = ReturnType<typeof createFaultQueue>;

/** Faults that end the exchange before the request's effect, unless the test says the provider did apply it. */
export function faultSkipsEffect(fault: FakeFault | null): boolean {
  if (fault === null) return false;
  if (fault.kind === 'http_error' || fault.kind === 'timeout' || fault.kind === 'reset') return !fault.applied;
  return false;
}
