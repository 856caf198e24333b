// Factories shared by the demo seed, the tests and the browser tests: real domain calls, no shortcuts.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/prisma';
import { createMerchant } from '@/server/merchants/create-merchant';
import { createPayment } from '@/server/payments/create-payment';

export function outTradeNo(): string {
  return `T${Date.now()}${randomBytes(4).toString('hex')}`;
}

export function makeMerchant(db: Db, overrides: { name?: string; notifyUrl?: string } = {}) {
  return createMerchant({
    db,
    name: overrides.name ?? `Shop ${randomBytes(3).toString('hex')}`,
    notifyUrl: overrides.notifyUrl ?? 'http://127.0.0.1:9/notify',
  });
}

export function makePayment(
  db: Db,
  input: { merchantId: string; provider?: 'wechatpay' | 'alipay' | 'sandbox'; amount?: number; outTradeNo?: string },
) {
  return createPayment({
    db,
    principal: { kind: 'admin' },
    input: {
      merchantId: input.merchantId,
      outTradeNo: input.outTradeNo ?? outTradeNo(),
      amount: input.amount ?? 1_280,
      currency: 'CNY',
      provider: input.provider ?? 'wechatpay',
    },
  });
}
