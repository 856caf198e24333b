'use client';

import { useTable, type OnChangeFn, type RowSelectionState } from '@tanstack/react-table';
import Link from 'next/link';
import { useMemo, type ReactNode } from 'react';
import { columnClassName } from '@/components/data-table/data-table-classes';
import { dataTableFeatures, type DataTableColumn } from '@/components/data-table/data-table-features';
import { LoadMore } from '@/components/data-table/load-more';
import { selectionColumn } from '@/components/data-table/selection-column';
import { SkeletonRows } from '@/components/data-table/skeleton-rows';
import { Alert, AlertAction, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { InsideLinkContext } from '@/components/ui/inside-link';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/cn';

export type DataTableProps<TData extends object> = {
  /** From `createDataTableColumns<TData>()`, defined at module scope. */
  columns: ReadonlyArray<DataTableColumn<TData>>;
  /** The rows loaded so far (every page, in order); undefined while the first page loads. */
  data: TData[] | undefined;
  /** A stable id per row (the API's id), at module scope; selection is kept by it. */
  getRowId: (row: TData) => string;
  /** Where a row leads: every cell becomes a real link to it (middle-click, open in a new tab, keyboard). */
  rowHref?: (row: TData) => string;
  /** The table's accessible name ("Orders"). */
  label: string;
  isLoading?: boolean;
  /** A failed load: shown instead of the rows when there are none, above them when there are. */
  error?: unknown;
  onRetry?: () => unknown;
  isRetrying?: boolean;
  /** Said when there are no rows; an EmptyState fits ("No failed deliveries", with "Clear filters"). */
  empty?: ReactNode;
  /** Above the table: the paused-live notice (`NewRowsBanner`), a bulk-action bar. */
  banner?: ReactNode;
  /** Keyset pagination: whether the server gave a `nextCursor`, and how to fetch it. */
  hasNextPage?: boolean;
  onLoadMore?: () => unknown;
  isLoadingMore?: boolean;
  /** Replaces the "Load more" footer (a `CursorPager` for page-by-page lists in the URL). */
  footer?: ReactNode;
  /** Row selection, controlled: pass both to get a checkbox column. */
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: OnChangeFn<RowSelectionState>;
  canSelectRow?: (row: TData) => boolean;
  skeletonRows?: number;
  className?: string;
};

const noRows: never[] = [];

/**
 * The list every console and portal page shows: typed columns on TanStack Table v9, rows that are links, skeleton
 * rows while loading, empty and error states, "Load more" from the server's `nextCursor`, optional selection. Wide
 * tables scroll sideways on a phone; columns with `meta.hideBelow` drop out there.
 */
export function DataTable<TData extends object>({
  columns,
  data,
  getRowId,
  rowHref,
  label,
  isLoading = data === undefined,
  error,
  onRetry,
  isRetrying,
  empty,
  banner,
  hasNextPage = false,
  onLoadMore,
  isLoadingMore = false,
  footer,
  rowSelection,
  onRowSelectionChange,
  canSelectRow,
  skeletonRows = 8,
  className,
}: DataTableProps<TData>) {
  const selectable = onRowSelectionChange !== undefined;
  const allColumns = useMemo(() => (selectable ? [selectionColumn<TData>(), ...columns] : columns), [selectable, columns]);
  const table = useTable({
    features: dataTableFeatures,
    columns: allColumns,
    data: data ?? (noRows as TData[]),
    getRowId: (row) => getRowId(row),
    enableRowSelection: selectable ? (canSelectRow ? (row) => canSelectRow(row.original) : true) : false,
    ...(selectable ? { onRowSelectionChange, state: { rowSelection: rowSelection ?? {} } } : {}),
  });
  const leafColumns = table.getAllLeafColumns();
  const classNames = leafColumns.map((column) => columnClassName(column.columnDef.meta));
  const rows = table.getRowModel().rows;
  const failedWithoutRows = error !== undefined && error !== null && rows.length === 0;
  const showSkeleton = isLoading && rows.length === 0 && !failedWithoutRows;

  const fullWidth = (content: ReactNode) => (
    <TableRow className="hover:bg-transparent">
      <TableCell colSpan={leafColumns.length} className="whitespace-normal p-0">
        {content}
      </TableCell>
    </TableRow>
  );

  return (
    <div data-slot="data-table" className={cn('flex min-w-0 flex-col gap-3', className)}>
      {banner}
      {error !== undefined && error !== null && rows.length > 0 && (
        <Alert tone="danger">
          <AlertTitle>The list could not be refreshed</AlertTitle>
          <AlertDescription>{error instanceof Error ? error.message : 'Showing what was loaded before.'}</AlertDescription>
          {onRetry && (
            <AlertAction>
              <Button size="sm" variant="outline" onClick={() => onRetry()} loading={isRetrying}>
                Try again
              </Button>
            </AlertAction>
          )}
        </Alert>
      )}
      <div className="min-w-0 overflow-hidden rounded-lg border bg-card">
        <Table aria-label={label} aria-busy={isLoading || isLoadingMore || undefined}>
          <TableHeader className="bg-muted/40">
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id} className="hover:bg-transparent">
                {group.headers.map((header, index) => (
                  <TableHead key={header.id} scope="col" colSpan={header.colSpan} className={classNames[index]}>
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </TableHead>
                ))}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {showSkeleton && <SkeletonRows rows={skeletonRows} columns={leafColumns.length} classNames={classNames} />}
            {failedWithoutRows && fullWidth(<ErrorState error={error} onRetry={onRetry} retrying={isRetrying} />)}
            {!isLoading && !failedWithoutRows && rows.length === 0 && fullWidth(empty ?? <EmptyState title="Nothing here yet" />)}
            {rows.map((row) => {
              const href = rowHref?.(row.original);
              let tabStop = true;
              return (
                <TableRow
                  key={row.id}
                  data-state={row.getIsSelected() ? 'selected' : undefined}
                  className={cn(
                    href &&
                      'cursor-pointer has-[a:focus-visible]:bg-accent has-[a:focus-visible]:outline-2 has-[a:focus-visible]:-outline-offset-2 has-[a:focus-visible]:outline-ring',
                  )}
                >
                  {row.getAllCells().map((cell, index) => {
                    const linked = href !== undefined && cell.column.columnDef.meta?.link !== false;
                    const content = <table.FlexRender cell={cell} />;
                    if (!linked)
                      return (
                        <TableCell key={cell.id} className={classNames[index]}>
                          {content}
                        </TableCell>
                      );
                    // One tab stop per row (its first linked cell); the other cells are the same link for the mouse.
                    const tabIndex = tabStop ? undefined : -1;
                    tabStop = false;
                    return (
                      <TableCell key={cell.id} className={cn('p-0', classNames[index])}>
                        <Link
                          href={href}
                          prefetch={false}
                          tabIndex={tabIndex}
                          className="block px-3 py-2 text-inherit no-underline outline-none"
                        >
                          <InsideLinkContext value>{content}</InsideLinkContext>
                        </Link>
                      </TableCell>
                    );
                  })}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {footer ??
        (rows.length > 0 && <LoadMore shown={rows.length} hasNextPage={hasNextPage} onLoadMore={onLoadMore} loading={isLoadingMore} />)}
    </div>
  );
}
