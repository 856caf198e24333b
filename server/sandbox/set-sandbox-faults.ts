import type { z } from 'zod';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import type { sandboxFaultsBodySchema } from '@/contracts/sandbox';
import { findSandboxAttempt } from './find-sandbox-attempt';

type SetSandboxFaults = { db: Db; paymentId: string; principal: Principal | null; faults: z.output<typeof sandboxFaultsBodySchema> };

/** Switches how the sandbox provider misbehaves for one order; faults not named stay as they were. */
export async function setSandboxFaults({ db, paymentId, principal, faults }: SetSandboxFaults) {
  const attempt = await findSandboxAttempt({ db, paymentId, principal, providerTradeNo: faults.providerTradeNo });
  const updated = await db.sandboxOrder.updateMany({
    where: { outTradeNo: attempt.providerTradeNo },
    data: { queryFault: faults.query, closeFault: faults.close, refundFault: faults.refund },
  });
  if (updated.count === 0) throw new AppError('not_found', `The sandbox has no order ${attempt.providerTradeNo}`);
  const order = await db.sandboxOrder.findUniqueOrThrow({ where: { outTradeNo: attempt.providerTradeNo } });
  return { providerTradeNo: order.outTradeNo, query: order.queryFault, close: order.closeFault, refund: order.refundFault };
}
