// The amount check of a queried "paid" answer, for a provider client that does not check the amount itself.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { settleQueriedPayment } from '@/server/lifecycle/settle-queried-payment';
import { recordProviderExchange } from '@/server/providers/record-provider-exchange';
import { createSandboxClient } from '@/server/sandbox/create-sandbox-client';
import { settlementOf } from '@/tests/helpers/queue-jobs';
import { paySandbox, setSandboxFaults } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

describe('settling a queried payment', () => {
  test('a "paid" answer for another amount is never settled: kept in the inbox as rejected and raised once', async () => {
    const merchant = await makeMerchant(app.db);
    const payment = await makePayment(app.db, { merchantId: merchant.id, provider: 'sandbox', amount: 1_280 });
    await paySandbox(payment.id, { fault: 'lost' });
    await setSandboxFaults(payment.id, { query: 'wrong_amount' });
    const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: payment.attempts[0].id } });
    const client = createSandboxClient({ db: app.db, boss: app.boss });
    for (let look = 0; look < 2; look++) {
      // Asked without our amount, the client passes the answer on as it came.
      const result = await client.queryOrder({ providerTradeNo: attempt.providerTradeNo });
      assert.ok(result.ok && result.value.state === 'paid' && result.value.amount === 1_281, JSON.stringify(result));
      const exchangeId = await recordProviderExchange(app.db, result.exchange, { attemptId: attempt.id });
      const outcome = await settleQueriedPayment({
        db: app.db,
        boss: app.boss,
        attempt,
        status: result.value,
        exchange: result.exchange,
        exchangeId,
      });
      assert.equal(outcome, 'amount_mismatch');
    }
    assert.equal((await settlementOf(app.db, payment.id)).status, 'pending');
    const inbox = await app.db.providerNotification.findMany({ where: { attemptId: attempt.id } });
    assert.deepEqual(
      inbox.map((row) => [row.source, row.outcome, row.receivedCount]),
      [['query', 'rejected', 2]],
    );
    assert.match(inbox[0].reason ?? '', /1281 CNY paid but attempt .* is 1280 CNY/);
    const alerts = await app.db.riskAlert.findMany({ where: { paymentId: payment.id } });
    assert.deepEqual(
      alerts.map((alert) => alert.kind),
      ['amount_mismatch'],
    );
  });
});
