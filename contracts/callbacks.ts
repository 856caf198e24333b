import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';

export const callbackParamsSchema = z.object({ provider: z.enum(['wechatpay', 'alipay', 'sandbox']) });

export const receiveCallbackOperation = defineOperation({
  id: 'receiveProviderCallback',
  method: 'POST',
  path: '/api/callbacks/{provider}',
  summary:
    'A provider\'s "order paid" (or refund) notification, verified on the raw body, stored durably, then answered in the provider\'s own format',
  tag: 'callbacks',
  auth: 'none',
  params: callbackParamsSchema,
  rawBody: { contentTypes: ['application/json', 'application/x-www-form-urlencoded'] },
  status: 200,
  responseContentType: 'application/json (WeChat Pay, sandbox: {"code":"SUCCESS"}) or text/plain (Alipay: success)',
  errors: [400, 401, 404, 413, 422, 429, 503],
});
