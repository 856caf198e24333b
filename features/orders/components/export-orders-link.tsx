'use client';

import { DownloadIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { listPaymentsOperation } from '@/contracts/payment-list';
import { operationPath } from '@/lib/api-client/request-operation';
import type { PaymentListQuery } from '../order-filters';

/**
 * "Export CSV": the whole list as filtered, as the API streams it (GET /api/payments?format=csv), a plain link so
 * the browser downloads it however long it is.
 */
export function ExportOrdersLink({ query }: { query: PaymentListQuery }) {
  return (
    <Button variant="outline" asChild>
      <a href={operationPath(listPaymentsOperation, {}, { ...query, format: 'csv' })} download data-testid="export-orders">
        <DownloadIcon aria-hidden />
        Export CSV
      </a>
    </Button>
  );
}
