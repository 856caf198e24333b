// POST /api/queues/{queue}/redrive: a subscriber queue's dead letters sent through again (or counted, with preview).
import { handle } from '@/lib/http/handle';
import { getBoss } from '@/lib/queue/boss';
import { redriveOperation } from '@/contracts/queues';
import { redriveDeadLetters } from '@/server/queues/redrive-dead-letters';

export const POST = handle(redriveOperation, async ({ params, body }) =>
  redriveDeadLetters({ boss: await getBoss(), queue: params.queue, ...body }),
);
