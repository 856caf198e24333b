import type { KeyObject } from 'node:crypto';
import { encryptWechatpayResource } from './encrypt-wechatpay-resource';
import { formatChinaTime } from './format-china-time';
import { signWechatpayBody } from './sign-wechatpay-body';

const summaries: Record<string, string> = {
  'TRANSACTION.SUCCESS': '支付成功',
  'REFUND.SUCCESS': '退款成功',
  'REFUND.ABNORMAL': '退款异常',
  'REFUND.CLOSED': '退款关闭',
};

// Produces a callback exactly as WeChat Pay would send it, for the sandbox provider, tests and benchmarks.
export function signWechatpayCallback(options: {
  notification: { id: string; eventType: string; resource: object };
  privateKey: KeyObject;
  serial: string;
  apiV3Key: string | Buffer;
  now?: Date;
  /** The Wechatpay-Nonce header; the resource gets its own random nonce. */
  nonce?: string;
}): { rawBody: string; headers: Record<string, string> } {
  const { notification } = options;
  const now = options.now ?? new Date();
  const originalType = notification.eventType.startsWith('REFUND.') ? 'refund' : 'transaction';
  const sealed = encryptWechatpayResource({
    plaintext: JSON.stringify(notification.resource),
    apiV3Key: options.apiV3Key,
    associatedData: originalType,
  });
  const rawBody = JSON.stringify({
    id: notification.id,
    create_time: formatChinaTime(now),
    resource_type: 'encrypt-resource',
    event_type: notification.eventType,
    summary: summaries[notification.eventType] ?? notification.eventType,
    resource: { original_type: originalType, algorithm: 'AEAD_AES_256_GCM', ...sealed },
  });
  const headers = signWechatpayBody({ rawBody, privateKey: options.privateKey, serial: options.serial, now, nonce: options.nonce });
  return { rawBody, headers };
}
