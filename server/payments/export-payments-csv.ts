import type { z } from 'zod';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { currencyMinorDigits } from '@/lib/format/currency-minor-digits';
import { formatDateTime } from '@/lib/format/format-date-time';
import { minorUnitsToDecimal } from '@/lib/format/minor-units-to-decimal';
import type { CsvColumn } from '@/lib/http/csv-response';
import { afterCursor, decodeCursor, type Cursor } from '@/lib/pagination/keyset-cursor';
import type { listPaymentsQuerySchema } from '@/contracts/payment-list';
import { paymentListWhere } from './payment-list-where';

type ExportPayments = { db: Db; principal: Principal | null; query: z.output<typeof listPaymentsQuerySchema>; pageSize?: number };

export type PaymentCsvRow = {
  id: string;
  createdAt: string;
  createdAtLocal: string;
  merchantId: string;
  merchantName: string;
  outTradeNo: string;
  provider: string;
  providerTransactionId: string | null;
  status: string;
  currency: string;
  amount: string;
  amountMinorUnits: number;
  refundedAmount: string;
  paidAt: string | null;
  paidAtLocal: string | null;
  payer: string | null;
  device: string | null;
  description: string | null;
  flaggedReason: string | null;
};

/** The columns of an orders export: amounts as exact decimals of the currency (and in minor units, as the API). */
export const paymentCsvColumns: CsvColumn<PaymentCsvRow>[] = [
  { key: 'id', header: 'id' },
  { key: 'createdAt', header: 'createdAt' },
  { key: 'createdAtLocal', header: 'createdAtLocal' },
  { key: 'merchantId', header: 'merchantId' },
  { key: 'merchantName', header: 'merchantName' },
  { key: 'outTradeNo', header: 'outTradeNo' },
  { key: 'provider', header: 'provider' },
  { key: 'providerTransactionId', header: 'providerTransactionId' },
  { key: 'status', header: 'status' },
  { key: 'currency', header: 'currency' },
  { key: 'amount', header: 'amount' },
  { key: 'amountMinorUnits', header: 'amountMinorUnits' },
  { key: 'refundedAmount', header: 'refundedAmount' },
  { key: 'paidAt', header: 'paidAt' },
  { key: 'paidAtLocal', header: 'paidAtLocal' },
  { key: 'payer', header: 'payer' },
  { key: 'device', header: 'device' },
  { key: 'description', header: 'description' },
  { key: 'flaggedReason', header: 'flaggedReason' },
];

/**
 * Every payment a list's filters select (from the cursor on, if one is given), newest first, as CSV rows. The filters
 * and the merchant scope are resolved before the first row, so a bad one is an error answer, not a broken download;
 * the rows are then read one keyset page at a time as the consumer pulls them.
 */
export async function exportPaymentsCsv({ db, principal, query, pageSize = 1_000 }: ExportPayments): Promise<AsyncIterable<PaymentCsvRow>> {
  let cursor: Cursor | undefined = decodeCursor(query.cursor);
  const where = await paymentListWhere({ db, principal, query });
  const timeZone = getEnv().SETTLEMENT_TIMEZONE;
  async function* rows() {
    for (;;) {
      const page = await db.payment.findMany({
        where: { AND: [where, afterCursor(cursor)] },
        include: { merchant: { select: { name: true } } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: pageSize,
      });
      for (const payment of page) {
        const digits = currencyMinorDigits(payment.currency);
        yield {
          id: payment.id,
          createdAt: payment.createdAt.toISOString(),
          createdAtLocal: formatDateTime(payment.createdAt, timeZone),
          merchantId: payment.merchantId,
          merchantName: payment.merchant.name,
          outTradeNo: payment.outTradeNo,
          provider: payment.provider,
          providerTransactionId: payment.providerTransactionId,
          status: payment.status,
          currency: payment.currency,
          amount: minorUnitsToDecimal(payment.amount, digits),
          amountMinorUnits: payment.amount,
          refundedAmount: minorUnitsToDecimal(payment.refundedAmount, digits),
          paidAt: payment.paidAt?.toISOString() ?? null,
          paidAtLocal: payment.paidAt ? formatDateTime(payment.paidAt, timeZone) : null,
          payer: payment.payer,
          device: payment.device,
          description: payment.description,
          flaggedReason: payment.flaggedReason,
        } satisfies PaymentCsvRow;
      }
      const last = page.at(-1);
      if (page.length < pageSize || !last) return;
      cursor = { createdAt: last.createdAt, id: last.id };
    }
  }
  return rows();
}
