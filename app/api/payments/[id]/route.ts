// GET /api/payments/{id}: one payment with its status, attempts and refunds.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getPayment } from '@/server/payments/get-payment';
import { getPaymentOperation } from '@/contracts/payments';

export const GET = handle(getPaymentOperation, ({ params, principal }) => getPayment({ db: getPrisma(), id: params.id, principal }));
