import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import type { JudgedPayment } from './judge-risk-batch';

export type OpenedAlert = { alertId: string; ruleId: string; opened: boolean; action: 'alert' | 'block' };

export function openKeyOf(merchantId: string, ruleId: string): string {
  return `${merchantId}:${ruleId}`;
}

/**
 * Opens the alerts of a batch's rule hits in one statement, or folds them into the merchant's live alert for
 * the rule (one per merchant and rule while open or acknowledged, by the unique open key). The first hit's
 * evidence is kept: it names the payment that crossed the threshold; later hits count and move lastEventAt.
 * Returns, per payment id, the alerts its hits landed in.
 */
export async function openRiskAlerts({ tx, judged }: { tx: Tx; judged: JudgedPayment[] }): Promise<Map<string, OpenedAlert[]>> {
  const groups = new Map<
    string,
    { first: JudgedPayment; hit: JudgedPayment['hits'][number]; count: number; lastAt: Date; payments: string[] }
  >();
  for (const entry of judged) {
    for (const hit of entry.hits) {
      const key = openKeyOf(entry.payment.merchantId, hit.rule.id);
      const group = groups.get(key);
      if (group) {
        group.count++;
        if (entry.payment.paidAt > group.lastAt) group.lastAt = entry.payment.paidAt;
        group.payments.push(entry.payment.id);
      } else {
        groups.set(key, { first: entry, hit, count: 1, lastAt: entry.payment.paidAt, payments: [entry.payment.id] });
      }
    }
  }
  const byPayment = new Map<string, OpenedAlert[]>();
  if (groups.size === 0) return byPayment;
  // Key order, so concurrent batches queue on the same alert rows instead of deadlocking.
  const rows = [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([openKey, group]) => ({ openKey, ...group }));
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  const saved = await tx.$queryRaw<{ id: string; openKey: string; inserted: boolean }[]>`
    INSERT INTO risk_alert (id, merchant_id, rule_id, kind, status, evidence, payment_id, opened_at, open_key, hit_count, first_event_at, last_event_at)
    SELECT id, merchant_id, rule_id, kind, 'open', evidence::jsonb, payment_id, now(), open_key, hit_count, first_event_at, last_event_at
    FROM unnest(${column(() => uuidv7())}::uuid[], ${column((row) => row.first.payment.merchantId)}::uuid[], ${column((row) => row.hit.rule.id)}::uuid[],
      ${column((row) => row.hit.rule.kind)}::text[], ${column(({ hit: { rule, hit } }) => JSON.stringify({ rule: { name: rule.name, kind: rule.kind, action: rule.action, params: rule.params }, ...hit.evidence }))}::text[],
      ${column((row) => row.first.payment.id)}::uuid[], ${column((row) => row.openKey)}::text[], ${column((row) => row.count)}::int[],
      ${column((row) => row.first.payment.paidAt.toISOString())}::timestamptz[], ${column((row) => row.lastAt.toISOString())}::timestamptz[])
      AS t(id, merchant_id, rule_id, kind, evidence, payment_id, open_key, hit_count, first_event_at, last_event_at)
    ORDER BY open_key
    ON CONFLICT (open_key) DO UPDATE SET hit_count = risk_alert.hit_count + excluded.hit_count,
      last_event_at = GREATEST(risk_alert.last_event_at, excluded.last_event_at)
    RETURNING id::text, open_key AS "openKey", (xmax = 0) AS inserted`;
  const savedByKey = new Map(saved.map((row) => [row.openKey, row]));
  // Opened and folded alerts alike: a folded one shows a new hit count.
  await notifyChanges(
    tx,
    rows.map((row) => ({ kind: 'alert', id: savedByKey.get(row.openKey)!.id, merchantId: row.first.payment.merchantId })),
  );
  for (const row of rows) {
    const alert = savedByKey.get(row.openKey)!;
    row.payments.forEach((paymentId, index) => {
      const opened: OpenedAlert = {
        alertId: alert.id,
        ruleId: row.hit.rule.id,
        opened: alert.inserted && index === 0,
        action: row.hit.rule.action,
      };
      byPayment.set(paymentId, [...(byPayment.get(paymentId) ?? []), opened]);
    });
  }
  return byPayment;
}
