// POST /api/merchants/{id}/api-key/regenerate: a new API key, shown once; the old one stops working at once.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { regenerateApiKeyOperation } from '@/contracts/developer-settings';
import { regenerateApiKey } from '@/server/merchants/regenerate-api-key';

export const POST = handle(regenerateApiKeyOperation, ({ params, principal }) =>
  regenerateApiKey({ db: getPrisma(), merchantId: params.id, principal }),
);
