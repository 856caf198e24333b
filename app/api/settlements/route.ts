// GET /api/settlements: daily settlement rows newest first, by merchant and day range, keyset-paginated and
// merchant-scoped; as CSV (Accept: text/csv or format=csv) the whole filtered list, streamed.
import { getPrisma } from '@/lib/db/prisma';
import { csvResponse, wantsCsv } from '@/lib/http/csv-response';
import { handle } from '@/lib/http/handle';
import { listSettlementsOperation } from '@/contracts/settlements';
import { exportSettlementsCsv, settlementCsvColumns } from '@/server/settlements/export-settlements-csv';
import { listSettlements } from '@/server/settlements/list-settlements';

export const GET = handle(listSettlementsOperation, async ({ request, query, principal }) =>
  wantsCsv(request, query.format)
    ? csvResponse('settlements.csv', settlementCsvColumns, await exportSettlementsCsv({ db: getPrisma(), principal, query }))
    : listSettlements({ db: getPrisma(), principal, query }),
);
