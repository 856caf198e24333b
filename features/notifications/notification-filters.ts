import { choiceFilter, instantFilter } from '@/components/filters/filter-parsers';
import type { BadgeTone } from '@/components/ui/badge';

// The inbox's filters in the URL, named as GET /api/notifications names them.
export const notificationFilterParsers = {
  provider: choiceFilter,
  kind: choiceFilter,
  outcome: choiceFilter,
  since: instantFilter,
  until: instantFilter,
};

export const notificationFilterParams = Object.keys(notificationFilterParsers);

type Values = { provider: string | null; kind: string | null; outcome: string | null; since: Date | null; until: Date | null };

export type NotificationListQuery = Partial<Record<'provider' | 'kind' | 'outcome' | 'since' | 'until', string>>;

export function toNotificationListQuery(values: Values): NotificationListQuery {
  const query: NotificationListQuery = {};
  if (values.provider) query.provider = values.provider;
  if (values.kind) query.kind = values.kind;
  if (values.outcome) query.outcome = values.outcome;
  if (values.since) query.since = values.since.toISOString();
  if (values.until) query.until = values.until.toISOString();
  return query;
}

/** A rejected callback is the one to look at; a duplicate is normal (providers resend). */
export const outcomeTones: Record<string, BadgeTone> = {
  applied: 'success',
  recorded: 'warning',
  duplicate: 'neutral',
  rejected: 'danger',
};

export const providerLabels: Record<string, string> = { wechatpay: 'WeChat Pay', alipay: 'Alipay', sandbox: 'Sandbox' };
