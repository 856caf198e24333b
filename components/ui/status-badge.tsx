import { formatStatus } from '@/lib/format/format-status';
import { Badge, type BadgeTone } from '@/components/ui/badge';

// One tone per status word, the same in every list: payments, attempts, refunds, deliveries, alerts, merchants.
const tones: Record<string, BadgeTone> = {
  succeeded: 'success',
  delivered: 'success',
  active: 'success',
  pending: 'info',
  processing: 'info',
  closing: 'info',
  partially_refunded: 'warning',
  acknowledged: 'warning',
  abnormal: 'warning',
  open: 'danger',
  failed: 'danger',
  blocked: 'danger',
  disabled: 'danger',
  refunded: 'neutral',
  closed: 'neutral',
  cancelled: 'neutral',
  dismissed: 'neutral',
};

/** The tone a status is shown in; unknown statuses are neutral. */
export function statusTone(status: string): BadgeTone {
  return tones[status] ?? 'neutral';
}

type StatusBadgeProps = {
  /** A status as the API spells it (`partially_refunded`); shown as "Partially refunded". */
  status: string;
  /** Overrides the tone the status would get. */
  tone?: BadgeTone;
  className?: string;
};

/** A payment, attempt, refund, delivery, alert or merchant status in its tone, with a dot so colour is not the only cue. */
export function StatusBadge({ status, tone, className }: StatusBadgeProps) {
  const resolved = tone ?? statusTone(status);
  return (
    <Badge tone={resolved} className={className} data-status={status}>
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {formatStatus(status)}
    </Badge>
  );
}
