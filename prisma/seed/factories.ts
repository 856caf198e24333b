// Factories shared by the demo seed, the tests and the browser tests: real domain calls, no shortcuts.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/prisma';
import { adminTokenPrincipal } from '@/lib/auth/principal';
import { createMerchant } from '@/server/merchants/create-merchant';
import { createPayment } from '@/server/payments/create-payment';
import type { ProviderClient } from '@/server/providers/provider-client';
import { acceptingProviderClient } from './accepting-provider-client';

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

/**
 * A pending payment with one attempt placed at its provider. Sandbox orders go to the sandbox provider; WeChat Pay
 * and Alipay orders to a stand-in that takes every order, as the caller plays that provider (unless it gives `client`).
 */
export async function makePayment(
  db: Db,
  input: {
    merchantId: string;
    provider?: 'wechatpay' | 'alipay' | 'sandbox';
    amount?: number;
    outTradeNo?: string;
    expiresInSeconds?: number;
    client?: ProviderClient;
  },
) {
  const provider = input.provider ?? 'wechatpay';
  const { payment } = await createPayment({
    db,
    principal: adminTokenPrincipal,
    client: input.client ?? (provider === 'sandbox' ? undefined : acceptingProviderClient(provider)),
    input: {
      merchantId: input.merchantId,
      outTradeNo: input.outTradeNo ?? outTradeNo(),
      amount: input.amount ?? 1_280,
      currency: 'CNY',
      provider,
      expiresInSeconds: input.expiresInSeconds,
    },
  });
  return { ...payment, providerTradeNo: payment.providerTradeNo! };
}
