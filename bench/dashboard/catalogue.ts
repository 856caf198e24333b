// What the requests of the benchmark ask about, read from the seeded database once: merchants by size, and samples
// of payments, deliveries and alerts, so each request varies its ids the way people browsing would.
import type { Db } from '@/lib/db/prisma';
import { benchApiKey, merchantIdSql } from './seed-statements';

export type Catalogue = {
  merchant: { big: string; mid: string; small: string; flaky: string; blocked: string };
  /** The API key of the biggest merchant (merchant 1), for the portal's requests. */
  bigMerchantKey: string;
  payments: { id: string; merchantId: string; outTradeNo: string; providerTransactionId: string | null }[];
  bigMerchantPayments: string[];
  deliveries: { failed: string[]; any: string[] };
  alerts: string[];
  /** A position about halfway down the unfiltered list of payments, as a cursor the API gave out. */
  deepCursor: string;
  /** One day a week ago, as ISO instants. */
  weekAgo: { since: string; until: string };
  merchantCursor: string;
  /** Settlement rows (any merchant, and the biggest merchant's), and the last seven settled days. */
  settlements: string[];
  bigMerchantSettlements: string[];
  settledWeek: { from: string; to: string };
};

const merchantId = async (db: Db, n: number) =>
  (await db.$queryRawUnsafe<{ id: string }[]>(`SELECT ${merchantIdSql('$1::int')}::text AS id`, n))[0].id;

export async function readCatalogue({
  db,
  baseUrl,
  token,
  merchants,
}: {
  db: Db;
  baseUrl: string;
  token: string;
  merchants: number;
}): Promise<Catalogue> {
  const payments = await db.$queryRaw<Catalogue['payments']>`
    SELECT id::text, merchant_id::text AS "merchantId", out_trade_no AS "outTradeNo", provider_transaction_id AS "providerTransactionId"
    FROM payment TABLESAMPLE SYSTEM (1) REPEATABLE (42) LIMIT 200`;
  const big = await merchantId(db, 1);
  const bigMerchantPayments = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM payment WHERE merchant_id = ${big}::uuid ORDER BY created_at DESC LIMIT 200`;
  const failed = await db.$queryRaw<
    { id: string }[]
  >`SELECT id::text FROM delivery WHERE status = 'failed' ORDER BY created_at DESC LIMIT 200`;
  const any = await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM delivery TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT 200`;
  const alerts = await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM risk_alert ORDER BY opened_at DESC LIMIT 200`;
  const [{ middle }] = await db.$queryRaw<
    { middle: Date }[]
  >`SELECT min(created_at) + (max(created_at) - min(created_at)) / 2 AS middle FROM payment`;
  const cursorFrom = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { nextCursor: string | null };
    if (!body.nextCursor) throw new Error(`${path} gave no cursor`);
    return body.nextCursor;
  };
  const settlements = await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM settlement ORDER BY day DESC, id LIMIT 200`;
  const bigMerchantSettlements = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM settlement WHERE merchant_id = ${big}::uuid ORDER BY day DESC LIMIT 30`;
  const [settled] = await db.$queryRaw<{ from: string; to: string }[]>`
    SELECT to_char(max(day) - 6, 'YYYY-MM-DD') AS "from", to_char(max(day), 'YYYY-MM-DD') AS "to" FROM settlement`;
  if (settlements.length === 0 || bigMerchantSettlements.length === 0) throw new Error('the seed settled nothing');
  const day = 86_400_000;
  const weekAgo = Math.floor((Date.now() - 7 * day) / day) * day;
  return {
    merchant: {
      big,
      mid: await merchantId(db, Math.min(merchants, 50)),
      small: await merchantId(db, Math.max(1, merchants - 100)),
      flaky: await merchantId(db, 7),
      blocked: await merchantId(db, 97),
    },
    bigMerchantKey: benchApiKey(1),
    payments,
    bigMerchantPayments: bigMerchantPayments.map((row) => row.id),
    deliveries: { failed: failed.map((row) => row.id), any: any.map((row) => row.id) },
    alerts: alerts.map((row) => row.id),
    deepCursor: await cursorFrom(`/api/payments?limit=1&until=${encodeURIComponent(middle.toISOString())}`),
    weekAgo: { since: new Date(weekAgo).toISOString(), until: new Date(weekAgo + day).toISOString() },
    merchantCursor: await cursorFrom('/api/merchants?limit=50'),
    settlements: settlements.map((row) => row.id),
    bigMerchantSettlements: bigMerchantSettlements.map((row) => row.id),
    settledWeek: settled,
  };
}
