import type { KeyObject } from 'node:crypto';
import { AppError } from '@/lib/errors';
import type { ProviderName, ProviderNotification } from '../provider-notification';
import { decryptWechatpayResource } from './decrypt-wechatpay-resource';
import { normalizeWechatpayResource } from './normalize-wechatpay-resource';
import { parseJsonWithSchema } from './parse-json-with-schema';
import { verifyWechatpaySignature } from './verify-wechatpay-signature';
import { wechatpayPaymentEventTypes, wechatpayRefundEventTypes } from './wechatpay-event-types';
import { wechatpayEnvelopeSchema } from './wechatpay-schemas';

// Verify first, parse second: nothing in an unverified body is trusted, not even its shape.
export function parseWechatpayCallback(options: {
  rawBody: string;
  headers: Headers;
  platformKeys: ReadonlyMap<string, KeyObject>;
  apiV3Key: string | Buffer;
  now?: Date;
  /** Our merchant id; when given, a resource for another merchant is refused. */
  mchid?: string;
  /** The sandbox speaks the WeChat wire format under its own name. */
  provider?: Extract<ProviderName, 'wechatpay' | 'sandbox'>;
}): ProviderNotification {
  verifyWechatpaySignature(options);
  const envelope = parseJsonWithSchema(options.rawBody, wechatpayEnvelopeSchema, 'WeChat Pay notification body');
  const eventType = envelope.event_type;
  if (!wechatpayPaymentEventTypes.has(eventType) && !wechatpayRefundEventTypes.has(eventType)) {
    throw new AppError('validation_failed', `WeChat Pay event_type "${eventType.slice(0, 64)}" is not supported`, {
      supported: [...wechatpayPaymentEventTypes, ...wechatpayRefundEventTypes],
    });
  }
  const plaintext = decryptWechatpayResource({ resource: envelope.resource, apiV3Key: options.apiV3Key });
  return normalizeWechatpayResource({
    eventType,
    notificationId: envelope.id,
    plaintext,
    provider: options.provider ?? 'wechatpay',
    mchid: options.mchid,
  });
}
