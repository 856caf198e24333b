import { randomInt } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import { v7 as uuidv7 } from 'uuid';

/**
 * `payment.succeeded` events at a steady rate, inserted into the three subscriber queues in 10 ms batches, for the
 * calm merchants (about ¥40 per payment). Ingest over HTTP tops out far below 1,000/s on 2 cores (see "Ingest"), so
 * the load is put on the queues directly: the subscribers see exactly what intake would publish.
 */
export function backgroundLoad({ databaseUrl, rate, merchants }: { databaseUrl: string; rate: number; merchants: string[] }) {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 3, supervise: false, schedule: false, migrate: false });
  let offered = 0;
  let running = true;
  const started = boss.start();
  const done = (async () => {
    await started;
    const begin = Date.now();
    while (running) {
      const due = Math.floor(((Date.now() - begin) / 1000) * rate) - offered;
      if (due > 0) {
        const jobs = Array.from({ length: due }, () => ({ data: eventFor(merchants[randomInt(merchants.length)]) }));
        await Promise.all(['risk', 'campaign', 'promotion'].map((queue) => boss.insert(queue, jobs)));
        offered += due;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      await boss.stop({ graceful: false, close: true });
      return offered;
    },
  };
}

export function eventFor(merchantId: string) {
  const paymentId = uuidv7();
  const now = new Date().toISOString();
  return {
    eventId: paymentId,
    type: 'payment.succeeded',
    timestamp: now,
    data: {
      paymentId,
      merchantId,
      outTradeNo: `B${paymentId.replaceAll('-', '').slice(-20)}`,
      provider: 'wechatpay',
      providerTransactionId: `4200${paymentId.replaceAll('-', '').slice(-24)}`,
      amount: 1_000 + randomInt(7_000),
      currency: 'CNY',
      paidAt: now,
      payer: `bench-${randomInt(1_000_000)}`,
      device: 'POS-1',
    },
  };
}
