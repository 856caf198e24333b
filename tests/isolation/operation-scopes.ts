// How every operation of the API is kept to one merchant, declared once per operation id. The isolation test reads
// this map: an operation missing from it (a new route) fails the test until someone says how it is scoped, and every
// id an operation takes (path parameters, id-like query and body fields) must be filled with the other merchant's.
import type { Operation } from '@/contracts/operation';

/** One merchant's ids, as its fixtures made them. */
export type MerchantIds = {
  merchant: string;
  payment: string;
  outTradeNo: string;
  providerTradeNo: string;
  delivery: string;
  user: string;
  refund: string;
  settlement: string;
};

export type ScopedRequest = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
};

export type OperationScope =
  /** No credentials: nothing merchant-specific in it (`why` says so). Called with B's ids, it must not show B's data. */
  | { scope: 'public'; why: string; request?: (ids: MerchantIds) => ScopedRequest; skipCall?: string }
  /** No merchant access at all: a merchant session or key is refused (403) whatever ids it names. */
  | { scope: 'staff'; request?: (ids: MerchantIds) => ScopedRequest }
  /** Merchant callers: their own merchant only; the other merchant's ids answer 404, exactly like ids that do not exist. */
  | { scope: 'merchant'; request: (ids: MerchantIds) => ScopedRequest }
  /** The live stream: proven by tests/isolation/live-stream.test.ts (a session of A never hears B's changes). */
  | { scope: 'stream' };

const anyId = '0196b0c4-0000-7000-8000-0000000000aa';

export const operationScopes: Record<string, OperationScope> = {
  getHealth: { scope: 'public', why: 'readiness of the database and the queue' },
  getLiveness: { scope: 'public', why: 'the process is up' },
  getOpenApi: { scope: 'public', why: 'the API description' },
  getMetrics: { scope: 'public', why: 'Prometheus figures behind METRICS_TOKEN, no merchant labels' },
  receiveProviderCallback: {
    scope: 'public',
    why: "a provider's notification, verified by its signature; it answers the provider, never with payment data",
    skipCall: 'needs a provider-signed body; tests/intake covers forged and foreign callbacks',
  },

  getOverview: { scope: 'staff' },
  blockMerchant: { scope: 'staff', request: (b) => ({ params: { id: b.merchant }, body: { reason: 'isolation probe' } }) },
  unblockMerchant: { scope: 'staff', request: (b) => ({ params: { id: b.merchant }, body: { reason: 'isolation probe' } }) },
  createMerchant: { scope: 'staff', request: () => ({ body: { name: 'Probe', notifyUrl: 'http://127.0.0.1:9/x' } }) },
  listMerchants: { scope: 'staff' },
  getNotification: { scope: 'staff', request: () => ({ params: { id: anyId } }) },
  listNotifications: { scope: 'staff' },
  listAuditEvents: { scope: 'staff', request: (b) => ({ query: { merchantId: b.merchant } }) },
  runLifecycleTask: { scope: 'staff', request: () => ({ body: { task: 'settle' } }) },
  setSandboxProviderFaults: { scope: 'staff', request: () => ({ body: {} }) },
  backtestRiskRule: { scope: 'staff', request: () => ({ body: {} }) },
  createRiskRule: { scope: 'staff', request: () => ({ body: {} }) },
  decideRiskAlert: { scope: 'staff', request: () => ({ params: { id: anyId }, body: { decision: 'dismissed', reason: 'probe' } }) },
  disableRiskRule: { scope: 'staff', request: () => ({ params: { id: anyId } }) },
  enableRiskRule: { scope: 'staff', request: () => ({ params: { id: anyId } }) },
  getRiskAlert: { scope: 'staff', request: () => ({ params: { id: anyId } }) },
  listRiskAlerts: { scope: 'staff', request: (b) => ({ query: { merchantId: b.merchant } }) },
  listRiskRules: { scope: 'staff' },
  updateRiskRule: { scope: 'staff', request: () => ({ params: { id: anyId }, body: {} }) },
  createCampaign: { scope: 'staff', request: () => ({ body: {} }) },
  getCampaign: { scope: 'staff', request: () => ({ params: { id: anyId } }) },
  listCampaigns: { scope: 'staff' },
  createPromotion: { scope: 'staff', request: () => ({ body: {} }) },
  getPromotion: { scope: 'staff', request: () => ({ params: { id: anyId } }) },
  listPromotions: { scope: 'staff' },
  redriveDeadLetters: { scope: 'staff', request: () => ({ params: { queue: 'risk' }, body: {} }) },

  getMerchant: { scope: 'merchant', request: (b) => ({ params: { id: b.merchant } }) },
  getMerchantSummary: { scope: 'merchant', request: (b) => ({ params: { id: b.merchant } }) },
  updateMerchant: { scope: 'merchant', request: (b) => ({ params: { id: b.merchant }, body: { notifyUrl: 'http://127.0.0.1:9/taken' } }) },
  rotateWebhookSecret: { scope: 'merchant', request: (b) => ({ params: { id: b.merchant }, body: { overlapSeconds: 0 } }) },
  regenerateApiKey: { scope: 'merchant', request: (b) => ({ params: { id: b.merchant } }) },
  sendTestWebhook: { scope: 'merchant', request: (b) => ({ params: { id: b.merchant }, body: {} }) },
  createPayment: {
    scope: 'merchant',
    request: (b) => ({ body: { merchantId: b.merchant, outTradeNo: b.outTradeNo, amount: 1_280, currency: 'CNY', provider: 'sandbox' } }),
  },
  getPayment: { scope: 'merchant', request: (b) => ({ params: { id: b.payment } }) },
  getPaymentTimeline: { scope: 'merchant', request: (b) => ({ params: { id: b.payment } }) },
  reportClientResult: { scope: 'merchant', request: (b) => ({ params: { id: b.payment }, body: { status: 'succeeded' } }) },
  listPayments: { scope: 'merchant', request: (b) => ({ query: { merchantId: b.merchant, q: b.outTradeNo } }) },
  getDelivery: { scope: 'merchant', request: (b) => ({ params: { id: b.delivery } }) },
  listDeliveries: { scope: 'merchant', request: (b) => ({ query: { merchantId: b.merchant, paymentId: b.payment } }) },
  countDeliveries: { scope: 'merchant', request: (b) => ({ query: { merchantId: b.merchant, paymentId: b.payment } }) },
  redeliver: { scope: 'merchant', request: (b) => ({ params: { id: b.delivery } }) },
  redeliverBulk: { scope: 'merchant', request: (b) => ({ body: { merchantId: b.merchant, status: 'delivered' } }) },
  paySandboxOrder: { scope: 'merchant', request: (b) => ({ params: { id: b.payment }, body: { providerTradeNo: b.providerTradeNo } }) },
  setSandboxFaults: {
    scope: 'merchant',
    request: (b) => ({ params: { id: b.payment }, body: { providerTradeNo: b.providerTradeNo, refund: 'none' } }),
  },
  createUser: {
    scope: 'merchant',
    request: (b) => ({ body: { email: 'probe@isolation.test', password: 'long enough password', role: 'viewer', merchantId: b.merchant } }),
  },
  listUsers: { scope: 'merchant', request: (b) => ({ query: { merchantId: b.merchant } }) },
  updateUser: { scope: 'merchant', request: (b) => ({ params: { id: b.user }, body: { role: 'owner' } }) },
  deleteUser: { scope: 'merchant', request: (b) => ({ params: { id: b.user } }) },

  streamLiveEvents: { scope: 'stream' },

  // Refunds and settlements: declared with their operations' ids so the day they are served they are probed too.
  createRefund: {
    scope: 'merchant',
    request: (b) => ({ params: { id: b.payment }, body: { refundNo: 'R-isolation-probe', amount: 100 } }),
  },
  getRefund: { scope: 'merchant', request: (b) => ({ params: { id: b.refund } }) },
  listPaymentRefunds: { scope: 'merchant', request: (b) => ({ params: { id: b.payment } }) },
  listSettlements: { scope: 'merchant', request: (b) => ({ query: { merchantId: b.merchant } }) },
  listSettlementEntries: { scope: 'merchant', request: (b) => ({ params: { id: b.settlement } }) },
  recomputeSettlements: { scope: 'staff', request: (b) => ({ body: { merchantId: b.merchant, from: '2026-01-01', to: '2026-01-02' } }) },
};

