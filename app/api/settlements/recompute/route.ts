// POST /api/settlements/recompute: recompute settled days from the ledger and raise every difference (admin).
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { recomputeSettlementsOperation } from '@/contracts/settlements';
import { recomputeSettlements } from '@/server/settlements/recompute-settlements';

export const POST = handle(recomputeSettlementsOperation, ({ body }) => recomputeSettlements({ db: getPrisma(), input: body }));
