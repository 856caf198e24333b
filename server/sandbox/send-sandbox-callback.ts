import type { Db } from '@/lib/db/prisma';
import { buildWechatpayTransactionResource } from '@/server/providers/wechatpay/build-wechatpay-transaction-resource';
import { signWechatpayCallback } from '@/server/providers/wechatpay/sign-wechatpay-callback';
import { getSandboxKeys, sandboxMchid } from './sandbox-keys';

type SendSandboxCallback = {
  db: Db;
  callbackUrl: string;
  paymentId: string;
  payer: string | null;
  device: string | null;
};

/**
 * The sandbox provider notifies the gateway, signed and encrypted exactly like WeChat Pay v3.
 * Anything but a 2xx throws, so the queue retries it as a real provider would.
 */
export async function sendSandboxCallback({ db, callbackUrl, paymentId, payer, device }: SendSandboxCallback) {
  const order = await db.sandboxOrder.findUniqueOrThrow({ where: { paymentId } });
  const keys = await getSandboxKeys(db);
  const resource = buildWechatpayTransactionResource({
    mchid: sandboxMchid,
    outTradeNo: order.outTradeNo,
    transactionId: order.transactionId,
    amount: order.amount,
    currency: order.currency,
    payer: payer ?? undefined,
    device: device ?? undefined,
    successTime: order.paidAt ?? new Date(),
  });
  const { rawBody, headers } = signWechatpayCallback({
    notification: { id: `sandbox-${order.transactionId}`, eventType: 'TRANSACTION.SUCCESS', resource },
    privateKey: keys.privateKey,
    serial: keys.serial,
    apiV3Key: keys.apiV3Key,
  });
  const response = await fetch(callbackUrl, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: rawBody,
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) throw new Error(`gateway answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
}
