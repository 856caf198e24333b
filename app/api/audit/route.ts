// GET /api/audit: the audit trail, newest first, filtered and keyset-paginated (staff).
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { listAuditEvents } from '@/server/audit/list-audit-events';
import { listAuditEventsOperation } from '@/contracts/audit';

export const GET = handle(listAuditEventsOperation, ({ query }) => listAuditEvents({ db: getPrisma(), query }));
