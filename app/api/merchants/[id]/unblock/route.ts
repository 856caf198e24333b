// POST /api/merchants/{id}/unblock: unblock a merchant with a reason; audited.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { unblockMerchantOperation } from '@/contracts/merchants';
import { unblockMerchant, sourceOf } from '@/server/merchants/set-merchant-status';

export const POST = handle(unblockMerchantOperation, ({ params, body, principal }) =>
  unblockMerchant({ db: getPrisma(), merchantId: params.id, reason: body.reason, actor: principal, source: sourceOf(principal) }),
);
