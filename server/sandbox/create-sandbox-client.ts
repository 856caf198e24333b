import type { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import type {
  OrderStatus,
  PayData,
  ProviderClient,
  ProviderFailure,
  ProviderResult,
  RefundStatus,
} from '@/server/providers/provider-client';
import { formatChinaTime } from '@/server/providers/wechatpay/format-china-time';
import { callSandboxApi, type SandboxReply } from './call-sandbox-api';
import { wechatErrorSchema, wechatNativeOrderSchema, wechatOrderQuerySchema, wechatRefundAnswerSchema } from './sandbox-answer-schemas';
import { sandboxAppid, sandboxMchid } from './sandbox-keys';

type Mapped<T> = { ok: true; value: T } | { ok: false; failure: ProviderFailure };

/** Turns a verified answer into the contract's value, or into a failure recorded on the same exchange. */
function mapReply<T>(result: ProviderResult<SandboxReply>, map: (reply: SandboxReply) => Mapped<T>): ProviderResult<T> {
  if (!result.ok) return result;
  const mapped = map(result.value);
  if (mapped.ok) return { ok: true, value: mapped.value, exchange: result.exchange };
  const verdict = mapped.failure.kind === 'untrusted' ? 'rejected' : 'failed';
  return { ok: false, failure: mapped.failure, exchange: { ...result.exchange, verdict, reason: mapped.failure.message } };
}

function parseAs<S extends z.ZodType>(schema: S, json: unknown, what: string): Mapped<z.output<S>> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, failure: { kind: 'untrusted', code: null, message: `${what} is not what WeChat Pay answers` } };
}

function refusal(reply: SandboxReply): Mapped<never> {
  const error = wechatErrorSchema.safeParse(reply.json);
  const code = error.success ? error.data.code : null;
  const message = error.success ? (error.data.message ?? code ?? '') : `status ${reply.status}`;
  return { ok: false, failure: { kind: 'refused', code, message: `sandbox refused: ${code ?? reply.status} ${message}`.trim() } };
}

const paidStates = new Set(['SUCCESS', 'REFUND']);
const pendingStates = new Set(['NOTPAY', 'USERPAYING']);
const closedStates = new Set(['CLOSED', 'REVOKED']);

function toOrderStatus(answer: z.output<typeof wechatOrderQuerySchema>, providerTradeNo: string, amount?: number): Mapped<OrderStatus> {
  if (answer.mchid !== sandboxMchid || answer.out_trade_no !== providerTradeNo) {
    return { ok: false, failure: { kind: 'untrusted', code: null, message: `answer is about ${answer.mchid}/${answer.out_trade_no}` } };
  }
  if (amount !== undefined && answer.amount.total !== amount) {
    return {
      ok: false,
      failure: { kind: 'untrusted', code: null, message: `answer is for amount ${answer.amount.total}, our order is ${amount}` },
    };
  }
  const tradeState = answer.trade_state;
  if (paidStates.has(tradeState)) {
    if (!answer.transaction_id || !answer.success_time) {
      return { ok: false, failure: { kind: 'untrusted', code: null, message: `${tradeState} without transaction_id or success_time` } };
    }
    return {
      ok: true,
      value: {
        state: 'paid',
        providerTransactionId: answer.transaction_id,
        amount: answer.amount.total,
        currency: answer.amount.currency,
        paidAt: new Date(answer.success_time),
        payer: answer.payer?.openid ?? null,
        device: answer.scene_info?.device_id ?? null,
        tradeState,
      },
    };
  }
  if (pendingStates.has(tradeState)) return { ok: true, value: { state: 'pending', tradeState } };
  if (closedStates.has(tradeState)) return { ok: true, value: { state: 'closed', tradeState } };
  if (tradeState === 'PAYERROR') return { ok: true, value: { state: 'failed', tradeState } };
  return { ok: false, failure: { kind: 'untrusted', code: null, message: `unknown trade_state ${tradeState}` } };
}

const refundStates: Record<string, RefundStatus['state']> = {
  SUCCESS: 'succeeded',
  PROCESSING: 'processing',
  CLOSED: 'closed',
  ABNORMAL: 'abnormal',
};

function toRefundStatus(answer: z.output<typeof wechatRefundAnswerSchema>, providerRefundNo: string): Mapped<RefundStatus> {
  const state = refundStates[answer.status];
  if (answer.out_refund_no !== providerRefundNo || !state) {
    return {
      ok: false,
      failure: { kind: 'untrusted', code: null, message: `answer is about refund ${answer.out_refund_no} (${answer.status})` },
    };
  }
  return {
    ok: true,
    value: {
      state,
      providerRefundId: answer.refund_id,
      amount: answer.amount.refund,
      succeededAt: answer.success_time ? new Date(answer.success_time) : null,
      refundState: answer.status,
    },
  };
}

