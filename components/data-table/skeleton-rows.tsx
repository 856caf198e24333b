import { TableCell, TableRow } from '@/components/ui/table';
import { Skeleton } from '@/components/ui/skeleton';

const widths = ['w-24', 'w-16', 'w-32', 'w-20', 'w-28'];

/** Placeholder rows while the first page loads, as many cells as the table has columns. */
export function SkeletonRows({ rows, columns, classNames }: { rows: number; columns: number; classNames: string[] }) {
  return Array.from({ length: rows }, (_, row) => (
    <TableRow key={row} aria-hidden className="hover:bg-transparent">
      {Array.from({ length: columns }, (_, column) => (
        <TableCell key={column} className={classNames[column]}>
          <Skeleton className={`h-4 ${widths[(row + column) % widths.length]} max-w-full`} />
        </TableCell>
      ))}
    </TableRow>
  ));
}
