'use client';

import { Slot } from 'radix-ui';
import { useId, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Label } from '@/components/ui/label';

/** What a control needs to be tied to its label, hint and error. */
export type FieldControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
};

type FormFieldProps = {
  label: ReactNode;
  /** Shown under the control in red and announced; also marks the control invalid. */
  error?: ReactNode;
  /** A hint under the label. */
  description?: ReactNode;
  required?: boolean;
  /** The control's id; generated when absent. */
  id?: string;
  className?: string;
  /**
   * One control element (it receives id and aria props), or a function of those props for controls whose focusable
   * element is nested (a Select's trigger).
   */
  children: ReactNode | ((control: FieldControlProps) => ReactNode);
};

/** Label + control + hint + error text, with `htmlFor`, `aria-describedby` and `aria-invalid` wired up. */
export function FormField({ label, error, description, required, id, className, children }: FormFieldProps) {
  const generated = useId();
  const controlId = id ?? `${generated}-control`;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  const control: FieldControlProps = {
    id: controlId,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': required ? true : undefined,
  };
  return (
    <div data-slot="form-field" className={cn('grid gap-2', className)} data-invalid={error ? true : undefined}>
      <Label htmlFor={controlId}>
        {label}
        {required && (
          <span aria-hidden className="text-destructive">
            *
          </span>
        )}
      </Label>
      {description && (
        <p id={descriptionId} className="-mt-1 text-xs text-muted-foreground">
          {description}
        </p>
      )}
      {typeof children === 'function' ? children(control) : <Slot.Root {...control}>{children}</Slot.Root>}
      {error && (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
