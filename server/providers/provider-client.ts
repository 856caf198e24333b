// What the payment lifecycle asks of a provider (DESIGN §9), the same for WeChat Pay v3, Alipay and the sandbox.
// Amounts are integer minor units (fen); `providerTradeNo` is our attempt's number, the provider's `out_trade_no`;
// `providerRefundNo` is our refund's number, WeChat's `out_refund_no` / Alipay's `out_request_no`.
import type { ProviderName } from './provider-notification';

/** One HTTP exchange with a provider, as it went on the wire, and what we made of it. Kept with its attempt or refund. */
export type ProviderExchange = {
  provider: ProviderName;
  operation: 'create_order' | 'query_order' | 'close_order' | 'refund' | 'query_refund' | 'download_bill';
  method: string;
  url: string;
  /** Credentials (Authorization, signatures of our own requests) are masked before an exchange is returned. */
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  /** Null when no answer came (refused connection, timeout). */
  status: number | null;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
  /**
   * `ok`: the answer was verified (signature, fresh timestamp, our merchant/app id, our amounts) and understood.
   * `rejected`: an answer came but could not be trusted (bad or missing signature, stale, ids or amount not ours).
   * `failed`: no usable answer (network, timeout, 5xx, a business error the provider returned).
   */
  verdict: 'ok' | 'rejected' | 'failed';
  /** Why, when the verdict is not ok. */
  reason: string | null;
  startedAt: Date;
  durationMs: number;
};

/** Why a call did not give an answer we can act on. */
export type ProviderFailure = {
  /**
   * `unavailable`: no answer, a timeout or a 5xx: try again later (a create answers 502 provider_unavailable).
   * `untrusted`: an answer that failed verification: never acted on; raised for a person.
   * `refused`: the provider understood and said no (e.g. order already paid or closed, refund amount invalid);
   * `code` is the provider's own (ORDERPAID, ACQ.TRADE_HAS_SUCCESS, NOT_ENOUGH, …).
   */
  kind: 'unavailable' | 'untrusted' | 'refused';
  code: string | null;
  message: string;
};

export type ProviderResult<T> = (
  { ok: true; value: T; exchange: ProviderExchange } | { ok: false; failure: ProviderFailure; exchange: ProviderExchange }
) & {
  /** Exchanges the call made before `exchange`, oldest first (a bill: the request for its link, then the download). */
  precedingExchanges?: ProviderExchange[];
};

export type CreateOrderInput = {
  providerTradeNo: string;
  amount: number;
  currency: string;
  description: string;
  expiresAt: Date;
  /** Where the provider sends this order's notifications (our /api/callbacks/{provider}). */
  notifyUrl: string;
};

/** What the shopper's app or till needs: WeChat Native `{ codeUrl }`, Alipay precreate `{ qrCode }`. */
export type PayData = Record<string, string>;

/** The provider's view of one order (attempt), from a query. */
export type OrderStatus =
  | {
      /**
       * WeChat SUCCESS (and REFUND: it was paid, refunds came after), Alipay TRADE_SUCCESS / TRADE_FINISHED (and
       * TRADE_CLOSED with a send_pay_date: paid, then refunded in full).
       */
      state: 'paid';
      providerTransactionId: string;
      amount: number;
      currency: string;
      paidAt: Date;
      payer: string | null;
      device: string | null;
      /** The provider's own state word, for the record. */
      tradeState: string;
    }
  /** Not paid yet: WeChat NOTPAY / USERPAYING, Alipay WAIT_BUYER_PAY. */
  | { state: 'pending'; tradeState: string }
  /** WeChat CLOSED / REVOKED, Alipay TRADE_CLOSED (never paid). */
  | { state: 'closed'; tradeState: string }
  /** WeChat PAYERROR. */
  | { state: 'failed'; tradeState: string }
  /**
   * The provider has no such order (WeChat ORDER_NOT_EXIST, Alipay ACQ.TRADE_NOT_EXIST). Alipay answers so for a
   * precreated order until the shopper scans its code, so for Alipay this is also "not scanned yet".
   */
  | { state: 'not_found'; tradeState: string };

export type RefundInput = {
  providerTradeNo: string;
  providerRefundNo: string;
  /** This refund's amount, and the attempt's whole paid amount (WeChat wants both). */
  amount: number;
  totalAmount: number;
  currency: string;
  reason: string;
  notifyUrl: string;
};

/** The provider's view of one refund. */
export type RefundStatus = {
  /**
   * WeChat SUCCESS / PROCESSING / CLOSED / ABNORMAL; Alipay: fund_change Y or refund_status REFUND_SUCCESS is
   * `succeeded`, otherwise `processing` until its query says so. `not_found`: the provider knows no such refund.
   */
  state: 'succeeded' | 'processing' | 'closed' | 'abnormal' | 'not_found';
  providerRefundId: string | null;
  amount: number | null;
  succeededAt: Date | null;
  /** The provider's own word, for the record. */
  refundState: string;
};

/** One line of a provider's daily bill, for reconciliation. */
export type BillLine = {
  kind: 'payment' | 'refund';
  providerTradeNo: string;
  providerTransactionId: string;
  providerRefundNo: string | null;
  amount: number;
  currency: string;
  at: Date;
};

export interface ProviderClient {
  readonly provider: ProviderName;
  createOrder(input: CreateOrderInput): Promise<ProviderResult<PayData>>;
  /** With `amount` (our attempt's), an answer for another amount is untrusted. */
  queryOrder(input: { providerTradeNo: string; amount?: number }): Promise<ProviderResult<OrderStatus>>;
  /** Closes an unpaid order; a provider that says the order is paid answers `refused` with its code. */
  closeOrder(input: { providerTradeNo: string }): Promise<ProviderResult<{ closed: true }>>;
  /** Submits a refund; the same `providerRefundNo` again is the same refund at the provider (retries are safe). */
  refund(input: RefundInput): Promise<ProviderResult<RefundStatus>>;
  /** With `amount` (our refund's), an answer for another amount is untrusted. */
  queryRefund(input: { providerTradeNo: string; providerRefundNo: string; amount?: number }): Promise<ProviderResult<RefundStatus>>;
  /** The day's bill (business day in China time), where the provider serves one. */
  downloadBill?(input: { date: string }): Promise<ProviderResult<BillLine[]>>;
}
