// An alert's evidence is the JSON the engine or intake wrote (`server/risk/evaluate-rule.ts`, the intake and
// lifecycle alerts). Each kind's figures are read here once, defensively: a figure missing or of the wrong type is
// left out, never shown as 0.
import { formatCount } from '@/lib/format/format-number';
import { formatMoney } from '@/lib/format/format-money';

export type EvidenceFigure = { label: string; value: string };

/** The window the rule looked at: the minutes ending with the crossing payment's minute. */
export type WindowSpan = { windowMinutes: number; windowStart: string; paidAt: string };

/** What the window chart needs: present for the kind that sums a merchant's payments over a window. */
export type WindowEvidence = WindowSpan & {
  windowSum: number;
  threshold: number;
  baseline: number | null;
};

export type AlertEvidence = {
  /** One line for the queue: "¥12,000.00 in 15 min, threshold ¥5,000.00". */
  summary: string;
  figures: EvidenceFigure[];
  /** The amount figures that make up the threshold, for severity. */
  measured: number | null;
  threshold: number | null;
  window: WindowEvidence | null;
  span: WindowSpan | null;
  samplePaymentIds: string[];
  currency: string;
};

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

export function readEvidence(kind: string, evidence: Record<string, unknown>): AlertEvidence {
  const currency = str(evidence.currency) ?? 'CNY';
  const money = (value: number) => formatMoney(value, currency);
  const windowMinutes = num(evidence.windowMinutes);
  const windowSum = num(evidence.windowSum);
  const count = num(evidence.count);
  const threshold = num(evidence.threshold);
  const baseline = num(evidence.baseline);
  const multiplier = num(evidence.multiplier);
  const floor = num(evidence.floor);
  const samplePaymentIds = Array.isArray(evidence.samplePaymentIds)
    ? evidence.samplePaymentIds.filter((id): id is string => typeof id === 'string')
    : [];
  const figures: EvidenceFigure[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value) figures.push({ label, value });
  };
  const inWindow = windowMinutes !== null ? ` in ${windowMinutes} min` : '';
  let summary: string;
  let measured: number | null = null;
  switch (kind) {
    case 'window_amount':
      measured = windowSum;
      summary = `${windowSum !== null ? money(windowSum) : 'Window sum'}${inWindow}, threshold ${threshold !== null ? money(threshold) : '?'}`;
      add('Window sum', windowSum !== null ? money(windowSum) : null);
      add('Window', windowMinutes !== null ? `${windowMinutes} minutes` : null);
      add('Payments in the window', count !== null ? formatCount(count) : null);
      add('Threshold', threshold !== null ? money(threshold) : null);
      add(
        evidence.baselineSource === 'default' ? 'Baseline (default, little history)' : 'Baseline (own history)',
        baseline !== null ? money(baseline) : null,
      );
      add('Multiplier', multiplier !== null ? `× ${multiplier}` : null);
      add('Floor', floor !== null ? money(floor) : null);
      break;
    case 'velocity':
      measured = count;
      summary = `${count !== null ? formatCount(count) : '?'} payments${inWindow}, at most ${threshold !== null ? formatCount(threshold) : '?'}`;
      add('Payments in the window', count !== null ? formatCount(count) : null);
      add('Window', windowMinutes !== null ? `${windowMinutes} minutes` : null);
      add('Most allowed', threshold !== null ? formatCount(threshold) : null);
      add('Window sum', windowSum !== null ? money(windowSum) : null);
      break;
    case 'single_outsized': {
      const amount = num(evidence.amount);
      measured = amount;
      summary = `One payment of ${amount !== null ? money(amount) : '?'}, threshold ${threshold !== null ? money(threshold) : '?'}`;
      add('Payment', amount !== null ? money(amount) : null);
      add('Average payment before it', baseline !== null ? money(baseline) : null);
      add('Threshold', threshold !== null ? money(threshold) : null);
      add('Multiplier', multiplier !== null ? `× ${multiplier}` : null);
      add('Floor', floor !== null ? money(floor) : null);
      add('Payments before it', num(evidence.priorPayments) !== null ? formatCount(num(evidence.priorPayments)!) : null);
      break;
    }
    case 'repeated_payer': {
      const field = evidence.field === 'device' ? 'device' : 'payer';
      measured = count;
      const who = str(evidence[field]);
      summary = `${field === 'device' ? 'Device' : 'Payer'} ${who ?? '?'} paid ${count !== null ? formatCount(count) : '?'} times${inWindow}, at most ${threshold !== null ? formatCount(threshold) : '?'}`;
      add(field === 'device' ? 'Device' : 'Payer', who);
      add('Payments in the window', count !== null ? formatCount(count) : null);
      add('Window', windowMinutes !== null ? `${windowMinutes} minutes` : null);
      add('Most allowed', threshold !== null ? formatCount(threshold) : null);
      add('Window sum', windowSum !== null ? money(windowSum) : null);
      break;
    }
    default: {
      // Intake and lifecycle alerts: a message and the ids and amounts they name.
      const amount = num(evidence.notifiedAmount) ?? num(evidence.amount);
      summary = str(evidence.message) ?? kind.replace(/_/g, ' ');
      add('Provider', str(evidence.provider));
      add('Provider trade number', str(evidence.outTradeNo) ?? str(evidence.providerTradeNo));
      add('Provider transaction', str(evidence.providerTransactionId));
      add(evidence.notifiedAmount !== undefined ? 'Amount notified' : 'Amount', amount !== null ? money(amount) : null);
    }
  }
  const windowStart = str(evidence.windowStart);
  const paidAt = str(evidence.paidAt);
  const span = windowMinutes !== null && windowStart && paidAt ? { windowMinutes, windowStart, paidAt } : null;
  const window =
    span && windowSum !== null && threshold !== null && kind === 'window_amount' ? { ...span, windowSum, threshold, baseline } : null;
  return { summary, figures, measured, threshold, window, span, samplePaymentIds, currency };
}
