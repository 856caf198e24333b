// POST /api/merchants/{id}/block: block a merchant with a reason; audited.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { blockMerchantOperation } from '@/contracts/merchants';
import { blockMerchant } from '@/server/merchants/set-merchant-status';

export const POST = handle(blockMerchantOperation, ({ params, body }) =>
  blockMerchant({ db: getPrisma(), merchantId: params.id, reason: body.reason, actor: 'admin', source: 'api' }),
);
