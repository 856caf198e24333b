import type { Db } from '@/lib/db/prisma';
import { sandboxError, type SandboxAnswer } from './sandbox-answer';

/** `POST /v3/pay/transactions/out-trade-no/{no}/close`: 204, or ORDERPAID when the shopper got there first. */
export async function closeSandboxOrder({ db, outTradeNo }: { db: Db; outTradeNo: string }): Promise<SandboxAnswer> {
  const order = await db.sandboxOrder.findUnique({ where: { outTradeNo } });
  if (!order) return sandboxError(404, 'ORDER_NOT_EXIST', '订单不存在');
  if (order.closeFault === 'error') return sandboxError(500, 'SYSTEM_ERROR', '系统错误');
  // Conditional, so a payment racing the close is either before it (ORDERPAID) or refused after it.
  await db.sandboxOrder.updateMany({ where: { outTradeNo, state: 'NOTPAY' }, data: { state: 'CLOSED' } });
  const now = await db.sandboxOrder.findUniqueOrThrow({ where: { outTradeNo } });
  if (now.state === 'CLOSED') return { status: 204, body: null };
  return sandboxError(400, 'ORDERPAID', '订单已支付');
}
