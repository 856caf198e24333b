import { sign, type KeyObject } from 'node:crypto';
import { createWechatpayNonce } from './create-wechatpay-nonce';

// Signs a raw body the way WeChat Pay signs callbacks; tests use it directly to sign deliberately broken bodies.
export function signWechatpayBody(options: {
  rawBody: string;
  privateKey: KeyObject;
  serial: string;
  now?: Date;
  nonce?: string;
}): Record<string, string> {
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000));
  const nonce = options.nonce ?? createWechatpayNonce(32);
  const signature = sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${options.rawBody}\n`), options.privateKey);
  return {
    'Content-Type': 'application/json',
    'Wechatpay-Signature': signature.toString('base64'),
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': options.serial,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}
