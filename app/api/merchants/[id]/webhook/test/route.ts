// POST /api/merchants/{id}/webhook/test: one signed test webhook, and what the endpoint answered.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { sendTestWebhookOperation } from '@/contracts/developer-settings';
import { sendTestWebhook } from '@/server/merchants/send-test-webhook';

export const POST = handle(sendTestWebhookOperation, ({ params, body, principal }) =>
  sendTestWebhook({ db: getPrisma(), merchantId: params.id, principal, url: body.url }),
);
