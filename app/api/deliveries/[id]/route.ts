// GET /api/deliveries/{id}: one delivery with every attempt.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getDelivery } from '@/server/deliveries/get-delivery';
import { getDeliveryOperation } from '@/contracts/deliveries';

export const GET = handle(getDeliveryOperation, ({ params, principal }) => getDelivery({ db: getPrisma(), id: params.id, principal }));
