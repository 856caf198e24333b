// POST /api/merchants/{id}/block: block a merchant with a reason; audited.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { blockMerchantOperation } from '@/contracts/merchants';
import { blockMerchant, sourceOf } from '@/server/merchants/set-merchant-status';

export const POST = handle(blockMerchantOperation, ({ params, body, principal }) =>
  blockMerchant({ db: getPrisma(), merchantId: params.id, reason: body.reason, actor: principal, source: sourceOf(principal) }),
);
