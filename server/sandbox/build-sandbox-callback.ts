import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import { buildWechatpayRefundResource } from '@/server/providers/wechatpay/build-wechatpay-refund-resource';
import { buildWechatpayTransactionResource } from '@/server/providers/wechatpay/build-wechatpay-transaction-resource';
import { signWechatpayCallback } from '@/server/providers/wechatpay/sign-wechatpay-callback';
import type { sandboxCallbackJobSchema } from '@/contracts/jobs';
import { getSandboxKeys, sandboxAppid, sandboxMchid } from './sandbox-keys';
import { settleSandboxRefund } from './settle-sandbox-refund';

/** The signed callback the sandbox sends for a job; null for a refund its back office has not carried out. */
export async function buildSandboxCallback({ db, job }: { db: Db; job: z.output<typeof sandboxCallbackJobSchema> }) {
  const notification =
    job.kind === 'payment' ? await paidOrderNotification(db, job.outTradeNo) : await refundNotification(db, job.outRefundNo);
  if (!notification) return null;
  const keys = await getSandboxKeys(db);
  return signWechatpayCallback({ notification, privateKey: keys.privateKey, serial: keys.serial, apiV3Key: keys.apiV3Key });
}

async function paidOrderNotification(db: Db, outTradeNo: string) {
  const order = await db.sandboxOrder.findUniqueOrThrow({ where: { outTradeNo } });
  const resource = buildWechatpayTransactionResource({
    mchid: sandboxMchid,
    appid: sandboxAppid,
    outTradeNo: order.outTradeNo,
    transactionId: order.transactionId,
    amount: order.amount,
    currency: order.currency,
    payer: order.payer ?? undefined,
    device: order.device ?? undefined,
    successTime: order.paidAt ?? new Date(),
  });
  return { id: `sandbox-${order.transactionId}`, eventType: 'TRANSACTION.SUCCESS', resource };
}

async function refundNotification(db: Db, outRefundNo: string) {
  const refund = await settleSandboxRefund({ db, outRefundNo });
  if (!refund) return null;
  const resource = buildWechatpayRefundResource({
    mchid: sandboxMchid,
    outTradeNo: refund.order.outTradeNo,
    transactionId: refund.order.transactionId,
    outRefundNo: refund.outRefundNo,
    refundId: refund.refundId,
    total: refund.order.amount,
    refund: refund.amount,
    refundStatus: refund.state as 'SUCCESS' | 'CLOSED' | 'ABNORMAL',
    successTime: refund.succeededAt ?? undefined,
  });
  return { id: `sandbox-${refund.refundId}-${refund.state}`, eventType: `REFUND.${refund.state}`, resource };
}
