// GET /api/settlements/{id}/entries: the ledger entries (payments, refunds, fees) that make one settlement row.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { listSettlementEntriesOperation } from '@/contracts/settlements';
import { listSettlementEntries } from '@/server/settlements/list-settlement-entries';

export const GET = handle(listSettlementEntriesOperation, ({ params, query, principal }) =>
  listSettlementEntries({ db: getPrisma(), principal, settlementId: params.id, query }),
);
