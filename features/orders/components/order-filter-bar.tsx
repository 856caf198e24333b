'use client';

import { AmountRangeFilter } from '@/components/filters/amount-range-filter';
import { CheckboxFilter } from '@/components/filters/checkbox-filter';
import { DateTimeRangeFilter } from '@/components/filters/date-time-range-filter';
import { ClearFiltersButton, FilterBar } from '@/components/filters/filter-bar';
import { SearchFilter } from '@/components/filters/search-filter';
import { SelectFilter } from '@/components/filters/select-filter';
import { paymentStatusFilterSchema } from '@/contracts/payment-list';
import { providerSchema } from '@/contracts/payments';
import { formatStatus } from '@/lib/format/format-status';
import { useMerchantOptions } from '@/features/merchants/api/get-merchant-options';
import { orderFilterParams } from '../order-filters';

const providerOptions = providerSchema.options.map((value) => ({ value, label: formatStatus(value) }));
const statusOptions = paymentStatusFilterSchema.options.map((value) => ({ value, label: formatStatus(value) }));

/**
 * The Orders filters, every one in the URL: search by any id, merchant, provider, status, amount, time, flagged. A
 * merchant's own list (`merchantFilter` false) has no merchant to choose.
 */
export function OrderFilterBar({ merchantFilter = true }: { merchantFilter?: boolean }) {
  const merchants = useMerchantOptions({ enabled: merchantFilter });
  return (
    <FilterBar aria-label="Filter orders" className="mb-4">
      <SearchFilter label="Find by id" placeholder="Payment id, outTradeNo, provider's id" />
      {merchantFilter && <SelectFilter param="merchantId" label="Merchant" anyLabel="Any merchant" options={merchants.data ?? []} />}
      <SelectFilter param="provider" label="Provider" anyLabel="Any provider" options={providerOptions} />
      <SelectFilter param="status" label="Status" anyLabel="Any status" options={statusOptions} />
      <AmountRangeFilter minParam="amountMin" maxParam="amountMax" />
      <DateTimeRangeFilter label="Created" />
      <CheckboxFilter param="flagged" label="Flagged only" />
      <ClearFiltersButton params={orderFilterParams} />
    </FilterBar>
  );
}
