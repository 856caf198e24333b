// GET /api/deliveries: deliveries newest first, filtered, keyset-paginated; merchant-scoped for merchant keys.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { listDeliveries } from '@/server/deliveries/list-deliveries';
import { listDeliveriesOperation } from '@/contracts/deliveries';

export const GET = handle(listDeliveriesOperation, ({ query, principal }) => listDeliveries({ db: getPrisma(), principal, query }));
