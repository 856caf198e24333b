// POST /api/payments: place an order with the provider; 201 new, 200 when the shopper retries a pending payment.
import { getPrisma } from '@/lib/db/prisma';
import { jsonResponse } from '@/lib/http/error-response';
import { handle } from '@/lib/http/handle';
import { createPayment } from '@/server/payments/create-payment';
import { createPaymentOperation } from '@/contracts/payments';

export const POST = handle(createPaymentOperation, ({ body, principal }) =>
  createPayment({ db: getPrisma(), principal, input: body }).then(({ created, payment }) => jsonResponse(payment, created ? 201 : 200)),
);
