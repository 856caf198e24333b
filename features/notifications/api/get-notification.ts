import { queryOptions, useQuery } from '@tanstack/react-query';
import { getNotificationOperation } from '@/contracts/notifications';
import { requestOperation } from '@/lib/api-client/request-operation';

export const notificationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['notification', id],
    queryFn: ({ signal }) => requestOperation(getNotificationOperation, { params: { id }, signal }),
  });

/** One inbox entry with its raw body; asked only once someone opens it. */
export function useNotification(id: string, { enabled = true } = {}) {
  return useQuery({ ...notificationQueryOptions(id), enabled });
}
