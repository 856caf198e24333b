// Daily settlements (DESIGN §3, §5): per merchant, business day (SETTLEMENT_TIMEZONE) and currency, computed from the
// ledger by booking time. Money is integer minor units (fen); a net (and a day's fees, when refunds return more fee
// than that day's payments cost) may be negative.
import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema } from '@/contracts/common';
import { cursorParam, limitParam } from '@/contracts/list-params';

/** A calendar day, YYYY-MM-DD, that exists (no 2026-02-30), within the years PostgreSQL and JavaScript both hold. */
export const businessDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-03-01')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'must be a day of the calendar, like 2026-03-01');

const signedMinorUnits = z.number().int();
const count = z.number().int().min(0);

export const settlementSchema = z.object({
  id: z.uuid().describe('For the drill-down: GET /api/settlements/{id}/entries'),
  merchantId: z.uuid(),
  merchantName: z.string(),
  date: z.string().describe('The business day, YYYY-MM-DD in the settlement time zone'),
  currency: z.string(),
  grossAmount: signedMinorUnits.min(0).describe('Payments booked that day, minor units'),
  refundAmount: signedMinorUnits.min(0).describe('Refunds booked that day'),
  feeAmount: signedMinorUnits.describe('Fees of the payments less the fees returned by the refunds'),
  netAmount: signedMinorUnits.describe('grossAmount − refundAmount − feeAmount; negative when refunds outweigh payments'),
  paymentCount: count,
  refundCount: count,
});

export type Settlement = z.output<typeof settlementSchema>;

const dateRange = <T extends { from?: string; to?: string }>(query: T) =>
  query.from === undefined || query.to === undefined || query.from <= query.to;

export const listSettlementsQuerySchema = z
  .object({
    merchantId: z.uuid().optional().describe("Staff: one merchant's rows; a merchant caller always gets its own"),
    from: businessDateSchema.optional().describe('First business day, inclusive'),
    to: businessDateSchema.optional().describe('Last business day, inclusive'),
    limit: limitParam.describe('Page size; a CSV export ignores it and streams every matching row'),
    cursor: cursorParam,
    format: z
      .enum(['json', 'csv'])
      .optional()
      .describe('csv: the whole filtered list as a CSV download (as Accept: text/csv does), for a plain link'),
  })
  .refine(dateRange, { message: 'from must not be after to', path: ['from'] });

export const listSettlementsOperation = defineOperation({
  id: 'listSettlements',
  method: 'GET',
  path: '/api/settlements',
  summary:
    'Daily settlements, newest day first, by merchant and business-day range; keyset pagination by cursor (a merchant ' +
    'lists only its own). With Accept: text/csv (or format=csv), every matching row as a streamed CSV (UTF-8 with BOM, ' +
    'quoted, formulas escaped)',
  tag: 'settlements',
  auth: { staff: 'read', merchant: 'read' },
  query: listSettlementsQuerySchema,
  status: 200,
  response: z.object({ items: z.array(settlementSchema), nextCursor: z.string().nullable() }),
  alsoAnswers: ['text/csv'],
  errors: [401, 403, 404, 422, 429],
});

export const ledgerEntryKindSchema = z.enum(['payment', 'refund', 'fee', 'fee_return']);

export const settlementEntrySchema = z.object({
  id: z.uuid(),
  kind: ledgerEntryKindSchema,
  bookedAt: z.string(),
  paymentId: z.uuid(),
  outTradeNo: z.string(),
  providerTradeNo: z.string(),
  provider: z.string(),
  refundId: z.uuid().nullable(),
  refundNo: z.string().nullable(),
  amount: z.number().int().min(1).describe('The money fact, minor units, always positive'),
  currency: z.string(),
  netEffect: signedMinorUnits.describe("What the entry adds to the row's net: + payment, − refund, − fee, + fee returned"),
});

export type SettlementEntry = z.output<typeof settlementEntrySchema>;

export const listSettlementEntriesQuerySchema = z.object({ limit: limitParam, cursor: cursorParam });

export const listSettlementEntriesOperation = defineOperation({
  id: 'listSettlementEntries',
  method: 'GET',
  path: '/api/settlements/{id}/entries',
  summary:
    'The ledger entries that make one settlement row (its payments, refunds, fees and returned fees), newest first, ' +
    'keyset-paginated: over all pages they sum to the row',
  tag: 'settlements',
  auth: { staff: 'read', merchant: 'read' },
  params: idParamsSchema,
  query: listSettlementEntriesQuerySchema,
  status: 200,
  response: z.object({ settlement: settlementSchema, items: z.array(settlementEntrySchema), nextCursor: z.string().nullable() }),
  errors: [401, 403, 404, 422, 429],
});

export const settlementFiguresSchema = settlementSchema.pick({
  grossAmount: true,
  refundAmount: true,
  feeAmount: true,
  netAmount: true,
  paymentCount: true,
  refundCount: true,
});

export const recomputeSettlementsBodySchema = z
  .object({
    from: businessDateSchema,
    to: businessDateSchema,
    merchantId: z.uuid().optional(),
  })
  .refine(dateRange, { message: 'from must not be after to', path: ['from'] })
  .refine((body) => Date.parse(body.to) - Date.parse(body.from) <= 366 * 86_400_000, {
    message: 'at most 367 days at a time',
    path: ['to'],
  });

export const settlementDifferenceSchema = z.object({
  merchantId: z.uuid(),
  date: z.string(),
  currency: z.string(),
  stored: settlementFiguresSchema.nullable().describe('The settled row; null when the ledger has money the settlement lacks'),
  computed: settlementFiguresSchema.nullable().describe('From the ledger now; null when a stored row has no money behind it'),
  alertId: z.uuid().nullable().describe('The alert raised for it (null when one was already open)'),
});

export const recomputeSettlementsOperation = defineOperation({
  id: 'recomputeSettlements',
  method: 'POST',
  path: '/api/settlements/recompute',
  summary:
    'Recomputes the settled days of a range from the ledger and compares them with the stored rows to the cent; every ' +
    'difference is answered and raised as a settlement_mismatch alert. Stored rows are never changed',
  tag: 'settlements',
  auth: { staff: 'admin' },
  body: recomputeSettlementsBodySchema,
  status: 200,
  response: z.object({
    from: z.string(),
    to: z.string(),
    settledDays: count.describe('Days of the range that are settled, and so compared'),
    rowsCompared: count,
    matching: count,
    differences: z.array(settlementDifferenceSchema),
  }),
  errors: [400, 401, 403, 422, 429],
});
