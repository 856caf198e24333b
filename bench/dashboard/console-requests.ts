// Every list, filter and figure request the staff console's and the merchant portal's pages make (DESIGN §8), each a
// path built from the catalogue; `i` varies the ids from one sample to the next.
import type { Catalogue } from './catalogue';

export type BenchRequest = {
  name: string;
  page: string;
  /** `merchant`: called with the biggest merchant's API key, as the portal's pages are (their own data only). */
  as?: 'staff' | 'merchant';
  path: (c: Catalogue, i: number) => string;
};

const pick = <T>(items: T[], i: number): T => {
  if (items.length === 0) throw new Error('the catalogue has nothing to pick from');
  return items[i % items.length];
};
const q = (value: string) => encodeURIComponent(value);

export const consoleRequests: BenchRequest[] = [
  { page: 'Overview', name: 'overview, 6 h chart', path: () => '/api/overview' },
  { page: 'Overview', name: 'overview, 24 h chart', path: () => '/api/overview?hours=24' },

  { page: 'Orders', name: 'newest 50', path: () => '/api/payments?limit=50' },
  { page: 'Orders', name: 'a page halfway down (cursor)', path: (c) => `/api/payments?limit=50&cursor=${c.deepCursor}` },
  { page: 'Orders', name: 'merchant: the biggest', path: (c) => `/api/payments?merchantId=${c.merchant.big}` },
  { page: 'Orders', name: 'merchant: a small one', path: (c) => `/api/payments?merchantId=${c.merchant.small}` },
  { page: 'Orders', name: 'merchant: any (sampled)', path: (c, i) => `/api/payments?merchantId=${pick(c.payments, i).merchantId}` },
  { page: 'Orders', name: 'provider: alipay', path: () => '/api/payments?provider=alipay' },
  { page: 'Orders', name: 'provider: sandbox (5 %)', path: () => '/api/payments?provider=sandbox' },
  { page: 'Orders', name: 'status: pending (recent only)', path: () => '/api/payments?status=pending' },
  { page: 'Orders', name: 'status: failed (2 %)', path: () => '/api/payments?status=failed' },
  { page: 'Orders', name: 'status: refunded (1 %)', path: () => '/api/payments?status=refunded' },
  { page: 'Orders', name: 'amount ≥ ¥1,000 (rare)', path: () => '/api/payments?amountMin=100000' },
  { page: 'Orders', name: 'amount ¥10–¥50', path: () => '/api/payments?amountMin=1000&amountMax=5000' },
  { page: 'Orders', name: 'one day a week ago', path: (c) => `/api/payments?since=${q(c.weekAgo.since)}&until=${q(c.weekAgo.until)}` },
  { page: 'Orders', name: 'flagged', path: () => '/api/payments?flagged=true' },
  { page: 'Orders', name: 'biggest merchant, closed', path: (c) => `/api/payments?merchantId=${c.merchant.big}&status=closed` },
  { page: 'Orders', name: 'biggest merchant, sandbox', path: (c) => `/api/payments?merchantId=${c.merchant.big}&provider=sandbox` },
  { page: 'Orders', name: 'mid merchant, ≥ ¥500', path: (c) => `/api/payments?merchantId=${c.merchant.mid}&amountMin=50000` },
  { page: 'Orders', name: 'sandbox and failed', path: () => '/api/payments?provider=sandbox&status=failed' },
  {
    page: 'Orders',
    name: 'every filter at once',
    path: (c) =>
      `/api/payments?merchantId=${c.merchant.big}&provider=wechatpay&status=succeeded&amountMin=500&amountMax=20000` +
      `&since=${q(c.weekAgo.since)}&until=${q(c.weekAgo.until)}&flagged=false`,
  },
  { page: 'Orders', name: 'search: our payment id', path: (c, i) => `/api/payments?q=${pick(c.payments, i).id}` },
  { page: 'Orders', name: 'search: outTradeNo', path: (c, i) => `/api/payments?q=${q(pick(c.payments, i).outTradeNo)}` },
  {
    page: 'Orders',
    name: "search: provider's transaction id",
    path: (c, i) =>
      `/api/payments?q=${q(
        pick(
          c.payments.filter((p) => p.providerTransactionId),
          i,
        ).providerTransactionId!,
      )}`,
  },
  { page: 'Orders', name: 'search: an id that matches nothing', path: (_, i) => `/api/payments?q=NOSUCH${i}` },
  { page: 'Order detail', name: 'the payment', path: (c, i) => `/api/payments/${pick(c.payments, i).id}` },
  { page: 'Order detail', name: 'its timeline', path: (c, i) => `/api/payments/${pick(c.payments, i).id}/timeline` },

  { page: 'Deliveries', name: 'newest 50', path: () => '/api/deliveries?limit=50' },
  { page: 'Deliveries', name: 'dead-letter set', path: () => '/api/deliveries?status=failed' },
  { page: 'Deliveries', name: 'pending', path: () => '/api/deliveries?status=pending' },
  { page: 'Deliveries', name: 'flaky merchant, dead letters', path: (c) => `/api/deliveries?merchantId=${c.merchant.flaky}&status=failed` },
  { page: 'Deliveries', name: 'biggest merchant', path: (c) => `/api/deliveries?merchantId=${c.merchant.big}` },
  { page: 'Deliveries', name: "one payment's", path: (c, i) => `/api/deliveries?paymentId=${pick(c.payments, i).id}` },
  { page: 'Deliveries', name: 'count: dead letters (redeliver all)', path: () => '/api/deliveries/count?status=failed' },
  { page: 'Deliveries', name: 'count: flaky merchant', path: (c) => `/api/deliveries/count?merchantId=${c.merchant.flaky}&status=failed` },
  { page: 'Deliveries', name: 'count: all delivered (capped)', path: () => '/api/deliveries/count?status=delivered' },
  { page: 'Deliveries', name: 'a delivery with its attempts', path: (c, i) => `/api/deliveries/${pick(c.deliveries.any, i)}` },

  { page: 'Alerts', name: 'open', path: () => '/api/risk/alerts?status=open' },
  { page: 'Alerts', name: 'all, newest first', path: () => '/api/risk/alerts' },
  { page: 'Alerts', name: "the biggest merchant's", path: (c) => `/api/risk/alerts?merchantId=${c.merchant.big}` },
  { page: 'Alerts', name: 'an alert with its evidence', path: (c, i) => `/api/risk/alerts/${pick(c.alerts, i)}` },

  { page: 'Merchants', name: 'first 50 with figures', path: () => '/api/merchants' },
  { page: 'Merchants', name: 'second page', path: (c) => `/api/merchants?cursor=${c.merchantCursor}` },
  { page: 'Merchants', name: 'blocked', path: () => '/api/merchants?status=blocked' },
  { page: 'Merchants', name: 'failing endpoints', path: () => '/api/merchants?endpoint=failing' },
  { page: 'Merchants', name: 'name search', path: (_, i) => `/api/merchants?q=shop%20${(i % 9) + 1}` },
  { page: 'Merchant page', name: 'the merchant', path: (c) => `/api/merchants/${c.merchant.big}` },
  { page: 'Merchant page', name: 'summary: the biggest', path: (c) => `/api/merchants/${c.merchant.big}/summary` },
  {
    page: 'Merchant page',
    name: 'summary: any (sampled), 30 days',
    path: (c, i) => `/api/merchants/${pick(c.payments, i).merchantId}/summary?days=30`,
  },

  { page: 'Rules', name: 'the rules', path: () => '/api/risk/rules' },

  { page: 'Settlements', name: 'newest, every merchant', path: () => '/api/settlements' },
  { page: 'Settlements', name: 'the biggest merchant', path: (c) => `/api/settlements?merchantId=${c.merchant.big}` },
  { page: 'Settlements', name: 'the last 7 days', path: (c) => `/api/settlements?from=${c.settledWeek.from}&to=${c.settledWeek.to}` },
  {
    page: 'Settlements',
    name: 'a small merchant, 7 days',
    path: (c) => `/api/settlements?merchantId=${c.merchant.small}&from=${c.settledWeek.from}&to=${c.settledWeek.to}`,
  },
  { page: 'Settlements', name: "a row's drill-down", path: (c, i) => `/api/settlements/${pick(c.settlements, i)}/entries` },

  { page: 'Audit', name: 'newest', path: () => '/api/audit' },
  { page: 'Audit', name: 'the biggest merchant', path: (c) => `/api/audit?merchantId=${c.merchant.big}` },
  { page: 'Audit', name: 'action: alert decisions', path: () => '/api/audit?action=risk_alert.decide' },
  { page: 'Audit', name: 'actor: one person', path: () => `/api/audit?actor=${q('user:support@paygate.test')}` },

  { page: 'Notifications', name: 'the inbox, newest', path: () => '/api/notifications' },
  { page: 'Notifications', name: 'rejected', path: () => '/api/notifications?outcome=rejected' },
  { page: 'Notifications', name: 'alipay', path: () => '/api/notifications?provider=alipay' },

  { page: 'Users', name: 'the people', path: () => '/api/users' },

  { page: 'Portal', as: 'merchant', name: 'home: summary', path: (c) => `/api/merchants/${c.merchant.big}/summary` },
  { page: 'Portal', as: 'merchant', name: 'orders: newest 50', path: () => '/api/payments?limit=50' },
  { page: 'Portal', as: 'merchant', name: 'orders: closed', path: () => '/api/payments?status=closed' },
  {
    page: 'Portal',
    as: 'merchant',
    name: 'orders: search (outTradeNos of any shop)',
    path: (c, i) => `/api/payments?q=${q(pick(c.payments, i).outTradeNo)}`,
  },
  { page: 'Portal', as: 'merchant', name: 'order timeline', path: (c, i) => `/api/payments/${pick(c.bigMerchantPayments, i)}/timeline` },
  { page: 'Portal', as: 'merchant', name: 'deliveries: newest 50', path: () => '/api/deliveries?limit=50' },
  { page: 'Portal', as: 'merchant', name: 'deliveries: failed', path: () => '/api/deliveries?status=failed' },
  { page: 'Portal', as: 'merchant', name: 'settlements', path: () => '/api/settlements' },
  {
    page: 'Portal',
    as: 'merchant',
    name: 'settlements: 7 days',
    path: (c) => `/api/settlements?from=${c.settledWeek.from}&to=${c.settledWeek.to}`,
  },
  {
    page: 'Portal',
    as: 'merchant',
    name: "a settlement's drill-down",
    path: (c, i) => `/api/settlements/${pick(c.bigMerchantSettlements, i)}/entries`,
  },
];
