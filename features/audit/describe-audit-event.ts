import { auditActions } from '@/contracts/audit';

const actionLabels: Record<(typeof auditActions)[number], string> = {
  'merchant.block': 'Blocked merchant',
  'merchant.unblock': 'Unblocked merchant',
  'merchant.update': 'Changed merchant settings',
  'merchant.rotate_secret': 'Rotated webhook secret',
  'merchant.regenerate_api_key': 'Regenerated API key',
  'risk_alert.decide': 'Decided alert',
  'risk_rule.create': 'Created rule',
  'risk_rule.update': 'Edited rule',
  'risk_rule.enable': 'Enabled rule',
  'risk_rule.disable': 'Disabled rule',
  'delivery.redeliver': 'Redelivered webhook',
  'delivery.redeliver_matching': 'Redelivered all matching',
  'user.create': 'Added user',
  'user.change_role': 'Changed role',
  'user.remove': 'Removed user',
};

/** A person's words for an action; an action recorded before this list knew it shows as recorded. */
export function describeAuditAction(action: string): string {
  return (actionLabels as Record<string, string>)[action] ?? action;
}

export const auditActionOptions = auditActions.map((action) => ({ value: action, label: describeAuditAction(action) }));

const subjectLabels: Record<string, string> = {
  merchant: 'Merchant',
  risk_alert: 'Alert',
  risk_rule: 'Rule',
  delivery: 'Delivery',
  deliveries: 'Deliveries',
  payment: 'Order',
  user: 'User',
};

export function describeSubjectType(subjectType: string): string {
  return subjectLabels[subjectType] ?? subjectType;
}

/** Where the console shows an audit row's subject, or null when it has no page of its own. */
export function subjectHref(subjectType: string, subjectId: string): string | null {
  const id = encodeURIComponent(subjectId);
  switch (subjectType) {
    case 'merchant':
      return `/console/merchants/${id}`;
    case 'risk_alert':
      return `/console/alerts/${id}`;
    case 'risk_rule':
      return '/console/rules';
    case 'delivery':
      return `/console/deliveries/${id}`;
    case 'deliveries':
      return '/console/deliveries';
    case 'payment':
      return `/console/orders/${id}`;
    case 'user':
      return '/console/users';
    default:
      return null;
  }
}

export type FieldChange = { field: string; before: string; after: string };

const shown = (value: unknown) => (value === undefined || value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** before → after, field by field, for the fields either side names; a field the same on both sides is left out. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const asRecord = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const [from, to] = [asRecord(before), asRecord(after)];
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .map((field) => ({ field, before: shown(from[field]), after: shown(to[field]) }))
    .filter((change) => change.before !== change.after);
}
