import { createColumnHelper, metaHelper, rowSelectionFeature, tableFeatures, type ColumnDef } from '@tanstack/react-table';

/** What a column may say about its layout (TanStack Table v9 scopes meta types to the features object). */
export type DataTableColumnMeta = {
  /** 'end' for amounts and counts, so figures line up. */
  align?: 'start' | 'end';
  /** Leave the column out below this width (phone first: keep id, status, amount, time; drop the rest). */
  hideBelow?: 'sm' | 'md' | 'lg' | 'xl';
  /** false for cells with their own controls (buttons, menus): they are not part of the row link. */
  link?: boolean;
  /** Extra classes for the column's header and cells (a width, say). */
  className?: string;
};

// The features every data table registers: v9 builds only what is registered. Sorting and filtering are the
// server's (keyset lists), so the table needs row selection and nothing else.
export const dataTableFeatures = tableFeatures({ rowSelectionFeature, columnMeta: metaHelper<DataTableColumnMeta>() });

export type DataTableFeatures = typeof dataTableFeatures;

export type DataTableColumn<TData extends object> = ColumnDef<DataTableFeatures, TData, any>;

/**
 * The typed column helper for one kind of row: `const column = createDataTableColumns<Payment>();
 * const columns = column.columns([column.accessor('amount', { header: 'Amount', cell: (c) => formatMoney(c.getValue()),
 * meta: { align: 'end' } })])`. Define columns at module scope so they stay stable between renders.
 */
export function createDataTableColumns<TData extends object>() {
  return createColumnHelper<DataTableFeatures, TData>();
}
