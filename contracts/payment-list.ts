import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { paymentSchema, providerSchema } from '@/contracts/payments';
import { booleanParam, cursorParam, idSearchParam, isoInstantParam, limitParam, minorUnitsParam } from '@/contracts/list-params';

export const paymentStatusFilterSchema = z.enum(['pending', 'succeeded', 'closed', 'failed', 'refunded', 'partially_refunded']);

export const listPaymentsQuerySchema = z
  .object({
    merchantId: z.uuid().optional(),
    provider: providerSchema.optional(),
    status: paymentStatusFilterSchema.optional(),
    amountMin: minorUnitsParam.optional().describe('At least this many minor units (fen), inclusive'),
    amountMax: minorUnitsParam.optional().describe('At most this many minor units (fen), inclusive'),
    since: isoInstantParam.optional().describe('Created at or after'),
    until: isoInstantParam.optional().describe('Created before'),
    flagged: booleanParam.optional().describe('true: only payments with a flaggedReason; false: only those without'),
    q: idSearchParam
      .optional()
      .describe(
        "Any one id, matched exactly: our payment id, the merchant's outTradeNo, our providerTradeNo, the provider's transaction id",
      ),
    limit: limitParam.describe('Page size; a CSV export ignores it and streams every matching payment'),
    cursor: cursorParam,
    format: z
      .enum(['json', 'csv'])
      .optional()
      .describe('csv: the whole filtered list as a CSV download (as Accept: text/csv does), for a plain link'),
  })
  .refine((q) => q.amountMin === undefined || q.amountMax === undefined || q.amountMin <= q.amountMax, {
    message: 'amountMin must not be above amountMax',
    path: ['amountMin'],
  })
  .refine((q) => q.since === undefined || q.until === undefined || new Date(q.since) < new Date(q.until), {
    message: 'since must be before until',
    path: ['since'],
  });

export const paymentListItemSchema = paymentSchema.extend({ merchantName: z.string() });

export const listPaymentsOperation = defineOperation({
  id: 'listPayments',
  method: 'GET',
  path: '/api/payments',
  summary:
    'Payments, newest first; filter by merchant, provider, status, amount, creation time and flag, or find one by any id; ' +
    'keyset pagination by cursor (a merchant key lists only its own). With Accept: text/csv (or format=csv), every ' +
    'matching payment as a streamed CSV (UTF-8 with BOM, quoted, formulas escaped)',
  tag: 'payments',
  auth: { staff: 'read', merchant: 'read' },
  query: listPaymentsQuerySchema,
  status: 200,
  response: z.object({ items: z.array(paymentListItemSchema), nextCursor: z.string().nullable() }),
  alsoAnswers: ['text/csv'],
  errors: [401, 403, 404, 422, 429],
});
