import type { KeyObject } from 'node:crypto';

/** What an Alipay client needs; `createAlipayClientFromEnv` builds it from DESIGN §5's variables. */
export type AlipayClientConfig = {
  appId: string;
  /** Our app's private key: every request is signed RSA2 with it. */
  appPrivateKey: KeyObject;
  /** Alipay's public key: every answer's `sign` is verified with it. */
  alipayPublicKey: KeyObject;
  /** `https://openapi.alipay.com/gateway.do`, or a local fake in tests. */
  gatewayUrl: string;
  timeoutMs: number;
  now?: () => Date;
};
