// Mutated provider callbacks: whatever is done to a genuine signed callback's bytes, headers, encoding or length,
// the gateway answers 4xx (or success for a copy that still means exactly what was signed), never 5xx, and nothing
// but the evidence of refused traffic changes in the database.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { signAlipayCallback } from '@/server/providers/alipay/sign-alipay-callback';
import { buildWechatpayTransactionResource } from '@/server/providers/wechatpay/build-wechatpay-transaction-resource';
import { signWechatpayCallback } from '@/server/providers/wechatpay/sign-wechatpay-callback';
import { getSandboxKeys, sandboxMchid } from '@/server/sandbox/sandbox-keys';
import { databaseDigest } from '@/tests/helpers/database-digest';
import { makeAlipayKeys, makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';

const wechat = makeWechatpayKeys();
const alipay = makeAlipayKeys();
// Refused traffic is throttled and sampled; here every case must reach intake and its storage (each also comes from
// an address of its own), so the limits are out of reach.
const app = useApp({
  ...wechat.env,
  ...alipay.env,
  RATE_LIMIT_REJECTED_CALLBACKS_TOTAL_PER_MINUTE: '1000000',
  REJECTED_CALLBACK_SAMPLES_PER_HOUR: '1000000',
});

type Provider = 'wechatpay' | 'alipay' | 'sandbox';
type Callback = { provider: Provider; body: Buffer; headers: [string, string][] };

/**
 * Tables that refused callbacks are allowed to grow: the bounded evidence of what was refused, and the dashboard's
 * per-minute count of callbacks (refused ones are what its "rejected signatures" figure counts).
 */
const evidenceTables = ['provider_notification', 'rejected_callback_count', 'api_rate_limit', 'callback_stat_minute'];
const runsPerProvider = 3_400;
const parallel = 4;

function chinaTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

async function genuineCallbacks(): Promise<Callback[]> {
  const merchant = await makeMerchant(app.db);
  const wechatPayment = await makePayment(app.db, { merchantId: merchant.id, provider: 'wechatpay' });
  const alipayPayment = await makePayment(app.db, { merchantId: merchant.id, provider: 'alipay', amount: 1_230 });
  const sandboxPayment = await makePayment(app.db, { merchantId: merchant.id, provider: 'sandbox' });
  const sandboxOrder = await app.db.sandboxOrder.findUniqueOrThrow({ where: { outTradeNo: sandboxPayment.providerTradeNo } });
  const sandboxKeys = await getSandboxKeys(app.db);
  const wechatSigned = wechatPaidCallback(wechat, wechatPayment);
  const sandboxSigned = signWechatpayCallback({
    notification: {
      id: `sandbox-${sandboxOrder.transactionId}`,
      eventType: 'TRANSACTION.SUCCESS',
      resource: buildWechatpayTransactionResource({
        mchid: sandboxMchid,
        outTradeNo: sandboxOrder.outTradeNo,
        transactionId: sandboxOrder.transactionId,
        amount: sandboxOrder.amount,
        currency: sandboxOrder.currency,
        payer: 'oSandboxPayer',
      }),
    },
    privateKey: sandboxKeys.privateKey,
    serial: sandboxKeys.serial,
    apiV3Key: sandboxKeys.apiV3Key,
  });
  const now = new Date();
  const alipayBody = signAlipayCallback({
    privateKey: alipay.privateKey,
    params: {
      notify_id: randomBytes(16).toString('hex'),
      notify_type: 'trade_status_sync',
      notify_time: chinaTime(now),
      charset: 'utf-8',
      version: '1.0',
      app_id: alipay.appId,
      out_trade_no: alipayPayment.providerTradeNo,
      trade_no: `2024${randomBytes(12).toString('hex')}`,
      trade_status: 'TRADE_SUCCESS',
      total_amount: '12.30',
      buyer_id: '2088102122524333',
      gmt_payment: chinaTime(now),
      subject: '便利店 咖啡&茶',
    },
  });
  const json = (headers: Record<string, string>) =>
    [['content-type', 'application/json'], ...Object.entries(headers)] as [string, string][];
  return [
    { provider: 'wechatpay', body: Buffer.from(wechatSigned.rawBody), headers: json(wechatSigned.headers) },
    { provider: 'sandbox', body: Buffer.from(sandboxSigned.rawBody), headers: json(sandboxSigned.headers) },
    {
      provider: 'alipay',
      body: Buffer.from(alipayBody),
      headers: [['content-type', 'application/x-www-form-urlencoded; charset=utf-8']],
    },
  ];
}

let sourceCounter = 0;

async function post(callback: Callback) {
  const headers = new Headers();
  for (const [name, value] of callback.headers) headers.append(name, value);
  sourceCounter += 1;
  headers.set('x-forwarded-for', `10.${(sourceCounter >> 16) & 255}.${(sourceCounter >> 8) & 255}.${sourceCounter & 255}`);
  const request = new Request(`http://localhost/api/callbacks/${callback.provider}`, {
    method: 'POST',
    headers,
    body: new Uint8Array(callback.body),
  });
  const response = await callbackRoute(request, { params: Promise.resolve({ provider: callback.provider }) });
  return { status: response.status, text: await response.text() };
}

// Characters PostgreSQL refuses or that parsers trip on, and encodings of them.
const nastyText = fc.constantFrom(
  '\u0000',
  '%00',
  '\\u0000',
  '\ud800',
  '\udfff',
  '\uffff',
  '\ufeff',
  '%',
  '%zz',
  '%E0%A4%A',
  '&',
  '=',
  '+',
  '"',
  '\\',
  '}',
  '{',
  '[',
  '\r\n',
  '💸',
  '支付',
  'A'.repeat(70_000),
);
const text = fc.oneof(nastyText, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
// Header values must be ByteStrings without CR, LF or NUL; anything else is refused before a request exists.
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 60 }),
  fc.constantFrom('', ' ', 'WECHATPAY/SIGNTEST/abc', '9999999999999', '-1', '1e3', 'application/json; charset=latin1'),
);
const signedHeader = fc.constantFrom('Wechatpay-Signature', 'Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Serial', 'content-type');

