import type { Db } from '@/lib/db/prisma';
import { sandboxError, type SandboxAnswer } from './sandbox-answer';
import { toWechatTransaction } from './sandbox-wire';

/** `GET /v3/pay/transactions/out-trade-no/{no}`: the order as the sandbox holds it, with the order's query fault. */
export async function querySandboxOrder({ db, outTradeNo }: { db: Db; outTradeNo: string }): Promise<SandboxAnswer> {
  const order = await db.sandboxOrder.findUnique({ where: { outTradeNo } });
  if (!order) return sandboxError(404, 'ORDER_NOT_EXIST', '订单不存在');
  switch (order.queryFault) {
    case 'error':
      return sandboxError(500, 'SYSTEM_ERROR', '系统错误');
    case 'bad_signature':
    case 'stale_timestamp':
      return { status: 200, body: toWechatTransaction(order), signing: order.queryFault };
    case 'wrong_amount':
      return { status: 200, body: toWechatTransaction(order, 1) };
    default:
      return { status: 200, body: toWechatTransaction(order) };
  }
}
