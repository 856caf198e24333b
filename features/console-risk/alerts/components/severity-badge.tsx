import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Severity } from '@/features/console-risk/alerts/alert-severity';

const tones: Record<Severity, BadgeTone> = { critical: 'danger', high: 'danger', medium: 'warning', low: 'neutral' };
const labels: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge tone={tones[severity]} data-severity={severity} className={severity === 'critical' ? 'font-semibold' : undefined}>
      {labels[severity]}
    </Badge>
  );
}
