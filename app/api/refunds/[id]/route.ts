// GET /api/refunds/{id}: one refund with its status.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getRefundOperation } from '@/contracts/refunds';
import { getRefund } from '@/server/refunds/get-refund';

export const GET = handle(getRefundOperation, ({ params, principal }) => getRefund({ db: getPrisma(), id: params.id, principal }));
