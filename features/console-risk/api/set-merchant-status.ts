import { useMutation, useQueryClient } from '@tanstack/react-query';
import { blockMerchantOperation, unblockMerchantOperation } from '@/contracts/merchants';
import { requestOperation } from '@/lib/api-client/request-operation';

/** Block or unblock a merchant with a reason; the merchant's page shows the new status from the answer at once. */
export function useSetMerchantStatus(merchantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: 'block' | 'unblock'; reason: string }) =>
      requestOperation(action === 'block' ? blockMerchantOperation : unblockMerchantOperation, {
        params: { id: merchantId },
        body: { reason },
      }),
    onSuccess: async (merchant) => {
      client.setQueryData(['merchant', merchantId], merchant);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['merchant', merchantId] }),
        client.invalidateQueries({ queryKey: ['merchants'] }),
      ]);
    },
  });
}
