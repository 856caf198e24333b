import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { bulkRedeliverOperation, redeliverOperation, type bulkRedeliverBodySchema } from '@/contracts/deliveries';
import { requestOperation } from '@/lib/api-client/request-operation';

/** Sends one delivery again now; its list rows and the order's timeline refetch (the live stream says so too). */
export function useRedeliver() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => requestOperation(redeliverOperation, { params: { id } }),
    onSuccess: (delivery) => {
      void client.invalidateQueries({ queryKey: ['deliveries'] });
      void client.invalidateQueries({ queryKey: ['delivery', delivery.id] });
      void client.invalidateQueries({ queryKey: ['payment', delivery.paymentId] });
    },
  });
}

/** Sends every delivery matching a filter again (at most 10,000 a call). */
export function useRedeliverAll() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof bulkRedeliverBodySchema>) => requestOperation(bulkRedeliverOperation, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['deliveries'] }),
  });
}
