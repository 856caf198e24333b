// A final refund reaches the merchant's server like a payment does (DESIGN §5): a Standard Webhooks signed POST of
// `refund.succeeded` / `refund.failed` with the refund's data, verifiable with the standardwebhooks package.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { refundEventSchema } from '@/contracts/refunds';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { paySandboxAndNotify } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';
import { useDeliveryWorker } from '@/tests/helpers/use-delivery-worker';
import { refundOk, settleSandboxRefund } from './refund-helpers';

const app = useApp({ REFUND_QUERY_SCHEDULE: '60' });
useDeliveryWorker(app);
const merchantServer = await startMerchantServer();

describe('refund webhooks', () => {
  test('refund.succeeded and refund.failed are delivered signed to the merchant, after its payment.succeeded', async () => {
    const merchant = await makeMerchant(app.db, { notifyUrl: merchantServer.url('/refund-hooks') });
    const payment = await makePayment(app.db, { merchantId: merchant.id, provider: 'sandbox', amount: 3_000 });
    await paySandboxAndNotify(app.db, payment.id);
    const kept = await refundOk(payment.id, { refundNo: 'HOOK-OK', amount: 1_000 });
    const lost = await refundOk(payment.id, { refundNo: 'HOOK-CLOSED', amount: 500 });
    await settleSandboxRefund(app.db, kept.providerRefundNo, 'none');
    await settleSandboxRefund(app.db, lost.providerRefundNo, 'closed');
    const hooks = () => merchantServer.receivedAt('/refund-hooks');
    await merchantServer.until(() => hooks().length >= 3);

    const verified = hooks().map((hook) => new Webhook(merchant.webhookSecret).verify(hook.body, hook.headers) as { type: string });
    assert.deepEqual(verified.map((body) => body.type).sort(), ['payment.succeeded', 'refund.failed', 'refund.succeeded']);
    const events = hooks()
      .filter((hook) => JSON.parse(hook.body).type !== 'payment.succeeded')
      .map((hook) => ({
        webhookId: hook.headers['webhook-id'],
        event: refundEventSchema.omit({ eventId: true }).parse(JSON.parse(hook.body)),
      }));
    const byRefund = new Map(events.map((entry) => [entry.event.data.refundId, entry]));
    assert.deepEqual(byRefund.get(kept.id)?.event.data, {
      refundId: kept.id,
      paymentId: payment.id,
      merchantId: merchant.id,
      outTradeNo: payment.outTradeNo,
      refundNo: 'HOOK-OK',
      amount: 1_000,
      currency: 'CNY',
      reason: 'customer',
      status: 'succeeded',
    });
    assert.deepEqual([byRefund.get(lost.id)?.event.type, byRefund.get(lost.id)?.event.data.status], ['refund.failed', 'closed']);
    const delivery = await app.db.delivery.findFirstOrThrow({ where: { refundId: kept.id } });
    assert.equal(byRefund.get(kept.id)?.webhookId, delivery.id);
  });
});
