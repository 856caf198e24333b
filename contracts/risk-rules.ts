import { z } from 'zod';

// Minute buckets are read per event for the longest enabled window, so windows stay short enough to read cheaply.
const windowMinutes = z.number().int().min(1).max(240);
const money = z.number().int().min(0).max(1_000_000_000_000);
// Risk computes in integers: a multiplier is held exactly in thousandths, so it may have at most three decimals.
const multiplier = z
  .number()
  .positive()
  .max(1000)
  .refine((value) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6, 'multiplier has at most three decimals');

export const windowAmountParamsSchema = z.strictObject({
  windowMinutes,
  floor: money.describe('Absolute floor (minor units): the window sum must exceed it'),
  multiplier: multiplier.describe('k: the window sum must also exceed k × the baseline'),
  defaultBaseline: money.describe('Baseline (minor units per window) for merchants with too little history'),
  minHistoryMinutes: z.number().int().min(0).max(525_600).describe('History needed before the merchant’s own baseline is used'),
});

export const velocityParamsSchema = z.strictObject({ windowMinutes, maxCount: z.number().int().min(1).max(1_000_000) });

export const singleOutsizedParamsSchema = z.strictObject({
  multiplier: multiplier.describe('The payment must exceed k × the merchant’s average payment so far'),
  floor: money.describe('…and this absolute amount (minor units)'),
  minHistoryPayments: z.number().int().min(1).max(1_000_000),
});

export const repeatedPayerParamsSchema = z.strictObject({
  field: z.enum(['payer', 'device']),
  windowMinutes,
  maxCount: z.number().int().min(1).max(1_000_000),
});

/** A rule's kind and its parameters, checked together: the parameters a kind needs and nothing else. */
export const ruleDefinitionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('window_amount'), params: windowAmountParamsSchema }),
  z.object({ kind: z.literal('velocity'), params: velocityParamsSchema }),
  z.object({ kind: z.literal('single_outsized'), params: singleOutsizedParamsSchema }),
  z.object({ kind: z.literal('repeated_payer'), params: repeatedPayerParamsSchema }),
]);

export type RuleDefinition = z.output<typeof ruleDefinitionSchema>;
export type RiskRuleForEvaluation = RuleDefinition & { id: string; name: string; action: 'alert' | 'block' };
