import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import type { recomputeSettlementsBodySchema } from '@/contracts/settlements';
import { computeSettlements, type SettlementFigures } from './compute-settlements';
import { raiseBooksAlert } from './raise-books-alert';
import { safeNumber } from './read-settlement-page';

type RecomputeSettlements = { db: Db; input: z.output<typeof recomputeSettlementsBodySchema> };

const keyOf = (row: { merchantId: string; date: string; currency: string }) => `${row.merchantId}:${row.date}:${row.currency}`;

function figuresOf(row: Omit<SettlementFigures, 'merchantId' | 'date' | 'currency'>) {
  return {
    grossAmount: safeNumber(row.grossAmount),
    refundAmount: safeNumber(row.refundAmount),
    feeAmount: safeNumber(row.feeAmount),
    netAmount: safeNumber(row.netAmount),
    paymentCount: row.paymentCount,
    refundCount: row.refundCount,
  };
}

/**
 * POST /api/settlements/recompute: the settled days of the range computed again from the ledger, each in the time
 * zone it was settled in, and compared with the stored rows field by field. Stored rows are what merchants were
 * told, so they are never rewritten; every difference is answered and raised for a person (once while it is live).
 */
export async function recomputeSettlements({ db, input }: RecomputeSettlements) {
  const days = await db.settlementDay.findMany({
    where: { day: { gte: new Date(`${input.from}T00:00:00Z`), lte: new Date(`${input.to}T00:00:00Z`) } },
    orderBy: { day: 'asc' },
  });
  const stored = await db.settlement.findMany({
    where: { day: { in: days.map((day) => day.day) }, ...(input.merchantId ? { merchantId: input.merchantId } : {}) },
  });
  const storedByKey = new Map(stored.map((row) => [keyOf({ ...row, date: row.day.toISOString().slice(0, 10) }), row]));
  const computed: SettlementFigures[] = [];
  for (const day of days) {
    const date = day.day.toISOString().slice(0, 10);
    computed.push(...(await computeSettlements({ db, from: date, to: date, timeZone: day.timeZone, merchantId: input.merchantId })));
  }
  const computedByKey = new Map(computed.map((row) => [keyOf(row), row]));
  const keys = [...new Set([...storedByKey.keys(), ...computedByKey.keys()])].sort();
  const differences = [];
  for (const key of keys) {
    const row = storedByKey.get(key);
    const again = computedByKey.get(key);
    const storedFigures = row ? figuresOf(row) : null;
    const computedFigures = again ? figuresOf(again) : null;
    if (JSON.stringify(storedFigures) === JSON.stringify(computedFigures)) continue;
    const [merchantId, date, currency] = key.split(':');
    const difference = { merchantId, date, currency, stored: storedFigures, computed: computedFigures };
    const alertId = await raiseBooksAlert({ db, kind: 'settlement_mismatch', key, merchantId, evidence: difference });
    differences.push({ ...difference, alertId });
  }
  return {
    from: input.from,
    to: input.to,
    settledDays: days.length,
    rowsCompared: keys.length,
    matching: keys.length - differences.length,
    differences,
  };
}
