import { useMutation, useQueryClient } from '@tanstack/react-query';
import { regenerateApiKeyOperation, sendTestWebhookOperation } from '@/contracts/developer-settings';
import { rotateSecretOperation, updateMerchantOperation } from '@/contracts/merchants';
import { requestOperation } from '@/lib/api-client/request-operation';

/** POST /api/merchants/{id}/webhook/test: one signed webhook.test to `url` (the saved notifyUrl when absent), nothing saved. */
export function useSendTestWebhook(merchantId: string) {
  return useMutation({
    mutationFn: (url?: string) => requestOperation(sendTestWebhookOperation, { params: { id: merchantId }, body: url ? { url } : {} }),
  });
}

/** PATCH /api/merchants/{id} {notifyUrl}: saved only once the URL acknowledged a signed test webhook (else 422). */
export function useSaveNotifyUrl(merchantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (notifyUrl: string) => requestOperation(updateMerchantOperation, { params: { id: merchantId }, body: { notifyUrl } }),
    onSuccess: (merchant) => {
      client.setQueryData(['merchant', merchantId], merchant);
      void client.invalidateQueries({ queryKey: ['overview'] });
    },
  });
}

/** POST /api/merchants/{id}/secret/rotate: a new secret, shown once; the old ones sign beside it for `overlapSeconds`. */
export function useRotateSecret(merchantId: string) {
  return useMutation({
    mutationFn: (overlapSeconds: number) =>
      requestOperation(rotateSecretOperation, { params: { id: merchantId }, body: { overlapSeconds } }),
  });
}

/** POST /api/merchants/{id}/api-key/regenerate: a new key, shown once; the old one stops at once. */
export function useRegenerateApiKey(merchantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => requestOperation(regenerateApiKeyOperation, { params: { id: merchantId } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['merchant', merchantId] }),
  });
}
