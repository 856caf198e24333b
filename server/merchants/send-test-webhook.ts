import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '@/lib/auth/principal';
import { assertMerchantInScope } from '@/lib/auth/merchant-scope';
import type { Db } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getDeliveryAgent } from '@/server/deliveries/delivery-agent';
import { checkNotifyUrl } from '@/server/deliveries/notify-url-policy';
import { acknowledged, sendWebhook } from '@/server/deliveries/send-webhook';
import { signWebhook } from '@/server/deliveries/sign-webhook';

type SendTestWebhook = { db: Db; merchantId: string; principal: Principal | null; url?: string };

export type TestWebhookResult = {
  url: string;
  webhookId: string;
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
};

/**
 * A `webhook.test` event, signed like every delivery with each of the merchant's live secrets, POSTed once to `url`
 * (by default the merchant's notifyUrl) through the same guarded sender. It is not a delivery: nothing is queued or
 * retried, and the answer is reported to the caller.
 */
export async function sendTestWebhook({ db, merchantId, principal, url }: SendTestWebhook): Promise<TestWebhookResult> {
  assertMerchantInScope(principal, merchantId);
  const merchant = await db.merchant.findUnique({
    where: { id: merchantId },
    select: {
      notifyUrl: true,
      secrets: { where: { OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] }, select: { secret: true } },
    },
  });
  if (!merchant) throw new AppError('not_found', `Merchant ${merchantId} not found`);
  const target = url ?? merchant.notifyUrl;
  const env = getEnv();
  await checkNotifyUrl(target, env.NOTIFY_URL_ALLOWLIST);
  const webhookId = uuidv7();
  const at = new Date();
  const body = JSON.stringify({ type: 'webhook.test', timestamp: at.toISOString(), data: { merchantId } });
  const result = await sendWebhook({
    url: target,
    body,
    headers: signWebhook({ id: webhookId, body, secrets: merchant.secrets.map((row) => row.secret), at }),
    timeoutMs: env.DELIVERY_TIMEOUT_MS,
    dispatcher: getDeliveryAgent(env.NOTIFY_URL_ALLOWLIST),
  });
  return {
    url: target,
    webhookId,
    ok: acknowledged(result),
    statusCode: result.statusCode,
    durationMs: result.durationMs,
    responseExcerpt: result.responseExcerpt,
    error: result.error,
  };
}

/** How a failed test reads to a person: what the endpoint answered, or why it could not be reached. */
export function describeTestFailure(result: TestWebhookResult): string {
  const answer = result.statusCode === null ? (result.error ?? 'no answer') : `HTTP ${result.statusCode}`;
  return `The test webhook to ${result.url} was not acknowledged with a 2xx (${answer})`;
}
