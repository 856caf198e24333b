import type { z } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import { assertMerchantInScope } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { AppError } from '@/lib/errors';
import { registerSandboxOrder } from '@/server/sandbox/register-sandbox-order';
import type { createPaymentBodySchema } from '@/contracts/payments';
import { toPaymentView } from './to-payment-view';

type CreatePayment = { db: Db; principal: Principal | null; input: z.output<typeof createPaymentBodySchema> };

const pendingLifetimeMs = 2 * 60 * 60 * 1000;

/**
 * Creates a pending payment. The merchant row is read FOR SHARE, so a concurrent block waits for
 * this insert or this insert sees the block: a blocked merchant never gets a new payment.
 */
export async function createPayment({ db, principal, input }: CreatePayment) {
  assertMerchantInScope(principal, input.merchantId);
  try {
    const payment = await db.$transaction(async (tx) => {
      const [merchant] = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text FROM merchant WHERE id = ${input.merchantId}::uuid FOR SHARE`;
      if (!merchant) throw new AppError('not_found', `Merchant ${input.merchantId} not found`);
      if (merchant.status === 'blocked') {
        throw new AppError('merchant_blocked', `Merchant ${input.merchantId} is blocked and cannot take new payments`);
      }
      const created = await tx.payment.create({
        data: { ...input, expiresAt: new Date(Date.now() + pendingLifetimeMs) },
      });
      if (created.provider === 'sandbox') await registerSandboxOrder({ tx, payment: created });
      await notifyChanges(tx, [{ kind: 'payment', id: created.id, merchantId: created.merchantId }]);
      return created;
    });
    return toPaymentView(payment);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('conflict', `Merchant already has a payment with outTradeNo ${input.outTradeNo}`);
    }
    throw error;
  }
}
