// GET /api/merchants/{id}: one merchant, without its secrets.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getMerchant } from '@/server/merchants/get-merchant';
import { getMerchantOperation } from '@/server/merchants/operations';

export const GET = handle(getMerchantOperation, ({ params, principal }) =>
  getMerchant({ db: getPrisma(), id: params.id, principal }),
);