/** Fields that name something of a merchant: the isolation test insists each is filled with the other merchant's. */
export const idLikeField = /^(id|q|merchantId|[a-z]+Id|providerTradeNo|outTradeNo)$/;

/** Why a declaration does not fit its operation, or null when it does. */
export function declarationProblem(
  operation: Operation,
  declared: OperationScope | undefined,
  fields: { query: string[]; body: string[] },
) {
  if (!declared) return 'has no scope declared in tests/isolation/operation-scopes.ts';
  const merchantMay = operation.auth !== 'none' && operation.auth.merchant !== undefined;
  if ((operation.auth === 'none') !== (declared.scope === 'public'))
    return `is declared ${declared.scope} but its auth is ${JSON.stringify(operation.auth)}`;
  if (declared.scope === 'staff' && merchantMay) return 'is declared staff-only but merchant callers may call it';
  if ((declared.scope === 'merchant' || declared.scope === 'stream') && !merchantMay)
    return `is declared ${declared.scope} but merchants may not call it`;
  if (declared.scope !== 'merchant') return null;
  const probe = declared.request(probeIds);
  for (const [, name] of operation.path.matchAll(/\{(\w+)\}/g)) {
    if (!Object.values(probeIds).includes(probe.params?.[name] ?? ''))
      return `does not fill its path parameter {${name}} with the other merchant's id`;
  }
  for (const [where, names] of [
    ['query', fields.query],
    ['body', fields.body],
  ] as const) {
    for (const name of names.filter((field) => idLikeField.test(field))) {
      const value = (where === 'query' ? probe.query : probe.body)?.[name];
      if (typeof value !== 'string' || !Object.values(probeIds).includes(value)) {
        return `does not fill its ${where} field ${name} with the other merchant's ids`;
      }
    }
  }
  return null;
}

const probeIds: MerchantIds = {
  merchant: 'probe-merchant',
  payment: 'probe-payment',
  outTradeNo: 'probe-out-trade-no',
  providerTradeNo: 'probe-provider-trade-no',
  delivery: 'probe-delivery',
  user: 'probe-user',
  refund: 'probe-refund',
  settlement: 'probe-settlement',
};
