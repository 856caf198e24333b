// POST /api/payments: create a pending payment; a blocked merchant gets 403 merchant_blocked.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { createPayment } from '@/server/payments/create-payment';
import { createPaymentOperation } from '@/contracts/payments';

export const POST = handle(createPaymentOperation, ({ body, principal }) => createPayment({ db: getPrisma(), principal, input: body }));
