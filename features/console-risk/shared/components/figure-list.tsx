import type { ReactNode } from 'react';

export type Figure = { label: string; value: ReactNode };

/** Label–value pairs as a description list: two columns at 1280 px, one on a phone. */
export function FigureList({ figures, label }: { figures: readonly Figure[]; label?: string }) {
  return (
    <dl aria-label={label} className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {figures.map((figure) => (
        <div key={figure.label} className="flex min-w-0 flex-col gap-0.5">
          <dt className="text-muted-foreground">{figure.label}</dt>
          <dd className="break-words font-medium tabular-nums">{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}
