import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';
import { inputClassName } from '@/components/ui/input';

/** A multi-line text input with the input's look. */
export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea data-slot="textarea" className={cn(inputClassName, 'field-sizing-content h-auto min-h-16 py-2', className)} {...props} />
  );
}
