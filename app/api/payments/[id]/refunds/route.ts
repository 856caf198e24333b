// POST /api/payments/{id}/refunds: refund part or all of a paid payment (201 new, 200 the same refundNo again).
// GET /api/payments/{id}/refunds: the payment's refunds, newest first.
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { jsonResponse } from '@/lib/http/error-response';
import { handle } from '@/lib/http/handle';
import { getBoss } from '@/lib/queue/boss';
import { createRefundOperation, listPaymentRefundsOperation } from '@/contracts/refunds';
import { lifecycleSettingsFrom } from '@/server/lifecycle/lifecycle-settings';
import { createRefund } from '@/server/refunds/create-refund';
import { listPaymentRefunds } from '@/server/refunds/list-payment-refunds';

export const POST = handle(createRefundOperation, async ({ params, body, principal }) => {
  const { created, refund } = await createRefund({
    db: getPrisma(),
    boss: await getBoss(),
    principal,
    paymentId: params.id,
    input: body,
    settings: lifecycleSettingsFrom(getEnv()),
  });
  return jsonResponse(refund, created ? 201 : 200);
});

export const GET = handle(listPaymentRefundsOperation, ({ params, query, principal }) =>
  listPaymentRefunds({ db: getPrisma(), paymentId: params.id, principal, query }),
);
