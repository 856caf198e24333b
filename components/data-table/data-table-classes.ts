import type { DataTableColumnMeta } from '@/components/data-table/data-table-features';
import { cn } from '@/lib/cn';

// Whole class names, so Tailwind finds them in the source.
const hidden: Record<NonNullable<DataTableColumnMeta['hideBelow']>, string> = {
  sm: 'hidden sm:table-cell',
  md: 'hidden md:table-cell',
  lg: 'hidden lg:table-cell',
  xl: 'hidden xl:table-cell',
};

/** The classes a column's meta gives its header and cells. */
export function columnClassName(meta: DataTableColumnMeta | undefined): string {
  return cn(meta?.align === 'end' && 'text-right', meta?.hideBelow && hidden[meta.hideBelow], meta?.className);
}
