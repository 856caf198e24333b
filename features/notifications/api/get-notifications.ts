import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { listNotificationsOperation } from '@/contracts/notifications';
import { requestOperation } from '@/lib/api-client/request-operation';
import type { NotificationListQuery } from '../notification-filters';

export const notificationListQueryOptions = (query: NotificationListQuery) =>
  infiniteQueryOptions({
    queryKey: ['notifications', query],
    queryFn: ({ pageParam, signal }) => requestOperation(listNotificationsOperation, { query: { ...query, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** The provider inbox, newest first, rejected callbacks included. */
export function useNotificationList(query: NotificationListQuery) {
  return useInfiniteQuery(notificationListQueryOptions(query));
}
