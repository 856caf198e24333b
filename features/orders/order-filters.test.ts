import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeConcernsOrders, toPaymentListQuery, type OrderFilterValues } from './order-filters';

const none: OrderFilterValues = {
  merchantId: null,
  provider: null,
  status: null,
  amountMin: null,
  amountMax: null,
  since: null,
  until: null,
  flagged: null,
  q: null,
};

test('no filter asks for everything', () => {
  assert.deepEqual(toPaymentListQuery(none), {});
});

test("every filter reaches the API under the API's name, amounts in fen and times as UTC instants", () => {
  const merchantId = '0196b0c4-0000-7000-8000-000000000001';
  assert.deepEqual(
    toPaymentListQuery({
      merchantId,
      provider: 'wechatpay',
      status: 'succeeded',
      amountMin: 0,
      amountMax: 125_050,
      since: new Date('2026-03-01T16:00:00.000Z'),
      until: new Date('2026-03-02T16:00:00.000Z'),
      flagged: true,
      q: '  wx4200  ',
    }),
    {
      merchantId,
      provider: 'wechatpay',
      status: 'succeeded',
      amountMin: '0',
      amountMax: '125050',
      since: '2026-03-01T16:00:00.000Z',
      until: '2026-03-02T16:00:00.000Z',
      flagged: 'true',
      q: 'wx4200',
    },
  );
});

test('"flagged" off and a blank search are no filter at all', () => {
  assert.deepEqual(toPaymentListQuery({ ...none, flagged: false, q: '   ' }), {});
});

test("while paused, changes are counted for the list's merchant only, and only payments", () => {
  const change = { kind: 'payment', id: 'p1', merchantId: 'm1' } as const;
  assert.equal(changeConcernsOrders(change, {}), true);
  assert.equal(changeConcernsOrders(change, { merchantId: 'm1' }), true);
  assert.equal(changeConcernsOrders(change, { merchantId: 'm2' }), false);
  assert.equal(changeConcernsOrders({ ...change, kind: 'delivery' }, {}), false);
});
