// GET /api/deliveries/count: how many deliveries the list's filter matches (up to the bulk redelivery's cap).
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { countDeliveries } from '@/server/deliveries/count-deliveries';
import { countDeliveriesOperation } from '@/contracts/delivery-count';

export const GET = handle(countDeliveriesOperation, ({ query, principal }) => countDeliveries({ db: getPrisma(), principal, query }));
