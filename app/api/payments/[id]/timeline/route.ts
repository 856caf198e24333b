// GET /api/payments/{id}/timeline: the order detail as one timeline; merchant keys get it without risk internals.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getPaymentTimeline } from '@/server/timeline/get-payment-timeline';
import { getPaymentTimelineOperation } from '@/contracts/payment-timeline';

export const GET = handle(getPaymentTimelineOperation, ({ params, principal }) =>
  getPaymentTimeline({ db: getPrisma(), id: params.id, principal }),
);
