import type { Db } from '@/lib/db/prisma';
import { sandboxError, type SandboxAnswer } from './sandbox-answer';
import { toWechatRefund } from './sandbox-wire';

/** `GET /v3/refund/domestic/refunds/{out_refund_no}`: the refund as the sandbox holds it now. */
export async function querySandboxRefund({ db, outRefundNo }: { db: Db; outRefundNo: string }): Promise<SandboxAnswer> {
  const refund = await db.sandboxRefund.findUnique({ where: { outRefundNo }, include: { order: true } });
  if (!refund) return sandboxError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
  if (refund.order.queryFault === 'error') return sandboxError(500, 'SYSTEM_ERROR', '系统错误');
  return { status: 200, body: toWechatRefund(refund, refund.order) };
}