type Mutation = (callback: Callback) => Callback;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]): Mutation => (c) => {
    const body = Buffer.from(c.body);
    body[at % body.length] = byte;
    return { ...c, body };
  }),
  fc.tuple(fc.nat(), text).map(([at, inserted]): Mutation => (c) => {
    const index = at % (c.body.length + 1);
    return { ...c, body: Buffer.concat([c.body.subarray(0, index), Buffer.from(inserted), c.body.subarray(index)]) };
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 400 })).map(([at, length]): Mutation => (c) => {
    const index = at % c.body.length;
    return { ...c, body: Buffer.concat([c.body.subarray(0, index), c.body.subarray(index + length)]) };
  }),
  fc.nat().map((at): Mutation => (c) => ({ ...c, body: c.body.subarray(0, at % c.body.length) })),
  fc.integer({ min: 1, max: 80 }).map((times): Mutation => (c) => ({ ...c, body: Buffer.concat(Array(times).fill(c.body)) })),
  fc.constantFrom<Mutation>(
    (c) => ({ ...c, body: Buffer.from(c.body.toString('utf8'), 'latin1') }),
    (c) => ({ ...c, body: Buffer.from(c.body.toString('utf8'), 'utf16le') }),
    (c) => ({ ...c, body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), c.body]) }),
    (c) => ({ ...c, body: Buffer.from(encodeURIComponent(c.body.toString('utf8'))) }),
    (c) => ({ ...c, body: Buffer.from(c.body.toString('utf8').replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())) }),
    (c) => ({ ...c, body: Buffer.from(c.body.toString('utf8').replaceAll('+', '%20')) }),
    (c) => ({ ...c, body: Buffer.from(c.body.toString('utf8').replace(/"amount":\{"total":\d+/, '"amount":{"total":1')) }),
    (c) => ({ ...c, body: Buffer.from(c.body.toString('utf8').replace(/total_amount=[\d.]+/, 'total_amount=0.01')) }),
    (c) => ({ ...c, body: Buffer.alloc(0) }),
    (c) => ({ ...c, headers: c.headers.map(([name, value]) => [name.toUpperCase(), value]) }),
  ),
  signedHeader.map((name): Mutation => (c) => ({ ...c, headers: c.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase()) })),
  fc.tuple(signedHeader, headerValue).map(([name, value]): Mutation => (c) => ({
    ...c,
    headers: [...c.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase()), [name, value]],
  })),
  fc.tuple(signedHeader, headerValue).map(([name, value]): Mutation => (c) => ({ ...c, headers: [...c.headers, [name, value]] })),
);

