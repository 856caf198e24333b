// Pending WeChat Pay payments and one validly signed "order paid" callback for each, fired once each.
import type { Db } from '@/lib/db/prisma';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { wechatPaidCallback, type WechatKeys } from '@/tests/helpers/provider-keys';

/** `outTradeNo` is the merchant's (webhooks carry it); `providerTradeNo` the attempt's, which callbacks name. */
export type PendingPayment = { outTradeNo: string; providerTradeNo: string; amount: number };
export type SignedCallback = { rawBody: string; headers: Record<string, string> };

// Enough to spread row-lock and index contention the way many shops would, few enough to create quickly.
const merchantCount = 20;
// Parallel inserts while creating payments; the database, not this loop, should be the limit.
const lanes = 16;

// Loopback (allowlisted by the bench) so that no DNS query or delivery leaves the machine; no worker runs anyway.
export const benchNotifyUrl = 'http://127.0.0.1:9/bench-notify';

export async function createMerchants(db: Db): Promise<string[]> {
  const merchants = [];
  for (let i = 0; i < merchantCount; i++)
    merchants.push(await makeMerchant(db, { name: `Bench shop ${i + 1}`, notifyUrl: benchNotifyUrl }));
  return merchants.map((merchant) => merchant.id);
}

/** Creates `count` pending wechatpay payments through the domain factory (the same code path as the API). */
export async function createPendingPayments(db: Db, merchantIds: string[], count: number): Promise<PendingPayment[]> {
  const payments: PendingPayment[] = new Array(count);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const amount = 100 + (i % 5_000);
      const payment = await makePayment(db, { merchantId: merchantIds[i % merchantIds.length], provider: 'wechatpay', amount });
      payments[i] = { outTradeNo: payment.outTradeNo, providerTradeNo: payment.providerTradeNo, amount };
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return payments;
}

/**
 * Signs one callback per payment, each with its own transaction id. Signed just before firing: the
 * gateway refuses a Wechatpay-Timestamp more than 300 s away from its clock.
 */
export function signCallbacks(keys: WechatKeys, payments: PendingPayment[]): SignedCallback[] {
  return payments.map((payment) => {
    const { rawBody, headers } = wechatPaidCallback(keys, payment);
    return { rawBody, headers };
  });
}
