import type { KeyObject } from 'node:crypto';

/** What a WeChat Pay v3 client needs; `createWechatpayClientFromEnv` builds it from DESIGN §5's variables. */
export type WechatpayClientConfig = {
  mchid: string;
  appid: string;
  /** Our merchant API certificate's serial and private key: every request is signed with them. */
  merchantSerial: string;
  merchantPrivateKey: KeyObject;
  /** WeChat Pay's platform keys by serial (`Wechatpay-Serial`): every answer is verified with one of them. */
  platformKeys: ReadonlyMap<string, KeyObject>;
  /** `https://api.mch.weixin.qq.com`, or a local fake in tests. */
  baseUrl: string;
  timeoutMs: number;
  /** The clock for request timestamps and for judging an answer's freshness. */
  now?: () => Date;
};
