import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import { decodeCursor, encodeCursor } from '@/lib/pagination/keyset-cursor';
import type { listRiskAlertsQuerySchema } from '@/contracts/risk';
import { toRiskAlertView } from './to-risk-alert-view';

type ListRiskAlerts = { db: Db; query: z.output<typeof listRiskAlertsQuerySchema> };

/** Newest first by (openedAt, id), keyset-paginated: a page costs the same however deep it is. */
export async function listRiskAlerts({ db, query }: ListRiskAlerts) {
  const cursor = decodeCursor(query.cursor);
  const rows = await db.riskAlert.findMany({
    where: {
      AND: [
        query.status ? { status: query.status } : {},
        query.merchantId ? { merchantId: query.merchantId } : {},
        query.ruleId ? { ruleId: query.ruleId } : {},
        query.kind ? { kind: query.kind } : {},
        query.since || query.until
          ? { openedAt: { gte: query.since ? new Date(query.since) : undefined, lt: query.until ? new Date(query.until) : undefined } }
          : {},
        // The lte bound lets the (status, openedAt desc, id desc) index start at the cursor (see afterCursor).
        cursor ? { openedAt: { lte: cursor.createdAt }, OR: [{ openedAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] } : {},
      ],
    },
    orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ createdAt: last.openedAt, id: last.id }) : null;
  return { items: items.map(toRiskAlertView), nextCursor };
}
