import { randomInt } from 'node:crypto';
import type { PgBoss } from 'pg-boss';
import { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';
import { sendJob } from '@/lib/queue/send-job';
import { sandboxError, type SandboxAnswer } from './sandbox-answer';
import { toWechatRefund } from './sandbox-wire';

const refundRequestSchema = z.object({
  out_trade_no: z.string().min(1),
  out_refund_no: z.string().regex(/^[A-Za-z0-9_\-|*@]{1,64}$/),
  reason: z.string().max(80).optional(),
  notify_url: z.url().optional(),
  amount: z.object({ refund: z.number().int().positive(), total: z.number().int().positive(), currency: z.literal('CNY') }),
});

/** WeChat Pay allows at most this many refunds of one order. */
const maxRefundsPerOrder = 50;

/** How long the sandbox takes to carry out a refund it accepted. */
const refundDelaySeconds = 1;

/**
 * `POST /v3/refund/domestic/refunds`: accepts a refund as PROCESSING and carries it out a moment later (its back
 * office, `settle-sandbox-refund.ts`), unless the order's refund fault keeps it processing. The same out_refund_no
 * again is the same refund. The order row is locked, so concurrent refunds cannot together exceed what was paid.
 */
export async function refundSandboxOrder({ db, boss, body }: { db: Db; boss: PgBoss; body: unknown }): Promise<SandboxAnswer> {
  const parsed = refundRequestSchema.safeParse(body);
  if (!parsed.success) return sandboxError(400, 'PARAM_ERROR', z.prettifyError(parsed.error).slice(0, 200));
  const request = parsed.data;
  return db.$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ state: string }[]>`
      SELECT state FROM sandbox_order WHERE out_trade_no = ${request.out_trade_no} FOR UPDATE`;
    if (!order) return sandboxError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    const stored = await tx.sandboxOrder.findUniqueOrThrow({ where: { outTradeNo: request.out_trade_no }, include: { refunds: true } });
    const existing = stored.refunds.find((refund) => refund.outRefundNo === request.out_refund_no);
    if (existing) {
      if (existing.amount !== request.amount.refund)
        return sandboxError(400, 'INVALID_REQUEST', 'out_refund_no was used with another amount');
      return { status: 200, body: toWechatRefund(existing, stored) };
    }
    if (stored.state !== 'SUCCESS' && stored.state !== 'REFUND') return sandboxError(400, 'INVALID_REQUEST', '订单未支付');
    if (request.amount.total !== stored.amount) return sandboxError(400, 'PARAM_ERROR', '订单金额不一致');
    if (stored.refunds.length >= maxRefundsPerOrder) return sandboxError(400, 'INVALID_REQUEST', '退款次数超过限制');
    const refunded = stored.refunds.filter((refund) => refund.state !== 'CLOSED').reduce((sum, refund) => sum + refund.amount, 0);
    if (refunded + request.amount.refund > stored.amount) return sandboxError(403, 'NOT_ENOUGH', '可退金额不足');
    const refund = await tx.sandboxRefund.create({
      data: {
        outRefundNo: request.out_refund_no,
        outTradeNo: stored.outTradeNo,
        refundId: `5030${Date.now()}${String(randomInt(0, 1e9)).padStart(9, '0')}`,
        amount: request.amount.refund,
        reason: request.reason,
        notifyUrl: request.notify_url,
      },
    });
    await tx.sandboxOrder.update({ where: { outTradeNo: stored.outTradeNo }, data: { state: 'REFUND' } });
    if (stored.refundFault !== 'processing') {
      await sendJob(
        boss,
        jobs.sandboxCallback,
        { kind: 'refund', outRefundNo: refund.outRefundNo },
        { tx, startAfter: refundDelaySeconds },
      );
    }
    return { status: 200, body: toWechatRefund(refund, stored) };
  });
}
