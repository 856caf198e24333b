// Both providers' daily bills against the fake: the same day read the same way, then what each does to prove its file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAlipayClient } from '@/server/providers/alipay/create-alipay-client';
import { createWechatpayClient } from '@/server/providers/wechatpay/create-wechatpay-client';
import type { BillEditor } from '@/tests/helpers/fake-provider/fake-bill-rows';
import { startFakeProvider } from '@/tests/helpers/fake-provider/start-fake-provider';
import { expectFailure } from '@/tests/helpers/provider-result';

const fake = await startFakeProvider();
let sequence = 0;
const providers = [
  {
    name: 'wechatpay' as const,
    client: createWechatpayClient(fake.wechatpay.clientConfig()),
    pay: fake.wechatpay.pay,
    setBillEditor: fake.wechatpay.setBillEditor,
  },
  {
    name: 'alipay' as const,
    client: createAlipayClient(fake.alipay.clientConfig()),
    pay: fake.alipay.pay,
    setBillEditor: fake.alipay.setBillEditor,
  },
];
type Provider = (typeof providers)[number];

async function paidAt(provider: Provider, at: Date, amount: number) {
  const providerTradeNo = `PB${Date.now()}${++sequence}`;
  const created = await provider.client.createOrder({
    providerTradeNo,
    amount,
    currency: 'CNY',
    description: '账单, 核对',
    expiresAt: new Date(Date.now() + 60_000),
    notifyUrl: 'https://gateway.example/cb',
  });
  assert.ok(created.ok);
  const { transactionId } = await provider.pay(providerTradeNo, { notify: 'lost', at });
  return { providerTradeNo, transactionId, amount };
}

async function withEditor<T>(provider: Provider, editor: BillEditor, run: () => Promise<T>): Promise<T> {
  provider.setBillEditor(editor);
  try {
    return await run();
  } finally {
    provider.setBillEditor(null);
  }
}

for (const provider of providers) {
  describe(`${provider.name} daily bill`, () => {
    const bill = (date: string) => provider.client.downloadBill!({ date });

    test('a day’s payments by China time, and refunds on the day they were made, amounts exact', async () => {
      const first = await paidAt(provider, new Date('2026-02-28T16:00:00Z'), 1); // 2026-03-01 00:00:00 China time
      const second = await paidAt(provider, new Date('2026-03-01T15:59:59Z'), 2_147_483_647); // 23:59:59
      await paidAt(provider, new Date('2026-02-28T15:59:59Z'), 500); // the day before
      const day = await bill('2026-03-01');
      assert.ok(day.ok, JSON.stringify(day));
      assert.deepEqual(day.value, [
        {
          kind: 'payment',
          providerTradeNo: first.providerTradeNo,
          providerTransactionId: first.transactionId,
          providerRefundNo: null,
          amount: 1,
          currency: 'CNY',
          at: new Date('2026-02-28T16:00:00Z'),
        },
        {
          kind: 'payment',
          providerTradeNo: second.providerTradeNo,
          providerTransactionId: second.transactionId,
          providerRefundNo: null,
          amount: 2_147_483_647,
          currency: 'CNY',
          at: new Date('2026-03-01T15:59:59Z'),
        },
      ]);
      assert.equal(day.precedingExchanges?.length, 1, 'the link request, then the download');
      assert.equal(day.precedingExchanges[0].verdict, 'ok');
      assert.match(day.exchange.url, /token=\*\*\*$/, 'the download link’s token is not kept');

      const refunded = await paidAt(provider, new Date(), 1_000);
      const refund = {
        providerTradeNo: refunded.providerTradeNo,
        providerRefundNo: `RB${++sequence}`,
        amount: 250,
        totalAmount: 1_000,
        currency: 'CNY',
        reason: 'customer',
        notifyUrl: 'https://gateway.example/cb',
      };
      assert.ok((await provider.client.refund(refund)).ok);
      const today = await bill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
      assert.ok(today.ok, JSON.stringify(today));
      assert.deepEqual(
        today.value
          .filter((line) => line.providerTradeNo === refunded.providerTradeNo)
          .map((line) => [line.kind, line.amount, line.providerRefundNo, line.providerTransactionId]),
        [
          ['payment', 1_000, null, refunded.transactionId],
          ['refund', 250, refund.providerRefundNo, refunded.transactionId],
        ],
      );
    });

    test('a day without trades has no bill: an empty one', async () => {
      const empty = await bill('2019-01-01');
      assert.ok(empty.ok);
      assert.deepEqual(empty.value, []);
    });

    test('what the bill says is what we read, even when it disagrees with the orders (for reconciliation)', async () => {
      const kept = await paidAt(provider, new Date('2026-04-01T02:00:00Z'), 300);
      const dropped = await paidAt(provider, new Date('2026-04-01T03:00:00Z'), 400);
      const edited = await withEditor(
        provider,
        (_, rows) => rows.filter((row) => row.outTradeNo !== dropped.providerTradeNo).map((row) => ({ ...row, amount: row.amount + 1 })),
        () => bill('2026-04-01'),
      );
      assert.ok(edited.ok);
      assert.deepEqual(
        edited.value.map((line) => [line.providerTradeNo, line.amount]),
        [[kept.providerTradeNo, 301]],
      );
    });

    test('an unsigned or forged link answer is untrusted, a failed download unavailable, a day that is not a day refused', async () => {
      await paidAt(provider, new Date('2026-05-01T02:00:00Z'), 300);
      const { name } = provider;
      fake.failNext({ kind: 'no_signature' }, { provider: name, operation: 'download_bill' });
      assert.equal(expectFailure(await bill('2026-05-01')).failure.kind, 'untrusted');
      fake.failNext({ kind: 'bad_signature' }, { provider: name, operation: 'download_bill' });
      assert.equal(expectFailure(await bill('2026-05-01')).failure.kind, 'untrusted');
      fake.failNext({ kind: 'http_error' }, { provider: name, operation: 'download_bill_file' });
      assert.equal(expectFailure(await bill('2026-05-01')).failure.kind, 'unavailable');
      assert.ok((await bill('2026-05-01')).ok);
      const before = fake.requests.length;
      for (const date of ['2026-02-30', '2026-3-1', '20260301', '']) await assert.rejects(bill(date), { code: 'validation_failed' }, date);
      assert.equal(fake.requests.length, before, 'nothing was sent');
    });
  });
}

