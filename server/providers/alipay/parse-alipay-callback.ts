import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { ProviderNotification } from '../provider-notification';
import { alipayNotificationSchema } from './alipay-notification-schema';
import { normalizeAlipayNotification } from './normalize-alipay-notification';
import { parseChinaTime } from './parse-china-time';
import { verifyAlipaySignature } from './verify-alipay-signature';

// Alipay retries for about 25 hours; anything older, or from the future, is a replay or a broken clock.
const maxAgeMs = 48 * 60 * 60 * 1000;
const maxAheadMs = 10 * 60 * 1000;

function readParams(rawBody: string): URLSearchParams {
  const params = new URLSearchParams(rawBody);
  const seen = new Set<string>();
  for (const key of params.keys()) {
    // A repeated key would be signed one way and read another.
    if (seen.has(key)) throw new AppError('bad_request', `Alipay parameter ${key.slice(0, 32)} appears twice`);
    seen.add(key);
  }
  if (seen.size === 0) throw new AppError('bad_request', 'Alipay notification body has no form parameters');
  const charset = params.get('charset');
  if (charset !== null && charset !== '' && charset.toLowerCase() !== 'utf-8') {
    throw new AppError('bad_request', `Alipay charset "${charset.slice(0, 16)}" is not supported; only utf-8 is`);
  }
  return params;
}

export function parseAlipayCallback(options: {
  rawBody: string;
  alipayPublicKey: KeyObject;
  appId?: string;
  now?: Date;
}): ProviderNotification {
  const params = readParams(options.rawBody);
  verifyAlipaySignature({ params, alipayPublicKey: options.alipayPublicKey });
  // Empty values are not signed, so they count as absent.
  const signed = Object.fromEntries([...params].filter(([, value]) => value !== ''));
  const result = alipayNotificationSchema.safeParse(signed);
  if (!result.success) {
    throw new AppError('validation_failed', `Alipay notification is invalid: ${z.prettifyError(result.error)}`, {
      issues: result.error.issues,
    });
  }
  const notification = result.data;
  if (options.appId !== undefined && notification.app_id !== options.appId) {
    throw new AppError('validation_failed', `Alipay app_id ${notification.app_id} is not our app id ${options.appId}`);
  }
  const ageMs = (options.now ?? new Date()).getTime() - parseChinaTime(notification.notify_time, 'notify_time').getTime();
  if (ageMs > maxAgeMs || ageMs < -maxAheadMs) {
    throw new AppError(
      'signature_invalid',
      `Alipay notify_time is ${Math.round(Math.abs(ageMs) / 1000)} s ${ageMs > 0 ? 'in the past' : 'in the future'}; at most ${maxAgeMs / 1000} s old or ${maxAheadMs / 1000} s ahead allowed`,
    );
  }
  return normalizeAlipayNotification(notification);
}
