// A merchant's developer settings beyond PATCH /api/merchants/{id} and the secret rotation: a signed test webhook
// on demand, and a new API key.
import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema } from '@/contracts/common';
import { notifyUrlSchema } from '@/contracts/merchants';

export const testWebhookBodySchema = z.object({
  url: notifyUrlSchema.optional().describe('Where to send it; by default the merchant’s notifyUrl. Nothing is saved'),
});

export const testWebhookResultSchema = z.object({
  url: z.string(),
  webhookId: z.string().describe('The webhook-id header it carried'),
  ok: z.boolean().describe('Whether the endpoint answered 2xx'),
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int(),
  responseExcerpt: z.string().nullable().describe('The first KiB of the answer'),
  error: z.string().nullable().describe('Why no answer came: refused connection, timeout, refused address'),
});

export const sendTestWebhookOperation = defineOperation({
  id: 'sendTestWebhook',
  method: 'POST',
  path: '/api/merchants/{id}/webhook/test',
  summary: 'Send one signed webhook.test event (Standard Webhooks, every live secret) and report the answer; not retried, not a delivery',
  tag: 'merchants',
  auth: { staff: 'admin', merchant: 'developer' },
  params: idParamsSchema,
  body: testWebhookBodySchema,
  status: 200,
  response: testWebhookResultSchema,
  errors: [400, 401, 403, 404, 422, 429],
});

export const regenerateApiKeyOperation = defineOperation({
  id: 'regenerateApiKey',
  method: 'POST',
  path: '/api/merchants/{id}/api-key/regenerate',
  summary: 'A new merchant API key, shown once; the old key stops working at once',
  tag: 'merchants',
  auth: { staff: 'admin', merchant: 'developer' },
  params: idParamsSchema,
  status: 200,
  response: z.object({ apiKey: z.string().describe('Shown once'), apiKeyPrefix: z.string() }),
  errors: [401, 403, 404, 429],
});
