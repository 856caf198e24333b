// POST /api/payments: place an order with the provider; 201 new, 200 when the shopper retries a pending payment.
// GET /api/payments: payments newest first, filtered or found by any id, keyset-paginated; merchant-scoped; as CSV
// (Accept: text/csv or format=csv) the whole filtered list, streamed.
import { getPrisma } from '@/lib/db/prisma';
import { jsonResponse } from '@/lib/http/error-response';
import { csvResponse, wantsCsv } from '@/lib/http/csv-response';
import { handle } from '@/lib/http/handle';
import { createPayment } from '@/server/payments/create-payment';
import { exportPaymentsCsv, paymentCsvColumns } from '@/server/payments/export-payments-csv';
import { listPayments } from '@/server/payments/list-payments';
import { createPaymentOperation } from '@/contracts/payments';
import { listPaymentsOperation } from '@/contracts/payment-list';

export const POST = handle(createPaymentOperation, ({ body, principal }) =>
  createPayment({ db: getPrisma(), principal, input: body }).then(({ created, payment }) => jsonResponse(payment, created ? 201 : 200)),
);

export const GET = handle(listPaymentsOperation, async ({ request, query, principal }) =>
  wantsCsv(request, query.format)
    ? csvResponse('payments.csv', paymentCsvColumns, await exportPaymentsCsv({ db: getPrisma(), principal, query }))
    : listPayments({ db: getPrisma(), principal, query }),
);
