// POST /api/deliveries/{id}/redeliver: send one delivery again now.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getBoss } from '@/lib/queue/boss';
import { redeliverOperation } from '@/contracts/deliveries';
import { redeliverOne } from '@/server/deliveries/redeliver';

export const POST = handle(redeliverOperation, async ({ params, principal }) =>
  redeliverOne({ db: getPrisma(), boss: await getBoss(), id: params.id, principal }),
);
