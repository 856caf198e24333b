// POST /api/merchants: create a merchant (admin); secret and API key are shown once.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { createMerchant } from '@/server/merchants/create-merchant';
import { createMerchantOperation } from '@/contracts/merchants';

export const POST = handle(createMerchantOperation, ({ body }) => createMerchant({ db: getPrisma(), ...body }));
