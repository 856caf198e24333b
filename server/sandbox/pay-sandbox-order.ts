import type { z } from 'zod';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { getBoss } from '@/lib/queue/boss';
import { jobs } from '@/lib/queue/jobs';
import { sendJob } from '@/lib/queue/send-job';
import type { sandboxPayBodySchema } from '@/contracts/sandbox';
import { findSandboxAttempt } from './find-sandbox-attempt';

type PaySandboxOrder = {
  db: Db;
  paymentId: string;
  principal: Principal | null;
  options: z.output<typeof sandboxPayBodySchema>;
};

/**
 * The shopper pays one attempt's order at the sandbox provider: the money moves there at once, and the callback
 * that tells us so is queued, with the chosen fault (lost, duplicated, late), exactly as a real provider may behave.
 * An order already paid, closed or past its expiry cannot be paid.
 */
export async function paySandboxOrder({ db, paymentId, principal, options }: PaySandboxOrder) {
  const boss = await getBoss();
  const attempt = await findSandboxAttempt({ db, paymentId, principal, providerTradeNo: options.providerTradeNo });
  return db.$transaction(async (tx) => {
    const paid = await tx.$executeRaw`
      UPDATE sandbox_order SET state = 'SUCCESS', paid_at = now(), payer = ${options.payer ?? null}, device = ${options.device ?? null}
      WHERE out_trade_no = ${attempt.providerTradeNo} AND state = 'NOTPAY' AND (expires_at IS NULL OR expires_at > now())`;
    if (paid === 0) {
      const order = await tx.sandboxOrder.findUnique({ where: { outTradeNo: attempt.providerTradeNo } });
      if (!order) throw new AppError('not_found', `The sandbox has no order ${attempt.providerTradeNo}`);
      const why = order.state === 'NOTPAY' ? 'past its expiry' : `already ${order.state}`;
      throw new AppError('conflict', `Sandbox order ${attempt.providerTradeNo} of payment ${paymentId} is ${why}`);
    }
    const order = await tx.sandboxOrder.findUniqueOrThrow({ where: { outTradeNo: attempt.providerTradeNo } });
    const callbacks = options.fault === 'lost' ? 0 : options.fault === 'duplicate' ? options.copies : 1;
    const sendAfterSeconds = options.fault === 'late' ? options.delaySeconds : 0;
    for (let copy = 0; copy < callbacks; copy++) {
      await sendJob(boss, jobs.sandboxCallback, { kind: 'payment', outTradeNo: order.outTradeNo }, { tx, startAfter: sendAfterSeconds });
    }
    return { paymentId, providerTradeNo: order.outTradeNo, transactionId: order.transactionId, callbacks, sendAfterSeconds };
  });
}
