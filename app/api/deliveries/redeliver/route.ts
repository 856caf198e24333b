// POST /api/deliveries/redeliver: redeliver in bulk (by default the dead-letter set).
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getBoss } from '@/lib/queue/boss';
import { bulkRedeliverOperation } from '@/contracts/deliveries';
import { redeliverMany } from '@/server/deliveries/redeliver';

export const POST = handle(bulkRedeliverOperation, async ({ body, principal }) =>
  redeliverMany({ db: getPrisma(), boss: await getBoss(), principal, filter: body }),
);
