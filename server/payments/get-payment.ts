import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { withinScope } from '@/lib/auth/merchant-scope';
import { toPaymentView } from './to-payment-view';

export async function getPayment({ db, id, principal }: { db: Db; id: string; principal: Principal | null }) {
  const payment = withinScope(principal, await db.payment.findUnique({ where: { id } }), `Payment ${id}`);
  return toPaymentView(payment);
}
