import DataLoader from 'dataloader';
import type { Db } from '@/lib/db/prisma';
import type { NotifiedAttempt } from './find-notified-attempt';

type Key = { provider: string; providerTradeNo: string };

const loaders = new WeakMap<Db, DataLoader<Key, NotifiedAttempt | null, string>>();

/**
 * The attempt a notification names, looked up for every callback that arrived in the same tick with one query:
 * under load, callbacks cost the database a statement per batch, not per callback.
 */
export function loadAttemptCandidates(db: Db, key: Key): Promise<NotifiedAttempt | null> {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new DataLoader(
      async (keys) => {
        const rows = await db.$queryRaw<(NotifiedAttempt & Key)[]>`
          SELECT a.id::text, a.payment_id::text AS "paymentId", a.merchant_id::text AS "merchantId", a.amount, a.currency,
            a.status::text, a.provider_transaction_id AS "transactionId", a.provider::text, a.provider_trade_no AS "providerTradeNo"
          FROM payment_attempt a
          WHERE a.provider_trade_no = ANY(${keys.map((k) => k.providerTradeNo)}::text[])`;
        return keys.map((k) => rows.find((row) => row.provider === k.provider && row.providerTradeNo === k.providerTradeNo) ?? null);
      },
      { cache: false, maxBatchSize: 500, cacheKeyFn: (k) => `${k.provider}\u0000${k.providerTradeNo}` },
    );
    loaders.set(db, loader);
  }
  return loader.load(key);
}
