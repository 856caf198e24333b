import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import type { Db } from '@/lib/db/prisma';
import { callRoute } from './call-route';
import { wechatPaidCallback, type WechatKeys } from './provider-keys';

/** A merchant at `notifyUrl` and one of its payments paid through a verified WeChat callback. */
export async function payThroughCallback(db: Db, keys: WechatKeys, options: { notifyUrl: string; merchantId?: string; amount?: number }) {
  const merchantId = options.merchantId ?? (await makeMerchant(db, { notifyUrl: options.notifyUrl })).id;
  const payment = await makePayment(db, { merchantId, amount: options.amount });
  const signed = wechatPaidCallback(keys, payment);
  const answer = await callRoute(callbackRoute, {
    token: null,
    method: 'POST',
    rawBody: signed.rawBody,
    headers: signed.headers,
    params: { provider: 'wechatpay' },
  });
  if (answer.status !== 200) throw new Error(`callback refused: ${answer.text}`);
  const delivery = await db.delivery.findFirstOrThrow({ where: { paymentId: payment.id } });
  return { merchantId, payment, delivery };
}
