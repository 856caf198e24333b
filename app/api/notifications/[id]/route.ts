// GET /api/notifications/{id}: one provider notification with its raw body, headers and verdict (staff).
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { getNotification } from '@/server/notifications/get-notification';
import { getNotificationOperation } from '@/contracts/notifications';

export const GET = handle(getNotificationOperation, ({ params }) => getNotification({ db: getPrisma(), id: params.id }));
