import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SettlementEntry } from '@/contracts/settlements';
import { sumEntries } from './sum-entries';

const entry = (kind: SettlementEntry['kind'], amount: number, netEffect: number): SettlementEntry => ({
  id: '0196f000-0000-7000-8000-000000000001',
  kind,
  bookedAt: '2026-03-01T04:00:00.000Z',
  paymentId: '0196f000-0000-7000-8000-000000000002',
  outTradeNo: 'T1',
  providerTradeNo: 'P1',
  provider: 'wechatpay',
  refundId: null,
  refundNo: null,
  amount,
  currency: 'CNY',
  netEffect,
});

describe('summing a settlement row’s entries', () => {
  test('gross, refunds, fees net of returns, and net by each entry’s sign', () => {
    const sums = sumEntries([entry('payment', 84, 84), entry('fee', 1, -1), entry('refund', 100, -100), entry('fee_return', 1, 1)]);
    assert.deepEqual(sums, { grossAmount: 84, refundAmount: 100, feeAmount: 0, netAmount: -16, paymentCount: 1, refundCount: 1 });
  });
});
