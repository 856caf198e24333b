import DataLoader from 'dataloader';
import type { Db } from '@/lib/db/prisma';
import type { NotifiedPayment } from './find-notified-payment';

type Key = { provider: string; outTradeNo: string };

const loaders = new WeakMap<Db, DataLoader<Key, (NotifiedPayment & Key)[], string>>();

/**
 * Our payments that a notification may be about, looked up for every callback that arrived in the same
 * tick with one query: under load, callbacks cost the database a statement per batch, not per callback.
 */
export function loadPaymentCandidates(db: Db, key: Key): Promise<NotifiedPayment[]> {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new DataLoader(
      async (keys) => {
        const rows = await db.$queryRaw<(NotifiedPayment & Key)[]>`
          SELECT p.id::text, p.merchant_id::text AS "merchantId", p.amount, p.currency, p.status::text,
            p.provider_transaction_id AS "transactionId", p.provider::text, p.out_trade_no AS "outTradeNo"
          FROM payment p
          JOIN unnest(${keys.map((k) => k.provider)}::text[], ${keys.map((k) => k.outTradeNo)}::text[]) AS k(provider, out_trade_no)
            ON p.provider = k.provider::"Provider" AND p.out_trade_no = k.out_trade_no`;
        return keys.map((k) => rows.filter((row) => row.provider === k.provider && row.outTradeNo === k.outTradeNo));
      },
      { cache: false, maxBatchSize: 500, cacheKeyFn: (k) => `${k.provider}\u0000${k.outTradeNo}` },
    );
    loaders.set(db, loader);
  }
  return loader.load(key);
}
