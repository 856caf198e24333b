import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { toPaymentView } from './to-payment-view';

export async function getPayment({ db, id, principal }: { db: Db; id: string; principal: Principal | null }) {
  const payment = await db.payment.findUnique({ where: { id } });
  // Another merchant's payment answers exactly like a missing one.
  if (!payment || (principal?.kind === 'merchant' && principal.merchantId !== payment.merchantId)) {
    throw new AppError('not_found', `Payment ${id} not found`);
  }
  return toPaymentView(payment);
}