/**
 * The sandbox provider as a `ProviderClient`: the same requests, answers and checks as WeChat Pay v3, made in
 * process against the sandbox's own tables, so the whole lifecycle runs offline.
 */
export function createSandboxClient({ db, boss }: { db: Db; boss: PgBoss }): ProviderClient {
  const call = (operation: Parameters<typeof callSandboxApi>[0]['operation'], method: 'GET' | 'POST', path: string, body?: object) =>
    callSandboxApi({ db, boss, operation, method, path, body });
  const orderPath = (no: string) => `/v3/pay/transactions/out-trade-no/${encodeURIComponent(no)}`;

  return {
    provider: 'sandbox',
    async createOrder(input) {
      const result = await call('create_order', 'POST', '/v3/pay/transactions/native', {
        appid: sandboxAppid,
        mchid: sandboxMchid,
        description: input.description,
        out_trade_no: input.providerTradeNo,
        time_expire: formatChinaTime(input.expiresAt),
        notify_url: input.notifyUrl,
        amount: { total: input.amount, currency: input.currency },
      });
      return mapReply(result, (reply): Mapped<PayData> => {
        if (reply.status !== 200) return refusal(reply);
        const answer = parseAs(wechatNativeOrderSchema, reply.json, 'the order answer');
        return answer.ok ? { ok: true, value: { codeUrl: answer.value.code_url } } : answer;
      });
    },
    async queryOrder({ providerTradeNo, amount }) {
      const result = await call('query_order', 'GET', `${orderPath(providerTradeNo)}?mchid=${sandboxMchid}`);
      return mapReply(result, (reply): Mapped<OrderStatus> => {
        if (reply.status === 404 && wechatErrorSchema.safeParse(reply.json).data?.code === 'ORDER_NOT_EXIST') {
          return { ok: true, value: { state: 'not_found', tradeState: 'ORDER_NOT_EXIST' } };
        }
        if (reply.status !== 200) return refusal(reply);
        const answer = parseAs(wechatOrderQuerySchema, reply.json, 'the order query answer');
        return answer.ok ? toOrderStatus(answer.value, providerTradeNo, amount) : answer;
      });
    },
    async closeOrder({ providerTradeNo }) {
      const result = await call('close_order', 'POST', `${orderPath(providerTradeNo)}/close`, { mchid: sandboxMchid });
      return mapReply(result, (reply): Mapped<{ closed: true }> =>
        reply.status === 204 ? { ok: true, value: { closed: true } } : refusal(reply),
      );
    },
    async refund(input) {
      const result = await call('refund', 'POST', '/v3/refund/domestic/refunds', {
        out_trade_no: input.providerTradeNo,
        out_refund_no: input.providerRefundNo,
        reason: input.reason,
        notify_url: input.notifyUrl,
        amount: { refund: input.amount, total: input.totalAmount, currency: input.currency },
      });
      return mapReply(result, (reply): Mapped<RefundStatus> => {
        if (reply.status !== 200) return refusal(reply);
        const answer = parseAs(wechatRefundAnswerSchema, reply.json, 'the refund answer');
        if (!answer.ok) return answer;
        if (answer.value.amount.refund !== input.amount || answer.value.out_trade_no !== input.providerTradeNo) {
          return { ok: false, failure: { kind: 'untrusted', code: null, message: 'the refund answer is for another order or amount' } };
        }
        return toRefundStatus(answer.value, input.providerRefundNo);
      });
    },
    async queryRefund({ providerTradeNo, providerRefundNo, amount }) {
      const result = await call('query_refund', 'GET', `/v3/refund/domestic/refunds/${encodeURIComponent(providerRefundNo)}`);
      return mapReply(result, (reply): Mapped<RefundStatus> => {
        if (reply.status === 404) {
          return {
            ok: true,
            value: { state: 'not_found', providerRefundId: null, amount: null, succeededAt: null, refundState: 'RESOURCE_NOT_EXISTS' },
          };
        }
        if (reply.status !== 200) return refusal(reply);
        const answer = parseAs(wechatRefundAnswerSchema, reply.json, 'the refund query answer');
        if (!answer.ok) return answer;
        if (answer.value.out_trade_no !== providerTradeNo || (amount !== undefined && answer.value.amount.refund !== amount)) {
          return {
            ok: false,
            failure: {
              kind: 'untrusted',
              code: null,
              message: `the refund answer is for ${answer.value.out_trade_no}, ${answer.value.amount.refund}`,
            },
          };
        }
        return toRefundStatus(answer.value, providerRefundNo);
      });
    },
  };
}
