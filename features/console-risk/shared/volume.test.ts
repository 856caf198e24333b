import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMoney } from '@/lib/format/format-money';
import { formatVolume, volumeCount } from './volume';

test('volume is shown per currency and never summed across currencies', () => {
  assert.equal(
    formatVolume([
      { currency: 'CNY', count: 3, amount: 120_000 },
      { currency: 'USD', count: 1, amount: 3_000 },
    ]),
    `${formatMoney(120_000, 'CNY')} · ${formatMoney(3_000, 'USD')}`,
  );
  assert.equal(
    volumeCount([
      { currency: 'CNY', count: 3, amount: 1 },
      { currency: 'USD', count: 1, amount: 1 },
    ]),
    4,
  );
});

test('no payments reads as zero yuan', () => {
  assert.equal(formatVolume([]), '¥0.00');
});
