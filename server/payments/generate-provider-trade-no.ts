import { randomBytes } from 'node:crypto';
import type { ProviderName } from '@/server/providers/provider-notification';

const prefixes: Record<ProviderName, string> = { wechatpay: 'W', alipay: 'A', sandbox: 'S' };

/**
 * Our number for one attempt, the provider's out_trade_no: 27 letters and digits (both providers allow 6–32 of
 * letters, digits and underscores), time-ordered for people reading bills, with 72 random bits so it is unique across
 * the system without asking anyone; the unique index is the backstop.
 */
export function generateProviderTradeNo(provider: ProviderName): string {
  return `${prefixes[provider]}${Date.now().toString(36).padStart(8, '0')}${randomBytes(9).toString('hex')}`;
}
