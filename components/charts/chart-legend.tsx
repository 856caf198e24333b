/** The series names with their colours, above a chart (plain text, so it is read and wraps on a phone). */
export function ChartLegend({ items }: { items: readonly { label: string; color: string; dashed?: boolean }[] }) {
  return (
    <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span
            aria-hidden
            className="inline-block h-0.5 w-3"
            style={
              item.dashed ? { borderTop: `2px dashed ${item.color}` } : { background: item.color, height: 8, width: 8, borderRadius: 2 }
            }
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
