import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { HealthLevel } from '@/features/console-risk/merchants/delivery-health';

const tones: Record<HealthLevel, BadgeTone> = {
  healthy: 'success',
  degraded: 'warning',
  failing: 'danger',
  disabled: 'danger',
  idle: 'neutral',
};
const labels: Record<HealthLevel, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  failing: 'Failing',
  disabled: 'Endpoint disabled',
  idle: 'Idle',
};

export function DeliveryHealthBadge({ level }: { level: HealthLevel }) {
  return (
    <Badge tone={tones[level]} data-health={level}>
      {labels[level]}
    </Badge>
  );
}
