import { verify, type KeyObject } from 'node:crypto';
import { AppError } from '@/lib/errors';
import { decodeStrictBase64 } from './decode-strict-base64';

export const wechatpayMaxClockSkewSeconds = 300;

function requireHeader(headers: Headers, name: string): string {
  const value = headers.get(name);
  if (value === null || value.trim() === '') throw new AppError('bad_request', `Missing ${name} header`);
  return value.trim();
}

// Verifies on the raw body exactly as received: re-serialized JSON would not match WeChat's signature.
export function verifyWechatpaySignature(options: {
  rawBody: string;
  headers: Headers;
  platformKeys: ReadonlyMap<string, KeyObject>;
  now?: Date;
}): void {
  const { rawBody, headers, platformKeys } = options;
  const signature = requireHeader(headers, 'Wechatpay-Signature');
  const timestamp = requireHeader(headers, 'Wechatpay-Timestamp');
  const nonce = requireHeader(headers, 'Wechatpay-Nonce');
  const serial = requireHeader(headers, 'Wechatpay-Serial');

  if (signature.startsWith('WECHATPAY/SIGNTEST/')) {
    throw new AppError('signature_invalid', 'Wechatpay-Signature is a WECHATPAY/SIGNTEST/ probe, which must be rejected');
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new AppError('bad_request', `Wechatpay-Timestamp "${timestamp.slice(0, 40)}" is not a Unix time in seconds`);
  }
  const skewMs = (options.now ?? new Date()).getTime() - Number(timestamp) * 1000;
  if (Math.abs(skewMs) > wechatpayMaxClockSkewSeconds * 1000) {
    const direction = skewMs > 0 ? 'in the past' : 'in the future';
    throw new AppError(
      'signature_invalid',
      `Wechatpay-Timestamp is ${Math.round(Math.abs(skewMs) / 1000)} s ${direction}; at most ${wechatpayMaxClockSkewSeconds} s allowed`,
    );
  }
  const key = platformKeys.get(serial);
  if (key === undefined) {
    throw new AppError('signature_invalid', `Wechatpay-Serial "${serial.slice(0, 64)}" is not a known platform key serial`, {
      knownSerials: [...platformKeys.keys()],
    });
  }
  const signatureBytes = decodeStrictBase64(signature, 'Wechatpay-Signature');
  const message = `${timestamp}\n${nonce}\n${rawBody}\n`;
  if (!verify('sha256', Buffer.from(message), key, signatureBytes)) {
    throw new AppError('signature_invalid', `Wechatpay-Signature does not match the body for platform key ${serial}`);
  }
}