/** What the provider signed, as the gateway reads it: a copy that still means exactly this may be accepted. */
function signedMeaning(callback: Callback): string {
  const text = callback.body.toString('utf8');
  const headers = new Headers();
  for (const [name, value] of callback.headers) headers.append(name, value);
  if (callback.provider === 'alipay') {
    const entries = [...new URLSearchParams(text)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return JSON.stringify(entries);
  }
  const signed = ['wechatpay-signature', 'wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-serial'].map((name) =>
    headers.get(name)?.trim(),
  );
  return JSON.stringify([text, ...signed]);
}

describe('fuzzing the callback routes', () => {
  test(
    `${3 * runsPerProvider} mutated callbacks across WeChat Pay, Alipay and the sandbox: no 5xx, no forgery, no state change`,
    { timeout: 600_000 },
    async (t) => {
      const genuine = await genuineCallbacks();
      for (const callback of genuine) {
        const answer = await post(callback);
        assert.equal(answer.status, 200, `${callback.provider} genuine callback: ${answer.text}`);
      }
      const notificationsBefore = await app.db.providerNotification.findMany({
        where: { outcome: { not: 'rejected' } },
        orderBy: { id: 'asc' },
      });
      const before = await databaseDigest(app.db, evidenceTables);
      const tally = { cases: 0, accepted: 0, refused: 0 };

      for (const base of genuine) {
        const meaning = signedMeaning(base);
        // Four cases at once, as callbacks arrive: intake's group commit and the database see concurrent traffic.
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.array(mutation, { minLength: 1, maxLength: 3 }), { minLength: parallel, maxLength: parallel }),
            async (cases) => {
              await Promise.all(
                cases.map(async (mutations) => {
                  const mutated = mutations.reduce((callback, mutate) => mutate(callback), base);
                  const answer = await post(mutated);
                  tally.cases += 1;
                  assert.ok(answer.status < 500, `${base.provider} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
                  if (answer.status < 300) {
                    tally.accepted += 1;
                    assert.equal(signedMeaning(mutated), meaning, `${base.provider} accepted a callback that is not what was signed`);
                  } else tally.refused += 1;
                }),
              );
            },
          ),
          { numRuns: runsPerProvider / parallel, seed: 20_261_124, endOnFailure: true },
        );
      }

      t.diagnostic(`answers: ${JSON.stringify(tally)}`);
      assert.equal(tally.cases, 3 * runsPerProvider);
      assert.ok(tally.refused > tally.accepted, `mutations should mostly be refused: ${JSON.stringify(tally)}`);
      assert.deepEqual(await databaseDigest(app.db, evidenceTables), before, 'a mutated callback changed the database');
      const notificationsAfter = await app.db.providerNotification.findMany({
        where: { outcome: { not: 'rejected' } },
        orderBy: { id: 'asc' },
      });
      assert.deepEqual(
        notificationsAfter.map(({ id, outcome, paymentId, rawBody }) => ({ id, outcome, paymentId, rawBody })),
        notificationsBefore.map(({ id, outcome, paymentId, rawBody }) => ({ id, outcome, paymentId, rawBody })),
        'only refused callbacks may add to the inbox',
      );
    },
  );
});
