// A whole run of the real processes at debug level, through everything that handles a secret: merchant creation,
// payments, callbacks (genuine, duplicated and forged), deliveries that fail then succeed, and a secret rotation.
// Then every log line of the web and worker processes is searched for every secret the run made or used.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { outTradeNo } from '@/prisma/seed/factories';
import { directDb } from '@/tests/helpers/direct-db';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { adminToken } from '@/tests/helpers/test-database';
import { api, startSystem, waitFor, type RunningSystem } from '../helpers/start-system';

let system: RunningSystem;

before(async () => {
  system = await startSystem({ LOG_LEVEL: 'debug', DELIVERY_RETRY_SCHEDULE: '1,1,1' });
});

after(async () => {
  await system?.stop();
});

/** The distinctive part of a secret: what would give it away if it appeared anywhere in the logs. */
function needles(secret: string): string[] {
  const pem = secret.match(/-----BEGIN [A-Z ]+-----([\s\S]+?)-----END/);
  if (pem) return pem[1].split(/\s+/).filter((line) => line.length >= 40);
  return [secret, secret.replace(/^(whsec_|mk_|v1,)/, '')].filter((needle) => needle.length >= 12);
}

describe('secrets never reach the logs', () => {
  test('a whole run logs none of the secrets it made', async () => {
    const merchantServer = await startMerchantServer();
    let failing = 2;
    merchantServer.answer('/hook', () => (failing-- > 0 ? { status: 503 } : { status: 200 }));
    const created = await api(system.baseUrl, 'POST', '/api/merchants', { name: 'Log Mart', notifyUrl: merchantServer.url('/hook') });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const { id: merchantId, apiKey, webhookSecret } = created.json;
    const secrets: Record<string, string> = { adminToken, apiKey, webhookSecret };

    const pay = async (fault: object) => {
      const payment = await api(
        system.baseUrl,
        'POST',
        '/api/payments',
        { merchantId, outTradeNo: outTradeNo(), amount: 1_280, provider: 'sandbox' },
        apiKey,
      );
      assert.equal(payment.status, 201, JSON.stringify(payment.json));
      const paid = await api(system.baseUrl, 'POST', `/api/sandbox/payments/${payment.json.id}/pay`, fault, apiKey);
      assert.equal(paid.status, 202, JSON.stringify(paid.json));
      return payment.json.id as string;
    };
    const first = await pay({});
    await pay({ fault: 'duplicate', copies: 3 });
    // A forged callback and requests carrying credentials the gateway must refuse, cookies included.
    const forged = await fetch(`${system.baseUrl}/api/callbacks/sandbox`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${apiKey}`,
        cookie: `session=${webhookSecret}`,
        'wechatpay-signature': 'Zm9yZ2VkLXNpZ25hdHVyZS1mb3ItdGhlLWxvZy10ZXN0',
        'wechatpay-timestamp': String(Math.floor(Date.now() / 1000)),
        'wechatpay-nonce': 'n',
        'wechatpay-serial': 'nope',
      },
      body: JSON.stringify({ id: 'forged', resource: { ciphertext: apiKey } }),
    });
    assert.ok(forged.status >= 400 && forged.status < 500);
    const wrongKey = await api(system.baseUrl, 'GET', `/api/payments/${first}`, undefined, `${apiKey}x`);
    assert.equal(wrongKey.status, 401);

    await merchantServer.until(() => merchantServer.receivedAt('/hook').filter((r) => r.headers['webhook-id']).length >= 4);
    const rotated = await api(system.baseUrl, 'POST', `/api/merchants/${merchantId}/secret/rotate`, {}, apiKey);
    assert.equal(rotated.status, 200, JSON.stringify(rotated.json));
    secrets.rotatedSecret = rotated.json.webhookSecret;
    const afterRotation = await pay({});
    await waitFor(
      async () => (await api(system.baseUrl, 'GET', `/api/payments/${afterRotation}`, undefined, apiKey)).json.status === 'succeeded',
    );
    await merchantServer.until(() => merchantServer.receivedAt('/hook').some((r) => r.headers['webhook-signature']?.includes(' ')));

    // What else was secret in this run: the signatures sent to the merchant, the sandbox provider's keys and the
    // signatures of its callbacks (kept as evidence in the inbox).
    merchantServer.receivedAt('/hook').forEach((request, index) => {
      for (const signature of request.headers['webhook-signature'].split(' ')) secrets[`webhookSignature${index}`] = signature;
    });
    const { db } = directDb(system.database.url);
    try {
      const keys = await db.sandboxKey.findUniqueOrThrow({ where: { id: 'sandbox' } });
      secrets.sandboxPrivateKey = keys.privateKeyPem;
      secrets.sandboxApiV3Key = keys.apiV3Key;
      const inbox = await db.providerNotification.findMany({ where: { outcome: { not: 'rejected' } } });
      inbox.forEach((row, index) => {
        const signature = (row.headers as Record<string, string>)['wechatpay-signature'];
        if (signature) secrets[`callbackSignature${index}`] = signature;
      });
      assert.ok(inbox.length >= 2);
    } finally {
      await db.$disconnect();
    }

    await system.stop();
    const logs = system.logs();
    // The processes logged, at debug level, the requests, callbacks and webhooks that carried the secrets, so the
    // search below searched where they would leak.
    for (const line of ['worker ready', '"api request"', '"callback answered"', '"webhook attempt"']) assert.ok(logs.includes(line), line);
    for (const [name, secret] of Object.entries(secrets)) {
      for (const needle of needles(secret)) assert.ok(!logs.includes(needle), `the logs contain ${name}`);
    }
  });
});
