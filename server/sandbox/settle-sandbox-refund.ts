import type { Db } from '@/lib/db/prisma';

const finalStateOf: Record<string, 'SUCCESS' | 'ABNORMAL' | 'CLOSED'> = { none: 'SUCCESS', abnormal: 'ABNORMAL', closed: 'CLOSED' };

/**
 * The sandbox provider's back office carries out a refund it accepted: PROCESSING becomes SUCCESS, or ABNORMAL or
 * CLOSED as the order's refund fault says (a refund held `processing` stays so). Conditional, so a retried job
 * changes nothing twice. Returns the refund once final, for its notification.
 */
export async function settleSandboxRefund({ db, outRefundNo }: { db: Db; outRefundNo: string }) {
  const refund = await db.sandboxRefund.findUniqueOrThrow({ where: { outRefundNo }, include: { order: true } });
  const finalState = finalStateOf[refund.order.refundFault];
  if (refund.state === 'PROCESSING') {
    if (!finalState) return null;
    await db.sandboxRefund.updateMany({
      where: { outRefundNo, state: 'PROCESSING' },
      data: { state: finalState, succeededAt: finalState === 'SUCCESS' ? new Date() : null },
    });
  }
  return db.sandboxRefund.findUniqueOrThrow({ where: { outRefundNo }, include: { order: true } });
}
