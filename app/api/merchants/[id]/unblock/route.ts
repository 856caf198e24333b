// POST /api/merchants/{id}/unblock: unblock a merchant with a reason; audited.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { unblockMerchantOperation } from '@/contracts/merchants';
import { unblockMerchant } from '@/server/merchants/set-merchant-status';

export const POST = handle(unblockMerchantOperation, ({ params, body }) =>
  unblockMerchant({ db: getPrisma(), merchantId: params.id, reason: body.reason, actor: 'admin', source: 'api' }),
);
