import type { Principal } from '@/lib/auth/principal';
import { withinScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { toDeliveryView } from './to-delivery-view';

export async function getDelivery({ db, id, principal }: { db: Db; id: string; principal: Principal | null }) {
  const delivery = await db.delivery.findUnique({ where: { id }, include: { attempts: { orderBy: { attemptNumber: 'asc' } } } });
  const found = withinScope(principal, delivery, `Delivery ${id}`);
  return {
    ...toDeliveryView(found),
    payload: found.payload,
    attempts: found.attempts.map((attempt) => ({
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
