import type { z } from 'zod';
import { scopedMerchantFilter } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { currencyMinorDigits } from '@/lib/format/currency-minor-digits';
import { minorUnitsToDecimal } from '@/lib/format/minor-units-to-decimal';
import type { CsvColumn } from '@/lib/http/csv-response';
import type { listSettlementsQuerySchema, Settlement } from '@/contracts/settlements';
import { readSettlementPage } from './read-settlement-page';
import { decodeSettlementCursor, type SettlementCursor } from './settlement-cursor';

type ExportSettlements = { db: Db; principal: Principal | null; query: z.output<typeof listSettlementsQuerySchema>; pageSize?: number };

export type SettlementCsvRow = Settlement & { gross: string; refunds: string; fees: string; net: string };

/** The API's fields as they are (minor units), then the money as exact decimals of the currency for a spreadsheet. */
export const settlementCsvColumns: CsvColumn<SettlementCsvRow>[] = (
  [
    'id',
    'merchantId',
    'merchantName',
    'date',
    'currency',
    'grossAmount',
    'refundAmount',
    'feeAmount',
    'netAmount',
    'paymentCount',
    'refundCount',
    'gross',
    'refunds',
    'fees',
    'net',
  ] as const
).map((key) => ({ key, header: key }));

/**
 * Every row a list's filters select (from the cursor on, if given), newest day first, as CSV rows. Filters, cursor
 * and merchant scope are checked before the first row, so a bad one is an error answer rather than a broken
 * download; rows are then read one keyset page at a time as the consumer pulls them.
 */
export async function exportSettlementsCsv({ db, principal, query, pageSize = 1_000 }: ExportSettlements) {
  let after: SettlementCursor | undefined = decodeSettlementCursor(query.cursor);
  const filter = { merchantId: scopedMerchantFilter(principal, query.merchantId), from: query.from, to: query.to };
  async function* rows(): AsyncGenerator<SettlementCsvRow> {
    for (;;) {
      const page = await readSettlementPage({ db, filter, after, take: pageSize });
      for (const row of page) {
        const digits = currencyMinorDigits(row.currency);
        yield {
          ...row,
          gross: minorUnitsToDecimal(row.grossAmount, digits),
          refunds: minorUnitsToDecimal(row.refundAmount, digits),
          fees: minorUnitsToDecimal(row.feeAmount, digits),
          net: minorUnitsToDecimal(row.netAmount, digits),
        };
      }
      const last = page.at(-1);
      if (page.length < pageSize || !last) return;
      after = last;
    }
  }
  return rows();
}
