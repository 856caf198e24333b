// DESIGN §7 Dashboard: "a new paid order appears in an open live view within 1 s of the provider's answer". This
// measures the server's share of it: from the moment a verified callback's answer arrives back at the provider to the
// moment the payment's change arrives on an open event stream (GET /api/events) of the same server.
import type { Db } from '@/lib/db/prisma';
import { makePayment } from '@/prisma/seed/factories';
import { readEventStream, type EventStreamReader } from '@/tests/helpers/event-stream';
import { wechatPaidCallback, type WechatKeys } from '@/tests/helpers/provider-keys';

type MeasureLiveLag = {
  baseUrl: string;
  /** Opens the stream: the admin token (staff) or a merchant API key. */
  token: string;
  db: Db;
  keys: WechatKeys;
  merchantIds: string[];
  count: number;
  /** Pause between two measured payments, so they do not queue behind each other. */
  intervalMs?: number;
};

/** Opens GET /api/events and waits until the server listens. */
export async function openLiveStream(baseUrl: string, token: string): Promise<{ reader: EventStreamReader; close: () => void }> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br' },
    signal: controller.signal,
  });
  if (response.status !== 200) throw new Error(`GET /api/events answered ${response.status}: ${await response.text()}`);
  const reader = readEventStream(response);
  const ready = await reader.waitFor((event) => event.event === 'ready');
  if (!ready.data.listening) await reader.waitFor((event) => event.event === 'reconnected');
  return { reader, close: () => controller.abort() };
}

const carries = (paymentId: string) => (event: { event: string; data: any }) =>
  event.event === 'changes' && event.data.changes.some((change: { id: string }) => change.id === paymentId);

/** Lags in ms, sorted; negative when the event arrived before the answer did (both follow the same commit). */
export async function measureLiveLag({ baseUrl, token, db, keys, merchantIds, count, intervalMs = 50 }: MeasureLiveLag): Promise<number[]> {
  const stream = await openLiveStream(baseUrl, token);
  const lags: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const payment = await makePayment(db, { merchantId: merchantIds[i % merchantIds.length], provider: 'wechatpay' });
      // The payment's creation is announced too; the event to time is the next one, its settlement.
      await stream.reader.waitFor(carries(payment.id));
      const from = stream.reader.events.length;
      const signed = wechatPaidCallback(keys, payment);
      const response = await fetch(`${baseUrl}/api/callbacks/wechatpay`, { method: 'POST', headers: signed.headers, body: signed.rawBody });
      const answeredAt = performance.now();
      await response.body?.cancel();
      if (response.status !== 200) throw new Error(`callback answered ${response.status}`);
      const event = await stream.reader.waitFor(carries(payment.id), { from });
      lags.push(event.at - answeredAt);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  } finally {
    stream.close();
  }
  return lags.sort((a, b) => a - b);
}
