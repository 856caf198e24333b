// GET /api/notifications: the provider notification inbox, rejected ones included, newest first (staff).
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { listNotifications } from '@/server/notifications/list-notifications';
import { listNotificationsOperation } from '@/contracts/notifications';

export const GET = handle(listNotificationsOperation, ({ query }) => listNotifications({ db: getPrisma(), query }));
