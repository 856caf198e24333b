import type { z } from 'zod';
import type { Principal } from '@/lib/auth/principal';
import { withinScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { afterCursor, decodeCursor, pageOf } from '@/lib/pagination/keyset-cursor';
import type { listPaymentRefundsQuerySchema } from '@/contracts/refunds';
import { toRefundView, withAttemptNo } from './to-refund-view';

type ListPaymentRefunds = {
  db: Db;
  paymentId: string;
  principal: Principal | null;
  query: z.output<typeof listPaymentRefundsQuerySchema>;
};

/** A payment's refunds, newest first, keyset-paginated; another merchant's payment answers 404. */
export async function listPaymentRefunds({ db, paymentId, principal, query }: ListPaymentRefunds) {
  const cursor = decodeCursor(query.cursor);
  withinScope(principal, await db.payment.findUnique({ where: { id: paymentId }, select: { merchantId: true } }), `Payment ${paymentId}`);
  const rows = await db.refund.findMany({
    where: { paymentId, ...afterCursor(cursor) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: withAttemptNo,
  });
  const page = pageOf(rows, query.limit);
  return { items: page.items.map(toRefundView), nextCursor: page.nextCursor };
}
