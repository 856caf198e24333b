import type { z } from 'zod';
import { withinScope } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { getBoss } from '@/lib/queue/boss';
import { jobs } from '@/lib/queue/jobs';
import { sendJob } from '@/lib/queue/send-job';
import type { sandboxPayBodySchema } from '@/contracts/sandbox';

type PaySandboxOrder = {
  db: Db;
  paymentId: string;
  principal: Principal | null;
  options: z.output<typeof sandboxPayBodySchema>;
};

/**
 * The shopper pays at the sandbox provider: the money moves there at once, and the callback that
 * tells us so is queued, with the chosen fault (lost, duplicated, late), exactly as a real provider may behave.
 */
export async function paySandboxOrder({ db, paymentId, principal, options }: PaySandboxOrder) {
  const boss = await getBoss();
  return db.$transaction(async (tx) => {
    const order = await tx.sandboxOrder.findUnique({ where: { paymentId } });
    const payment = order && (await tx.payment.findUnique({ where: { id: paymentId }, select: { merchantId: true } }));
    withinScope(principal, payment, `Sandbox order for payment ${paymentId}`);
    if (!order) throw new AppError('not_found', `Sandbox order for payment ${paymentId} not found`);
    const paid = await tx.sandboxOrder.updateMany({
      where: { paymentId, state: 'NOTPAY' },
      data: { state: 'SUCCESS', paidAt: new Date() },
    });
    if (paid.count === 0) throw new AppError('conflict', `Sandbox order for payment ${paymentId} is already ${order.state}`);
    const callbacks = options.fault === 'lost' ? 0 : options.fault === 'duplicate' ? options.copies : 1;
    const sendAfterSeconds = options.fault === 'late' ? options.delaySeconds : 0;
    const data = { paymentId, payer: options.payer ?? null, device: options.device ?? null };
    for (let copy = 0; copy < callbacks; copy++) {
      await sendJob(boss, jobs.sandboxCallback, data, { tx, startAfter: sendAfterSeconds });
    }
    return { paymentId, transactionId: order.transactionId, callbacks, sendAfterSeconds };
  });
}
