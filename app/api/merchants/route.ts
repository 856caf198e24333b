// POST /api/merchants: create a merchant (admin); secret and API key are shown once.
// GET /api/merchants: merchants newest first with their figures, keyset-paginated (staff).
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { createMerchant } from '@/server/merchants/create-merchant';
import { listMerchants } from '@/server/merchants/list-merchants';
import { createMerchantOperation } from '@/contracts/merchants';
import { listMerchantsOperation } from '@/contracts/merchant-list';

export const POST = handle(createMerchantOperation, ({ body }) => createMerchant({ db: getPrisma(), ...body }));

export const GET = handle(listMerchantsOperation, ({ query }) => listMerchants({ db: getPrisma(), query }));
