'use client';

import type { DataTableColumn } from '@/components/data-table/data-table-features';
import { Checkbox } from '@/components/ui/checkbox';

/**
 * The checkbox column a selectable table puts first. The row handler gets the click's Shift key, so Shift+click
 * selects the range from the last row clicked; Space toggles one row from the keyboard.
 */
export function selectionColumn<TData extends object>(): DataTableColumn<TData> {
  return {
    id: '__select',
    meta: { link: false, className: 'w-10' },
    header: ({ table }) => (
      <Checkbox
        className="align-middle"
        aria-label="Select all shown rows"
        checked={table.getIsAllRowsSelected() ? true : table.getIsSomeRowsSelected() ? 'indeterminate' : false}
        onCheckedChange={(checked) => table.toggleAllRowsSelected(checked === true)}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        className="align-middle"
        aria-label={`Select row ${row.id}`}
        checked={row.getIsSelected()}
        disabled={!row.getCanSelect()}
        // The v9 handler reads the wanted state from `event.target.checked`, which a Radix checkbox (a button) lacks.
        onClick={(event) => row.getToggleSelectedHandler()({ shiftKey: event.shiftKey, target: { checked: !row.getIsSelected() } })}
      />
    ),
  };
}