describe('how each bill file is proven', () => {
  const [wechatpay, alipay] = providers;

  test('WeChat Pay: the file must have the SHA1 announced, and the link must stay on WeChat Pay’s origin (our Authorization goes with it)', async () => {
    await paidAt(wechatpay, new Date('2026-06-01T02:00:00Z'), 300);
    fake.failNext(
      { kind: 'tamper', change: (file) => (file.text = file.text.replace('`0.60%', '`0.00%')) },
      { provider: 'wechatpay', operation: 'download_bill_file' },
    );
    const tampered = expectFailure(await wechatpay.client.downloadBill!({ date: '2026-06-01' }));
    assert.match(tampered.failure.message, /bill SHA1 \w+ is not the \w+ WeChat Pay announced/);
    assert.equal(tampered.precedingExchanges?.[0].verdict, 'ok');
    fake.failNext(
      { kind: 'tamper', change: (answer) => (answer.download_url = 'http://127.0.0.2:9/v3/billdownload/file?token=x') },
      { provider: 'wechatpay', operation: 'download_bill' },
    );
    assert.match(expectFailure(await wechatpay.client.downloadBill!({ date: '2026-06-01' })).failure.message, /is not WeChat Pay's origin/);
    assert.ok(
      fake.requests.filter((request) => request.operation.startsWith('download_bill')).every((request) => request.signatureError === null),
    );
  });

  test('Alipay: the zip must be whole (CRC-32 of its GBK detail file) and a zip at all; it is kept as its size', async () => {
    await paidAt(alipay, new Date('2026-06-01T02:00:00Z'), 300);
    const good = await alipay.client.downloadBill!({ date: '2026-06-01' });
    assert.ok(good.ok);
    assert.match(good.exchange.responseBody!, /^\[\d+ bytes\]$/);
    fake.failNext(
      { kind: 'tamper', change: (file) => (file.zip[30 + file.zip.readUInt16LE(26) + 10] ^= 0xff) },
      { provider: 'alipay', operation: 'download_bill_file' },
    );
    assert.equal(expectFailure(await alipay.client.downloadBill!({ date: '2026-06-01' })).failure.kind, 'untrusted');
    fake.failNext(
      { kind: 'tamper', change: (file) => (file.zip = Buffer.from('not a zip')) },
      { provider: 'alipay', operation: 'download_bill_file' },
    );
    assert.match(expectFailure(await alipay.client.downloadBill!({ date: '2026-06-01' })).failure.message, /no end of central directory/);
  });
});
