import type { AlertEvidence } from './read-evidence';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

// Money that arrived and matches no order, or does not match its order, is always worth a look first.
const criticalKinds = new Set(['unknown_payment', 'amount_mismatch', 'duplicate_payment']);

/**
 * How urgent an alert is, from its own figures: how far past its threshold it went (2× or more is high), money
 * that matches no order, and whether its rule blocks on its own. The API stores no severity; this is the queue's order
 * of attention, shown with its reason.
 */
export function alertSeverity({
  kind,
  evidence,
  ruleAction,
}: {
  kind: string;
  evidence: AlertEvidence;
  ruleAction?: 'alert' | 'block';
}): Severity {
  if (criticalKinds.has(kind)) return 'critical';
  if (ruleAction === 'block') return 'critical';
  const { measured, threshold } = evidence;
  if (measured === null || threshold === null || threshold <= 0) return 'medium';
  // Integers compared without division: measured ≥ 2 × threshold.
  if (measured >= 2 * threshold) return 'high';
  if (4 * measured >= 5 * threshold) return 'medium';
  return 'low';
}

export const severityRank: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
