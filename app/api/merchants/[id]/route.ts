// GET /api/merchants/{id}: one merchant, without its secrets. PATCH: change its name or notifyUrl.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getMerchant } from '@/server/merchants/get-merchant';
import { getMerchantOperation, updateMerchantOperation } from '@/contracts/merchants';
import { updateMerchant } from '@/server/merchants/update-merchant';

export const GET = handle(getMerchantOperation, ({ params, principal }) => getMerchant({ db: getPrisma(), id: params.id, principal }));

export const PATCH = handle(updateMerchantOperation, ({ params, body, principal }) =>
  updateMerchant({ db: getPrisma(), id: params.id, principal, changes: body }),
);
