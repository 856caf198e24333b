import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { toDeliveryView } from './to-delivery-view';

export async function getDelivery({ db, id, principal }: { db: Db; id: string; principal: Principal | null }) {
  const delivery = await db.delivery.findUnique({ where: { id }, include: { attempts: { orderBy: { attemptNumber: 'asc' } } } });
  if (!delivery || (principal?.kind === 'merchant' && principal.merchantId !== delivery.merchantId)) {
    throw new AppError('not_found', `Delivery ${id} not found`);
  }
  return {
    ...toDeliveryView(delivery),
    payload: delivery.payload,
    attempts: delivery.attempts.map((attempt) => ({
      attemptNumber: attempt.attemptNumber,
      url: attempt.url,
      startedAt: attempt.startedAt.toISOString(),
      durationMs: attempt.durationMs,
      statusCode: attempt.statusCode,
      responseExcerpt: attempt.responseExcerpt,
      error: attempt.error,
    })),
  };
}
