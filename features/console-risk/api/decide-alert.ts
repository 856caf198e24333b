import { useMutation, useQueryClient } from '@tanstack/react-query';
import { decideRiskAlertOperation } from '@/contracts/risk';
import { requestOperation } from '@/lib/api-client/request-operation';

export type AlertDecision = 'acknowledged' | 'dismissed' | 'blocked';

/** One decision on an alert; the person is the signed-in caller, never a field of the form. */
export function useDecideAlert(alertId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, reason }: { decision: AlertDecision; reason: string }) =>
      requestOperation(decideRiskAlertOperation, { params: { id: alertId }, body: { decision, reason } }),
    onSuccess: async (alert) => {
      client.setQueryData(['alert', alertId], alert);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['alert', alertId] }),
        client.invalidateQueries({ queryKey: ['alerts'] }),
        ...(alert.merchantId ? [client.invalidateQueries({ queryKey: ['merchant', alert.merchantId] })] : []),
        client.invalidateQueries({ queryKey: ['merchants'] }),
      ]);
    },
  });
}
