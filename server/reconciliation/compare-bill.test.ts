import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BillLine } from '@/server/providers/provider-client';
import { compareBill, type BookRecord } from './compare-bill';

const at = new Date('2026-03-01T04:00:00Z');
const line = (over: Partial<BillLine> = {}): BillLine => ({
  kind: 'payment',
  providerTradeNo: 'PT000001',
  providerTransactionId: '4200000001',
  providerRefundNo: null,
  amount: 1_280,
  currency: 'CNY',
  at,
  ...over,
});
const record = (over: Partial<BookRecord> = {}): BookRecord => ({
  kind: 'payment',
  number: 'PT000001',
  providerTradeNo: 'PT000001',
  amount: 1_280,
  currency: 'CNY',
  merchantId: '0196f000-0000-7000-8000-000000000001',
  paymentId: '0196f000-0000-7000-8000-000000000002',
  moved: true,
  ofTheDay: true,
  ...over,
});

describe('a bill against our books', () => {
  test('the same payments and refunds for the same amounts match', () => {
    const refundLine = line({ kind: 'refund', providerRefundNo: 'RF000001', amount: 300 });
    const refund = record({ kind: 'refund', number: 'RF000001', amount: 300 });
    assert.deepEqual(compareBill([line(), refundLine], [record(), refund]), { matched: 2, differences: [] });
  });

  test('a bill line we do not know, or hold as unpaid, is missing here', () => {
    const unpaid = record({ number: 'PT000002', providerTradeNo: 'PT000002', moved: false, ofTheDay: false });
    const result = compareBill([line({ providerTradeNo: 'PT999999' }), line({ providerTradeNo: 'PT000002' })], [unpaid]);
    assert.deepEqual(
      result.differences.map((d) => [d.kind, d.kind === 'missing_in_bill' ? null : d.line.providerTradeNo]),
      [
        ['missing_here', 'PT999999'],
        ['missing_here', 'PT000002'],
      ],
    );
  });

  test('our money of the day that the bill lacks is missing in the bill; a record of another day is not', () => {
    const result = compareBill([], [record(), record({ number: 'PT000003', ofTheDay: false })]);
    assert.deepEqual(
      result.differences.map((d) => [d.kind, d.kind === 'missing_in_bill' ? d.ours.number : null]),
      [['missing_in_bill', 'PT000001']],
    );
  });

  test('a different amount or currency differs; a refund is matched by its refund number, not its order', () => {
    const result = compareBill(
      [line({ amount: 1_281 }), line({ kind: 'refund', providerRefundNo: 'RF000009', amount: 100 })],
      [record(), record({ kind: 'refund', number: 'RF000001', amount: 100 })],
    );
    assert.deepEqual(
      result.differences.map((d) => d.kind),
      ['amount_differs', 'missing_here', 'missing_in_bill'],
    );
    assert.equal(result.matched, 0);
  });
});
