import type { ReactNode } from 'react';
import { Label } from '@/components/ui/label';

/** A filter's small visible label above its control. */
export function FilterLabel({ htmlFor, children }: { htmlFor?: string; children: ReactNode }) {
  return (
    <Label htmlFor={htmlFor} className="text-xs font-medium text-muted-foreground">
      {children}
    </Label>
  );
}
