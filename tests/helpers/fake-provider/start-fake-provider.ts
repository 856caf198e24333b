// A fake WeChat Pay v3 and Alipay for tests: a real HTTP server on a free loopback port, keys of its own, an order
// book, faults on demand and signed notifications. Start it, hand its `env` to the gateway, and it stops after the
// test file (or call `stop`).
import { after } from 'node:test';
import type { AlipayClientConfig } from '@/server/providers/alipay/alipay-client-config';
import type { WechatpayClientConfig } from '@/server/providers/wechatpay/wechatpay-client-config';
import { handleAlipayRequest } from './fake-alipay';
import { createAlipayControl } from './fake-alipay-control';
import { createFakeAlipayState, makeFakeAlipayKeys, type FakeAlipayRefund } from './fake-alipay-state';
import { createFaultQueue, type FakeFault, type FakeOperation, type FakeProviderName } from './fake-faults';
import type { BillEditor } from './fake-bill-rows';
import { startFakeHttpServer } from './fake-http-server';
import { createNotifier, postNotification, type DeliverNotification } from './fake-notifications';
import type { FakeRequestRecord } from './fake-request-log';
import { handleWechatpayRequest } from './fake-wechatpay';
import { createWechatpayControl } from './fake-wechatpay-control';
import { createFakeWechatpayState, makeFakeWechatpayKeys } from './fake-wechatpay-state';

const pem = (key: { export: (options: { type: 'spki' | 'pkcs8'; format: 'pem' }) => string | Buffer }, type: 'spki' | 'pkcs8') =>
  key.export({ type, format: 'pem' }).toString();

export async function startFakeProvider(
  options: {
    /** How notifications reach the gateway; HTTP POST to the order's notify_url when not given. */
    deliver?: DeliverNotification;
    /** Stop in node:test's `after` of the calling file (default true). */
    stopAfterTests?: boolean;
  } = {},
) {
  const faults = createFaultQueue();
  const requests: FakeRequestRecord[] = [];
  const notifier = createNotifier(options.deliver ?? postNotification);
  const wechatpayState = createFakeWechatpayState(makeFakeWechatpayKeys());
  const alipayState = createFakeAlipayState(makeFakeAlipayKeys());
  // Refunds that end at once may notify at once, just after their answer, as the providers do.
  const later = (send: () => Promise<unknown>) => setTimeout(() => void send().catch(() => {}), 5).unref();
  const afterRefund = (refund: { outRefundNo: string; status: string }) => {
    if (wechatpayState.refundMode === 'succeed_and_notify' && refund.status === 'SUCCESS')
      later(() => wechatpay.sendRefundNotification(refund.outRefundNo));
  };
  const afterAlipayRefund = (refund: FakeAlipayRefund) => {
    if (alipayState.refundMode === 'succeed_and_notify' && refund.succeededAt !== null) {
      later(() => alipay.sendRefundNotification(refund.outTradeNo, refund.outRequestNo));
    }
  };
  const http = await startFakeHttpServer((request) => {
    const answer =
      handleWechatpayRequest({ state: wechatpayState, request, faults, log: requests, afterRefund }) ??
      handleAlipayRequest({
        state: alipayState,
        request,
        gatewayPath: '/gateway.do',
        faults,
        log: requests,
        afterRefund: afterAlipayRefund,
      });
    return (
      answer ?? {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: 'NOT_FOUND', message: `no route ${request.method} ${request.path}` }),
      }
    );
  });
  const wechatpay = createWechatpayControl(wechatpayState, notifier);
  const alipay = createAlipayControl(alipayState, notifier);
  const { keys } = wechatpayState;
  const alipayKeys = alipayState.keys;

  const fake = {
    url: http.url,
    /** Every variable the gateway needs to talk to this fake and to trust its notifications. */
    env: {
      WECHATPAY_MCHID: keys.mchid,
      WECHATPAY_APPID: keys.appid,
      WECHATPAY_APIV3_KEY: keys.apiV3Key,
      WECHATPAY_PLATFORM_SERIAL: keys.platformSerial,
      WECHATPAY_PLATFORM_PUBLIC_KEY: pem(keys.platformPublicKey, 'spki'),
      WECHATPAY_MERCHANT_SERIAL: keys.merchantSerial,
      WECHATPAY_MERCHANT_PRIVATE_KEY: pem(keys.merchantPrivateKey, 'pkcs8'),
      WECHATPAY_BASE_URL: http.url,
      ALIPAY_APP_ID: alipayKeys.appId,
      ALIPAY_PUBLIC_KEY: pem(alipayKeys.alipayPublicKey, 'spki'),
      ALIPAY_APP_PRIVATE_KEY: pem(alipayKeys.appPrivateKey, 'pkcs8'),
      ALIPAY_GATEWAY_URL: `${http.url}/gateway.do`,
    },
    wechatpay: {
      keys,
      orders: wechatpayState.orders,
      refunds: wechatpayState.refunds,
      /** How new refunds answer: 'processing' (default), 'succeed', 'succeed_and_notify'. */
      setRefundMode: (mode: typeof wechatpayState.refundMode) => void (wechatpayState.refundMode = mode),
      /** Edits every bill served from now on (null: bills as the fake's records say). */
      setBillEditor: (editor: BillEditor | null) => void (wechatpayState.billEditor = editor),
      /** A client configuration for this fake, for tests that build a client without the environment. */
      clientConfig: (overrides: Partial<WechatpayClientConfig> = {}): WechatpayClientConfig => ({
        mchid: keys.mchid,
        appid: keys.appid,
        merchantSerial: keys.merchantSerial,
        merchantPrivateKey: keys.merchantPrivateKey,
        platformKeys: new Map([[keys.platformSerial, keys.platformPublicKey]]),
        baseUrl: http.url,
        timeoutMs: 2_000,
        ...overrides,
      }),
      ...wechatpay,
    },
    alipay: {
      keys: alipayKeys,
      trades: alipayState.trades,
      refunds: alipayState.refunds,
      /** How new refunds answer: 'succeed' (default: fund_change Y), 'succeed_and_notify', 'processing'. */
      setRefundMode: (mode: typeof alipayState.refundMode) => void (alipayState.refundMode = mode),
      /** Edits every bill served from now on (null: bills as the fake's records say). */
      setBillEditor: (editor: BillEditor | null) => void (alipayState.billEditor = editor),
      clientConfig: (overrides: Partial<AlipayClientConfig> = {}): AlipayClientConfig => ({
        appId: alipayKeys.appId,
        appPrivateKey: alipayKeys.appPrivateKey,
        alipayPublicKey: alipayKeys.alipayPublicKey,
        gatewayUrl: `${http.url}/gateway.do`,
        timeoutMs: 2_000,
        ...overrides,
      }),
      ...alipay,
    },
    /** Every request received, oldest first, with its signature verdict. */
    requests,
    /** Every notification sent, with the gateway's answer. */
    notifications: notifier.sent,
    /** The next `times` (1) requests matching `provider` and `operation` (any when not given) meet `fault`. */
    failNext: (fault: FakeFault, match: { provider?: FakeProviderName; operation?: FakeOperation; times?: number } = {}) =>
      faults.add(fault, match),
    clearFaults: () => faults.clear(),
    stop: http.stop,
  };
  if (options.stopAfterTests ?? true) after(() => fake.stop());
  return fake;
}

export type FakeProvider = Awaited<ReturnType<typeof startFakeProvider>>;
