import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { withinScope } from '@/lib/auth/merchant-scope';
import { toPaymentView } from './to-payment-view';

type GetPayment = { db: Db; id: string; principal: Principal | null; attemptId?: string };

/** One payment with its attempts and refunds; another merchant's answers 404. */
export async function getPayment({ db, id, principal, attemptId }: GetPayment) {
  const payment = withinScope(
    principal,
    await db.payment.findUnique({ where: { id }, include: { attempts: true, refunds: { orderBy: { createdAt: 'asc' } } } }),
    `Payment ${id}`,
  );
  return toPaymentView(payment, attemptId);
}
